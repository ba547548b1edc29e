"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { spanText } from "@/components/sla-text";
import { capitalize, PRIORITIES } from "@/components/ticket-fields";
import { useUnsavedChanges } from "@/components/unsaved-changes";
import { useTRPC } from "@/trpc/react";
import type { Priority, RouterOutputs } from "@/trpc/types";
import { FormButtons } from "./form-buttons";
import { Section } from "./section";
import { BUTTON, FIELD, LABEL } from "./ui";

type PolicyDto = RouterOutputs["sla"]["policies"][number];
const TARGETS = [
  ["firstResponseMinutes", "First reply"],
  ["nextResponseMinutes", "Next reply"],
  ["resolutionMinutes", "Resolution"],
] as const;
type Draft = { name: string; priority: Priority; mailboxId: string; scheduleId: string } & Record<(typeof TARGETS)[number][0], string>;
const EMPTY: Draft = { name: "", priority: "normal", mailboxId: "", scheduleId: "", firstResponseMinutes: "", nextResponseMinutes: "", resolutionMinutes: "" };
const LABELS = {
  scheduleId: "Business hours",
  mailboxId: "Mailbox",
  firstResponseMinutes: "First reply target",
  nextResponseMinutes: "Next reply target",
  resolutionMinutes: "Resolution target",
};
const minutesOf = (text: string) => (text.trim() === "" ? null : Number(text));
const targetText = (minutes: number | null) => (minutes === null ? "none" : spanText(minutes * 60_000));

/** SLA targets per priority (and optionally mailbox), in business minutes of a schedule; owners edit them. */
export function SlaPoliciesSection({ workspaceSlug, isOwner }: { workspaceSlug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policies = useQuery(trpc.sla.policies.queryOptions({ workspaceSlug }));
  const schedules = useQuery(trpc.sla.schedules.queryOptions({ workspaceSlug }));
  const mailboxes = useQuery(trpc.mailbox.list.queryOptions({ workspaceSlug }));
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sla.policies.queryKey({ workspaceSlug }) });
  const done = () => {
    setEditing(null);
    setDraft(EMPTY);
    setDirty(false);
  };
  const create = useMutation(trpc.sla.createPolicy.mutationOptions({ onSuccess: done, onSettled: refresh }));
  const update = useMutation(trpc.sla.updatePolicy.mutationOptions({ onSuccess: done, onSettled: refresh }));
  const remove = useMutation(trpc.sla.deletePolicy.mutationOptions({ onSettled: refresh }));
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };
  const scheduleName = (id: string) => schedules.data?.find((s) => s.id === id)?.name ?? "—";
  const mailboxName = (id: string | null) => (id ? (mailboxes.data?.find((m) => m.id === id)?.name ?? "a mailbox") : "every mailbox");

  function startEdit(policy: PolicyDto) {
    setEditing(policy.id);
    const text = (minutes: number | null) => (minutes === null ? "" : String(minutes));
    setDraft({
      name: policy.name,
      priority: policy.priority,
      mailboxId: policy.mailboxId ?? "",
      scheduleId: policy.scheduleId,
      firstResponseMinutes: text(policy.firstResponseMinutes),
      nextResponseMinutes: text(policy.nextResponseMinutes),
      resolutionMinutes: text(policy.resolutionMinutes),
    });
    setDirty(false);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const policy = {
      name: draft.name,
      priority: draft.priority,
      mailboxId: draft.mailboxId || null,
      scheduleId: draft.scheduleId || (schedules.data?.[0]?.id ?? ""),
      firstResponseMinutes: minutesOf(draft.firstResponseMinutes),
      nextResponseMinutes: minutesOf(draft.nextResponseMinutes),
      resolutionMinutes: minutesOf(draft.resolutionMinutes),
    };
    if (editing) update.mutate({ workspaceSlug, policyId: editing, policy });
    else create.mutate({ workspaceSlug, ...policy });
  }

  return (
    <Section
      id="sla-policies"
      title="SLA policies"
      description="Targets for first reply, next reply and resolution by priority, counted in business hours. A mailbox's own policy wins over the general one."
    >
      {policies.data && policies.data.length === 0 && <p className="text-sm text-slate-500">No SLA policies yet.</p>}
      <ul aria-label="SLA policies" className="divide-y divide-slate-100 text-sm">
        {policies.data?.map((policy) => (
          <li key={policy.id} className="flex flex-wrap items-center gap-2 py-2">
            <span className="font-medium">{policy.name}</span>
            <span className="text-slate-600">
              {capitalize(policy.priority)} tickets in {mailboxName(policy.mailboxId)}, {scheduleName(policy.scheduleId)}:{" "}
              {TARGETS.map(([key, label]) => `${label} ${targetText(policy[key])}`).join(" · ")}
            </span>
            {isOwner && (
              <span className="ml-auto flex gap-2">
                <button type="button" className={BUTTON} onClick={() => startEdit(policy)}>
                  Edit
                </button>
                <button type="button" className={BUTTON} disabled={remove.isPending} onClick={() => remove.mutate({ workspaceSlug, policyId: policy.id })}>
                  Delete
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert error={policies.error ?? remove.error} />
      {isOwner && (
        <form onSubmit={submit} aria-label={editing ? "Edit SLA policy" : "Create SLA policy"} className="mt-3 space-y-2">
          <div className="grid gap-2 sm:grid-cols-4">
            <label className={LABEL}>
              Name
              <input required maxLength={80} value={draft.name} onChange={(e) => change({ name: e.target.value })} className={`${FIELD} mt-1`} />
            </label>
            <label className={LABEL}>
              Priority
              <select
                value={draft.priority}
                onChange={(e) => change({ priority: PRIORITIES.find((p) => p === e.target.value) ?? "normal" })}
                className={`${FIELD} mt-1`}
              >
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {capitalize(p)}
                  </option>
                ))}
              </select>
            </label>
            <label className={LABEL}>
              Mailbox
              <select value={draft.mailboxId} onChange={(e) => change({ mailboxId: e.target.value })} className={`${FIELD} mt-1`}>
                <option value="">Every mailbox</option>
                {mailboxes.data?.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <label className={LABEL}>
              Business hours
              <select value={draft.scheduleId} onChange={(e) => change({ scheduleId: e.target.value })} className={`${FIELD} mt-1`}>
                {schedules.data?.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            {TARGETS.map(([key, label]) => (
              <label key={key} className={LABEL}>
                {label} target (business minutes)
                <input type="number" min={1} value={draft[key]} onChange={(e) => change({ [key]: e.target.value })} className={`${FIELD} mt-1`} />
              </label>
            ))}
          </div>
          {schedules.data?.length === 0 && <p className="text-sm text-slate-500">Add business hours first: every policy counts in a schedule.</p>}
          <ErrorAlert error={create.error ?? update.error} labels={LABELS} />
          <FormButtons
            label={editing ? "Save policy" : "Add policy"}
            disabled={create.isPending || update.isPending || !schedules.data?.length}
            onCancel={editing ? done : null}
          />
        </form>
      )}
    </Section>
  );
}
