"use client";

import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { useUnsavedChanges } from "@/components/unsaved-changes";
import { BUTTON, FIELD, LABEL, PRIMARY } from "./ui";

export interface SavedReplyDraft {
  name: string;
  body: string;
  shared: boolean;
}

const LABELS = { name: "The name", body: "The reply" };
export const PLACEHOLDER_HINT = "Placeholders: {{contact.name}}, {{contact.email}}, {{ticket.number}}, {{ticket.subject}}, {{workspace.name}}.";

/** Creates or edits one saved reply; `canShare` offers the workspace-wide choice (owners, new replies). */
export function SavedReplyForm(props: {
  label: string;
  initial?: SavedReplyDraft;
  canShare: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: SavedReplyDraft) => void;
  onCancel?: () => void;
}) {
  const initial = props.initial ?? { name: "", body: "", shared: false };
  const [name, setName] = useState(initial.name);
  const [body, setBody] = useState(initial.body);
  const [shared, setShared] = useState(initial.shared);
  useUnsavedChanges(name !== initial.name || body !== initial.body);
  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit({ name, body, shared });
  }

  return (
    <form onSubmit={submit} aria-label={props.label} className="space-y-2">
      <label className={LABEL}>
        Name
        <input required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} className={`${FIELD} mt-1`} />
      </label>
      <label className={LABEL}>
        Reply
        <textarea required rows={4} value={body} onChange={(e) => setBody(e.target.value)} className={`${FIELD} mt-1`} />
      </label>
      <p className="text-xs text-slate-500">{PLACEHOLDER_HINT}</p>
      {props.canShare && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          Shared with the whole workspace
        </label>
      )}
      <ErrorAlert error={props.error} labels={LABELS} lead="Not saved." />
      <div className="flex gap-2">
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
