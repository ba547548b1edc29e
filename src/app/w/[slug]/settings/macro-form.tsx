"use client";

import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { useUnsavedChanges } from "@/components/unsaved-changes";
import type { MacroAction } from "@/server/macros/macros.schema";
import type { Member, RouterOutputs } from "@/trpc/types";
import { MacroActionRow, newAction } from "./macro-action-row";
import { PLACEHOLDER_HINT } from "./saved-reply-form";
import { BUTTON, FIELD, LABEL, PRIMARY } from "./ui";

type SavedReply = RouterOutputs["savedReply"]["list"][number];
export type MacroDraft = { name: string; actions: MacroAction[] };

/** Creates or edits a macro: a name and its actions, in the order they apply. */
export function MacroForm(props: {
  label: string;
  initial?: MacroDraft;
  members: Member[];
  replies: SavedReply[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: MacroDraft) => void;
  onCancel?: () => void;
}) {
  const initial = props.initial ?? { name: "", actions: [newAction("set_status", props.replies)] };
  const [name, setName] = useState(initial.name);
  const [actions, setActions] = useState(initial.actions);
  useUnsavedChanges(name !== initial.name || JSON.stringify(actions) !== JSON.stringify(initial.actions));
  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit({ name, actions });
  }

  return (
    <form onSubmit={submit} aria-label={props.label} className="space-y-2">
      <label className={LABEL}>
        Name
        <input required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} className={`${FIELD} mt-1`} />
      </label>
      <ol aria-label="Actions" className="space-y-2">
        {actions.map((action, i) => (
          <MacroActionRow
            key={i}
            index={i}
            action={action}
            members={props.members}
            replies={props.replies}
            onChange={(changed) => setActions(actions.map((a, j) => (j === i ? changed : a)))}
            onRemove={() => setActions(actions.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <p className="text-xs text-slate-500">Notes may use placeholders. {PLACEHOLDER_HINT}</p>
      <ErrorAlert error={props.error} labels={{ name: "The name", actions: "The actions" }} lead="Not saved." />
      <div className="flex flex-wrap gap-2">
        <button type="button" className={BUTTON} disabled={actions.length >= 20} onClick={() => setActions([...actions, newAction("add_tag", props.replies)])}>
          Add action
        </button>
        <button type="submit" disabled={props.pending} className={PRIMARY}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel} className={BUTTON}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
