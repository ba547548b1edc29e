"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import type { AutomationRule, ContactListOption } from "@/trpc/types";
import { FIELD, FieldError, PRIMARY } from "./form-parts";
import { CONDITION_TYPES, OPERATOR_LABELS, serverFieldErrors } from "./rule-form";
import { ErrorAlert } from "@/components/error-alert";

const EMPTY = { from_email: "", subject: "", body: "" };

/** Would the saved rule match this email? The server evaluates it as the engine would, and stores nothing. */
export function DryRunPanel({
  workspaceSlug,
  rule,
  lists,
  unsaved,
}: {
  workspaceSlug: string;
  rule: AutomationRule;
  lists: ContactListOption[];
  unsaved: boolean;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [sample, setSample] = useState(EMPTY);
  const test = useMutation(trpc.automation.test.mutationOptions());
  const errors = serverFieldErrors(test.error);
  const listName = (listId: string) => lists.find((list) => list.id === listId)?.name ?? listId;

  function change(field: keyof typeof EMPTY, value: string) {
    setSample({ ...sample, [field]: value });
    test.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    test.mutate({ workspaceSlug, ruleId: rule.id, ...sample });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Dry run
      </h2>
      <p className="mb-3 text-slate-600">Checks a sample email against the saved rule. Nothing is created, tagged, sent or counted.</p>
      {unsaved && <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-amber-900">The editor has unsaved changes; the dry run tests the rule as saved.</p>}
      <form onSubmit={submit} aria-label="Dry run" className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block font-medium">
            Sender
            <input
              value={sample.from_email}
              onChange={(e) => change("from_email", e.target.value)}
              placeholder="Tom Becker <tom@acme.com>"
              aria-invalid={Boolean(errors.from_email)}
              aria-describedby={`${id}-from`}
              className={`${FIELD} mt-1 font-normal`}
            />
            <FieldError id={`${id}-from`} message={errors.from_email} />
          </label>
          <label className="block font-medium">
            Subject
            <input value={sample.subject} onChange={(e) => change("subject", e.target.value)} className={`${FIELD} mt-1 font-normal`} />
          </label>
        </div>
        <label className="block font-medium">
          Body
          <textarea value={sample.body} onChange={(e) => change("body", e.target.value)} rows={3} className={`${FIELD} mt-1 font-normal`} />
        </label>
        {Object.keys(errors).length === 0 && <ErrorAlert error={test.error} />}
        <button type="submit" disabled={test.isPending} className={PRIMARY}>
          {test.isPending ? "Testing…" : "Run dry run"}
        </button>
      </form>
      <div role="status" aria-live="polite" className="mt-3">
        {test.data && (
          <div data-testid="dry-run-result" data-matched={test.data.matched}>
            <p className={`mb-2 rounded-md px-3 py-2 font-semibold ${test.data.matched ? "bg-green-50 text-green-800" : "bg-amber-50 text-amber-900"}`}>
              {test.data.matched ? "✓ Matched: the rule's actions would run" : "✗ Not matched: the rule would do nothing"}
            </p>
            {test.data.trace.length === 0 ? (
              <p className="text-slate-600">The rule has no conditions, so every email matches.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left">
                  <caption className="sr-only">Each condition's result</caption>
                  <thead className="text-xs text-slate-600 uppercase">
                    <tr>
                      <th className="py-1 pr-3">Condition</th>
                      <th className="py-1 pr-3">Operator</th>
                      <th className="py-1 pr-3">Value</th>
                      <th className="py-1">Result</th>
                    </tr>
                  </thead>
                  <tbody>
                    {test.data.trace.map((entry, i) => (
                      <tr
                        key={i}
                        data-testid="trace-entry"
                        data-result={entry.result ? "pass" : "fail"}
                        className={`border-t border-slate-100 ${entry.result ? "" : "bg-red-50"}`}
                      >
                        <td className="py-1.5 pr-3">{CONDITION_TYPES[entry.type].label}</td>
                        <td className="py-1.5 pr-3">{OPERATOR_LABELS[entry.operator] ?? entry.operator}</td>
                        <td className="py-1.5 pr-3 break-all">{entry.type === "contact_list" ? listName(entry.value) : entry.value}</td>
                        <td className={`py-1.5 font-medium ${entry.result ? "text-green-700" : "text-red-700"}`}>{entry.result ? "✓ Pass" : "✗ Fail"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
