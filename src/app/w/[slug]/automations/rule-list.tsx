"use client";

import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type UniqueIdentifier } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { AutomationRule } from "@/trpc/types";
import type { AutomationEvent } from "./rule-form";
import { RuleRow } from "./rule-row";

/** The rules of one event in run order; owners reorder them by drag, by keyboard (Space, arrows) or with ▲/▼. */
export function RuleList(props: {
  event: AutomationEvent;
  label: string;
  rules: AutomationRule[];
  canEdit: boolean;
  selectedId: string | null;
  onSelect: (rule: AutomationRule) => void;
  onMove: (activeId: string, overId: string) => void;
  onSetActive: (rule: AutomationRule, active: boolean) => void;
}) {
  const { event, label, rules, canEdit, selectedId, onSelect, onMove, onSetActive } = props;
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const name = (id: UniqueIdentifier | undefined) => rules.find((rule) => rule.id === id)?.name ?? "the list";
  // Screen readers hear rule names rather than dnd-kit's default ids.
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}.`,
    onDragOver: ({ active, over }) => (over && over.id !== active.id ? `${name(active.id)} is over ${name(over.id)}.` : undefined),
    onDragEnd: ({ active, over }) => `${name(active.id)} was dropped at the place of ${name(over?.id)}.`,
    onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled.`,
  };
  const headingId = `rules-${event}`;

  return (
    <section aria-labelledby={headingId} className="mb-6">
      <h2 id={headingId} className="mb-2 text-sm font-semibold tracking-wide text-slate-700 uppercase">
        {label}
      </h2>
      {rules.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-500">No rules for this event.</p>
      ) : (
        <DndContext
          id={`dnd-${event}`}
          sensors={sensors}
          collisionDetection={closestCenter}
          accessibility={{ announcements }}
          onDragEnd={({ active, over }) => over && onMove(String(active.id), String(over.id))}
        >
          <SortableContext items={rules.map((rule) => rule.id)} strategy={verticalListSortingStrategy}>
            <ol aria-labelledby={headingId} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
              {rules.map((rule, index) => (
                <RuleRow
                  key={rule.id}
                  rule={rule}
                  position={index + 1}
                  last={index === rules.length - 1}
                  canEdit={canEdit}
                  selected={rule.id === selectedId}
                  onSelect={() => onSelect(rule)}
                  onMove={(step) => {
                    const other = rules[index + step];
                    if (other) onMove(rule.id, other.id);
                  }}
                  onSetActive={(active) => onSetActive(rule, active)}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
    </section>
  );
}
