"use client";

import type { MacroAction } from "@/server/macros/macros.schema";
import type { Member, RouterOutputs } from "@/trpc/types";
import { BUTTON, FIELD, INLINE_FIELD } from "./ui";

type SavedReply = RouterOutputs["savedReply"]["list"][number];

export const ACTION_LABELS: Record<MacroAction["type"], string> = {
  set_status: "Set status",
  set_priority: "Set priority",
  assign: "Assign",
  add_tag: "Add tag",
  remove_tag: "Remove tag",
  reply: "Reply with saved reply",
  add_note: "Add note",
};

/** A new action of the type, with a first value filled in. */
export function newAction(type: MacroAction["type"], replies: SavedReply[]): MacroAction {
  switch (type) {
    case "set_status":
      return { type, status: "closed" };
    case "set_priority":
      return { type, priority: "high" };
    case "assign":
      return { type, assigneeId: null };
    case "add_tag":
    case "remove_tag":
      return { type, tag: "" };
    case "reply":
      return { type, savedReplyId: replies[0]?.id ?? "" };
    case "add_note":
      return { type, body: "" };
  }
}

/** One step of the macro being edited: its kind and its value. */
export function MacroActionRow(props: {
  index: number;
  action: MacroAction;
  members: Member[];
  replies: SavedReply[];
  onChange: (action: MacroAction) => void;
  onRemove: () => void;
}) {
  const { index, action, members, replies, onChange, onRemove } = props;
  const label = `Action ${index + 1}`;
  return (
    <li className="flex flex-wrap items-start gap-2">
      <select
        aria-label={`${label} type`}
        value={action.type}
        onChange={(e) => onChange(newAction(e.target.value as MacroAction["type"], replies))}
        className={INLINE_FIELD}
      >
        {Object.entries(ACTION_LABELS).map(([type, text]) => (
          <option key={type} value={type}>
            {text}
          </option>
        ))}
      </select>
      <div className="min-w-48 flex-1">
        {action.type === "set_status" && (
          <select
            aria-label={`${label} status`}
            value={action.status}
            onChange={(e) => onChange({ ...action, status: e.target.value as typeof action.status })}
            className={FIELD}
          >
            {["open", "pending", "closed"].map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        )}
        {action.type === "set_priority" && (
          <select
            aria-label={`${label} priority`}
            value={action.priority}
            onChange={(e) => onChange({ ...action, priority: e.target.value as typeof action.priority })}
            className={FIELD}
          >
            {["low", "normal", "high", "urgent"].map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        )}
        {action.type === "assign" && (
          <select
            aria-label={`${label} assignee`}
            value={action.assigneeId ?? ""}
            onChange={(e) => onChange({ ...action, assigneeId: e.target.value || null })}
            className={FIELD}
          >
            <option value="">Nobody (unassign)</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name ?? m.email}
              </option>
            ))}
          </select>
        )}
        {(action.type === "add_tag" || action.type === "remove_tag") && (
          <input
            aria-label={`${label} tag`}
            required
            maxLength={50}
            value={action.tag}
            onChange={(e) => onChange({ ...action, tag: e.target.value })}
            className={FIELD}
          />
        )}
        {action.type === "reply" && (
          <select
            aria-label={`${label} saved reply`}
            required
            value={action.savedReplyId}
            onChange={(e) => onChange({ ...action, savedReplyId: e.target.value })}
            className={FIELD}
          >
            {replies.length === 0 && <option value="">No shared saved replies yet</option>}
            {replies.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
        {action.type === "add_note" && (
          <textarea
            aria-label={`${label} note`}
            required
            rows={2}
            value={action.body}
            onChange={(e) => onChange({ ...action, body: e.target.value })}
            className={FIELD}
          />
        )}
      </div>
      <button type="button" className={BUTTON} aria-label={`Remove action ${index + 1}`} onClick={onRemove}>
        ✕
      </button>
    </li>
  );
}
