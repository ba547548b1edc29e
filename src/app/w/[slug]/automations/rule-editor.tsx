"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { Modal } from "@/components/modal";
import { useUnsavedChanges } from "@/components/unsaved-changes";
import { useTRPC } from "@/trpc/react";
import type { AutomationRule } from "@/trpc/types";
import { ActionRow } from "./action-row";
import { ConditionRow } from "./condition-row";
import { DryRunPanel } from "./dry-run-panel";
import { BUTTON, FIELD, FieldError, PRIMARY } from "./form-parts";
import {
  EVENTS,
  emptyForm,
  errorUnder,
  newAction,
  newCondition,
  removeAt,
  replaceAt,
  ruleToForm,
  serverFieldErrors,
  toPayload,
  validateForm,
  type RuleForm,
} from "./rule-form";

/** Creates or edits a rule (owners), or shows it read-only (members); a saved rule can be dry-run below. */
export function RuleEditor(props: {
  workspaceSlug: string;
  workspaceName: string;
  rule: AutomationRule | null;
  canEdit: boolean;
  onSaved: (rule: AutomationRule) => void;
  onClose: () => void;
}) {
  const { workspaceSlug, workspaceName, rule, canEdit, onSaved, onClose } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.tag.list.queryOptions({ workspaceSlug })).data ?? [];
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug })).data ?? [];
  const lists = useQuery(trpc.contactList.list.queryOptions({ workspaceSlug })).data ?? [];
  const [form, setForm] = useState<RuleForm>(() => (rule ? ruleToForm(rule) : emptyForm("ticket_created")));
  const [blankForm] = useState(form);
  const [submitted, setSubmitted] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => heading.current?.focus(), []);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.automation.list.pathKey() });
  const onSuccess = async (saved: AutomationRule) => {
    await refresh();
    onSaved(saved);
  };
  const create = useMutation(trpc.automation.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.automation.update.mutationOptions({ onSuccess }));
  const remove = useMutation(
    trpc.automation.delete.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose();
      },
    }),
  );
  const save = rule ? update : create;

  const validation = validateForm(form);
  const serverErrors = serverFieldErrors(save.error);
  // The schema's messages appear once a save was tried, and then follow every change.
  const errors = { ...serverErrors, ...(submitted && !validation.ok ? validation.errors : {}) };
  const generalError = (save.error && Object.keys(serverErrors).length === 0 ? save.error : null) ?? remove.error;
  const unsaved = JSON.stringify(toPayload(form)) !== JSON.stringify(toPayload(rule ? ruleToForm(rule) : blankForm));
  useUnsavedChanges(canEdit && unsaved);

  function change(next: Partial<RuleForm>) {
    setForm({ ...form, ...next });
    save.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!validation.ok) return;
    if (rule) update.mutate({ workspaceSlug, ruleId: rule.id, ...validation.payload });
    else create.mutate({ workspaceSlug, ...validation.payload });
  }

  const title = rule ? rule.name : "New rule";
  return (
    <div className="space-y-4">
      <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="mb-3 flex items-center justify-between gap-2">
          <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="truncate text-lg font-semibold">
            {canEdit ? (rule ? `Edit “${title}”` : title) : title}
          </h2>
          <button type="button" onClick={onClose} aria-label="Close the editor" className="rounded-md px-2 py-1 text-slate-500 hover:bg-slate-100">
            ✕
          </button>
        </div>
        <form onSubmit={submit} noValidate aria-label="Rule editor" className="space-y-4 text-sm">
          <fieldset disabled={!canEdit} className="min-w-0 space-y-4">
            {!canEdit && <p className="rounded-md bg-slate-100 px-3 py-2 text-slate-700">Read-only: only owners change automations.</p>}
            <div className="grid gap-3 sm:grid-cols-2">
              <label className="block font-medium">
                Name
                <input
                  value={form.name}
                  onChange={(e) => change({ name: e.target.value })}
                  aria-invalid={Boolean(errors.name)}
                  aria-describedby={`${id}-name`}
                  className={`${FIELD} mt-1 font-normal`}
                />
                <FieldError id={`${id}-name`} message={errors.name} />
              </label>
              <label className="block font-medium">
                Event
                <select value={form.event} onChange={(e) => change({ event: e.target.value as RuleForm["event"] })} className={`${FIELD} mt-1 font-normal`}>
                  {EVENTS.map((ev) => (
                    <option key={ev.id} value={ev.id}>
                      {ev.label}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={form.is_active}
                  onChange={(e) => change({ is_active: e.target.checked })}
                  className="h-4 w-4 accent-brand-600"
                />
                Active
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={form.stop_on_match}
                  onChange={(e) => change({ stop_on_match: e.target.checked })}
                  className="h-4 w-4 accent-brand-600"
                />
                Stop later rules when this one matches
              </label>
            </div>
            <fieldset className="min-w-0 space-y-2">
              <legend className="mb-1 font-medium">
                Conditions <span className="font-normal text-slate-600">(all must hold)</span>
              </legend>
              {form.conditions.length === 0 && <p className="text-slate-500">No conditions: the rule matches every email.</p>}
              {form.conditions.map((row, i) => (
                <ConditionRow
                  key={i}
                  index={i}
                  row={row}
                  lists={lists}
                  error={errorUnder(errors, `conditions.${i}`)}
                  onChange={(next) => change({ conditions: replaceAt(form.conditions, i, next) })}
                  onRemove={canEdit ? () => change({ conditions: removeAt(form.conditions, i) }) : undefined}
                />
              ))}
              {canEdit && (
                <button type="button" onClick={() => change({ conditions: [...form.conditions, newCondition("subject_contains")] })} className={BUTTON}>
                  Add condition
                </button>
              )}
            </fieldset>
            <fieldset className="min-w-0 space-y-2">
              <legend className="mb-1 font-medium">Actions</legend>
              {form.actions.map((row, i) => (
                <ActionRow
                  key={i}
                  index={i}
                  row={row}
                  tags={tags}
                  members={members}
                  workspaceName={workspaceName}
                  error={errorUnder(errors, `actions.${i}`)}
                  onChange={(next) => change({ actions: replaceAt(form.actions, i, next) })}
                  onRemove={canEdit ? () => change({ actions: removeAt(form.actions, i) }) : undefined}
                />
              ))}
              <FieldError id={`${id}-actions`} message={errors.actions} />
              {canEdit && (
                <button type="button" onClick={() => change({ actions: [...form.actions, newAction("add_tag")] })} className={BUTTON}>
                  Add action
                </button>
              )}
            </fieldset>
          </fieldset>
          <ErrorAlert error={generalError} lead={remove.error ? "Not deleted." : "Not saved."} />
          {submitted && !validation.ok && (
            <p role="alert" className="text-red-700">
              Fix the marked fields to save.
            </p>
          )}
          {canEdit && (
            <div className="flex flex-wrap items-center gap-2">
              <button type="submit" disabled={save.isPending} className={PRIMARY}>
                {save.isPending ? "Saving…" : rule ? "Save changes" : "Create rule"}
              </button>
              {rule && (
                <button type="button" onClick={() => setConfirmingDelete(true)} className={`${BUTTON} text-red-700`}>
                  Delete…
                </button>
              )}
              <span role="status" className="text-slate-600">
                {update.isSuccess && !unsaved ? "Saved." : ""}
              </span>
            </div>
          )}
        </form>
      </section>
      {rule && <DryRunPanel workspaceSlug={workspaceSlug} rule={rule} lists={lists} unsaved={unsaved} />}
      <Modal open={confirmingDelete} title="Delete this rule?" onClose={() => setConfirmingDelete(false)}>
        <p className="text-sm text-slate-700">“{title}” stops running on new mail. Its match count is lost.</p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => setConfirmingDelete(false)} className={BUTTON}>
            Cancel
          </button>
          <button
            type="button"
            data-autofocus
            onClick={() => {
              if (rule) remove.mutate({ workspaceSlug, ruleId: rule.id });
              setConfirmingDelete(false);
            }}
            className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-700"
          >
            Delete
          </button>
        </div>
      </Modal>
    </div>
  );
}
