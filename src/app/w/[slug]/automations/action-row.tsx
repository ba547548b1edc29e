"use client";

import { useId } from "react";
import type { Member, TagOption } from "@/trpc/types";
import { FIELD, FieldError, ICON_BUTTON } from "./form-parts";
import { ResponsePreview } from "./response-preview";
import { ACTION_TYPES, newAction, type ActionRow as Row, type ActionType } from "./rule-form";

/** One action: a tag or an agent picked by name, or a response body with its live preview. */
export function ActionRow(props: {
  index: number;
  row: Row;
  tags: TagOption[];
  members: Member[];
  workspaceName: string;
  error: string | undefined;
  onChange: (row: Row) => void;
  onRemove?: () => void;
}) {
  const { index, row, tags, members, workspaceName, error, onChange, onRemove } = props;
  const errorId = useId();
  const valueProps = { "aria-invalid": Boolean(error), "aria-describedby": error ? errorId : undefined, value: row.value, className: FIELD };
  const pick = (label: string, options: { id: string; label: string }[]) => (
    <select aria-label={label} {...valueProps} onChange={(e) => onChange({ ...row, value: e.target.value })}>
      <option value="">Choose…</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );

  return (
    <div role="group" aria-label={`Action ${index + 1}`} className="flex flex-wrap items-start gap-2 sm:flex-nowrap">
      <select aria-label="Action type" value={row.type} onChange={(e) => onChange(newAction(e.target.value as ActionType))} className={`${FIELD} sm:w-44`}>
        {Object.entries(ACTION_TYPES).map(([type, label]) => (
          <option key={type} value={type}>
            {label}
          </option>
        ))}
      </select>
      <div className="min-w-0 flex-1 basis-56">
        {row.type === "add_tag" &&
          pick(
            "Tag",
            tags.map((t) => ({ id: t.id, label: t.name })),
          )}
        {row.type === "assign_agent" &&
          pick(
            "Agent",
            members.map((m) => ({ id: m.id, label: m.name ? `${m.name} (${m.email})` : m.email })),
          )}
        {row.type === "send_response" && (
          <textarea
            aria-label="Response"
            rows={4}
            {...valueProps}
            placeholder="Hi {{contact.name}}, we got your message…"
            onChange={(e) => onChange({ ...row, value: e.target.value })}
          />
        )}
        <FieldError id={errorId} message={error} />
        {row.type === "send_response" && <ResponsePreview body={row.value} workspaceName={workspaceName} />}
      </div>
      {onRemove && (
        <button type="button" onClick={onRemove} aria-label={`Remove action ${index + 1}`} className={ICON_BUTTON}>
          ✕
        </button>
      )}
    </div>
  );
}
