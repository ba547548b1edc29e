"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { RelativeTime } from "@/components/relative-time";
import type { AutomationRule } from "@/trpc/types";
import { ICON_BUTTON } from "./form-parts";

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** One rule in its event's list: owners get a drag handle, move buttons and the active switch. */
export function RuleRow(props: {
  rule: AutomationRule;
  position: number;
  last: boolean;
  canEdit: boolean;
  selected: boolean;
  onSelect: () => void;
  onMove: (step: -1 | 1) => void;
  onSetActive: (active: boolean) => void;
}) {
  const { rule, position, last, canEdit, selected, onSelect, onMove, onSetActive } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: rule.id, disabled: !canEdit });
  const summary = [plural(rule.conditions.length, "condition"), plural(rule.actions.length, "action"), rule.stop_on_match ? "stops later rules" : ""];

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="automation-rule"
      className={`relative flex items-center gap-2 border-b border-slate-100 bg-white px-2 py-2 last:border-b-0 sm:px-3 ${selected ? "bg-brand-50" : ""} ${isDragging ? "z-10 shadow-lg" : ""}`}
    >
      {canEdit && (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={`Drag to reorder ${rule.name}`}
          className={`${ICON_BUTTON} cursor-grab touch-none active:cursor-grabbing`}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <span className="w-5 shrink-0 text-right text-sm text-slate-500 tabular-nums">{position}.</span>
      <div className="min-w-0 flex-1">
        <button
          type="button"
          onClick={onSelect}
          aria-current={selected ? "true" : undefined}
          className="block max-w-full truncate text-left font-medium text-slate-900 hover:underline"
        >
          {rule.name}
        </button>
        <p className="truncate text-xs text-slate-600">{summary.filter(Boolean).join(" · ")}</p>
        <p className="text-xs text-slate-600" data-testid="match-stats">
          {rule.match_count === 0 ? "No matches yet" : plural(rule.match_count, "match")}
          {rule.last_matched_at && (
            <>
              , last <RelativeTime iso={rule.last_matched_at} />
            </>
          )}
        </p>
      </div>
      {canEdit ? (
        <label className="flex shrink-0 items-center gap-1.5 text-xs text-slate-700">
          <input
            type="checkbox"
            role="switch"
            checked={rule.is_active}
            onChange={(e) => onSetActive(e.target.checked)}
            aria-label={`${rule.name} is active`}
            className="h-4 w-4 accent-brand-600"
          />
          <span aria-hidden="true">Active</span>
        </label>
      ) : (
        <span
          className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${rule.is_active ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-700"}`}
        >
          {rule.is_active ? "Active" : "Paused"}
        </span>
      )}
      {canEdit && (
        <span className="flex shrink-0 flex-col">
          <button
            type="button"
            onClick={() => onMove(-1)}
            disabled={position === 1}
            aria-label={`Move ${rule.name} up`}
            className={`${ICON_BUTTON} py-0 text-xs`}
          >
            ▲
          </button>
          <button type="button" onClick={() => onMove(1)} disabled={last} aria-label={`Move ${rule.name} down`} className={`${ICON_BUTTON} py-0 text-xs`}>
            ▼
          </button>
        </span>
      )}
    </li>
  );
}
