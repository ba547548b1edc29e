"use client";

import { useState, type FormEvent } from "react";
import { BUTTON, FIELD, LABEL, PRIMARY } from "./ui";
import { ErrorAlert } from "@/components/error-alert";
import { useUnsavedChanges } from "@/components/unsaved-changes";

export interface CustomerFields {
  name: string;
  domains: string[];
}

/** Name and email domains of a customer, for creating one or editing one. */
export function CustomerForm(props: {
  initial?: CustomerFields;
  submitLabel: string;
  busy: boolean;
  error: { message: string } | null;
  onSubmit: (fields: CustomerFields) => void;
  onCancel?: () => void;
}) {
  const { initial, submitLabel, busy, error, onSubmit, onCancel } = props;
  const [name, setName] = useState(initial?.name ?? "");
  const [domains, setDomains] = useState(initial?.domains.join(", ") ?? "");
  useUnsavedChanges(name !== (initial?.name ?? "") || domains !== (initial?.domains.join(", ") ?? ""));
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ name, domains: domains.split(/[,\s]+/).filter(Boolean) });
  }
  return (
    <form onSubmit={submit} aria-label={initial ? `Edit ${initial.name}` : "Create a customer"} className="space-y-2">
      <div className="grid gap-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
        <label className={LABEL}>
          Customer name
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} className={`${FIELD} mt-1`} />
        </label>
        <label className={LABEL}>
          Email domains
          <input value={domains} placeholder="acme.com, acme.io" onChange={(e) => setDomains(e.target.value)} className={`${FIELD} mt-1`} />
        </label>
        <div className="flex gap-2">
          <button type="submit" disabled={busy} className={PRIMARY}>
            {submitLabel}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel} className={BUTTON}>
              Cancel
            </button>
          )}
        </div>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}
