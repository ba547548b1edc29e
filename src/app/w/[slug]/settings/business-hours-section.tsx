"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { useUnsavedChanges } from "@/components/unsaved-changes";
import { useTRPC } from "@/trpc/react";
import { draftOf, emptyDraft, hoursSummary, scheduleInput, WEEK_ORDER, WEEKDAYS, type ScheduleDraft, type ScheduleDto } from "./schedule-form";
import { FormButtons } from "./form-buttons";
import { Loaded, Section } from "./section";
import { BUTTON, FIELD, LABEL } from "./ui";

const LABELS = { name: "Name", timeZone: "Time zone", intervals: "Business hours", holidays: "Holidays", end: "End", start: "Start" };
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Business-hours schedules that SLA targets count in; owners create and edit them. */
export function BusinessHoursSection({ workspaceSlug, isOwner }: { workspaceSlug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schedules = useQuery(trpc.sla.schedules.queryOptions({ workspaceSlug }));
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<ScheduleDraft>(() => emptyDraft("UTC"));
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  useUnsavedChanges(dirty);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sla.schedules.queryKey({ workspaceSlug }) });
  const done = () => {
    setEditing(null);
    setDraft(emptyDraft(browserZone()));
    setDirty(false);
  };
  const create = useMutation(trpc.sla.createSchedule.mutationOptions({ onSuccess: done, onSettled: refresh }));
  const update = useMutation(trpc.sla.updateSchedule.mutationOptions({ onSuccess: done, onSettled: refresh }));
  const remove = useMutation(trpc.sla.deleteSchedule.mutationOptions({ onSettled: refresh }));
  const startEdit = (schedule: ScheduleDto) => {
    setEditing(schedule.id);
    setDraft(draftOf(schedule));
    setDirty(false);
  };
  const change = (patch: Partial<ScheduleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = scheduleInput(draft);
    setFormError(parsed.error ?? null);
    if (!parsed.input) return;
    if (editing) update.mutate({ workspaceSlug, scheduleId: editing, schedule: parsed.input });
    else create.mutate({ workspaceSlug, ...parsed.input });
  }

  return (
    <Section
      id="business-hours"
      title="Business hours"
      description="When your team works. SLA targets count only these hours, in the schedule's time zone, and skip holidays."
    >
      <Loaded query={schedules} what="business hours">
        {(list) =>
          list.length === 0 ? (
            <p className="text-sm text-slate-500">No business hours yet.</p>
          ) : (
            <ul aria-label="Business hours" className="divide-y divide-slate-100 text-sm">
              {list.map((schedule) => (
                <li key={schedule.id} className="flex flex-wrap items-center gap-2 py-2">
                  <span className="font-medium">{schedule.name}</span>
                  <span className="text-slate-500">{schedule.timeZone}</span>
                  <span className="flex-1 text-slate-600">{hoursSummary(schedule)}</span>
                  {isOwner && (
                    <>
                      <button type="button" className={BUTTON} onClick={() => startEdit(schedule)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className={BUTTON}
                        disabled={remove.isPending}
                        onClick={() => remove.mutate({ workspaceSlug, scheduleId: schedule.id })}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <ErrorAlert error={remove.error} />
      {isOwner && (
        <form onSubmit={submit} aria-label={editing ? "Edit business hours" : "Create business hours"} className="mt-3 space-y-2">
          <div className="flex flex-wrap gap-2">
            <label className={`${LABEL} flex-1 basis-48`}>
              Name
              <input required maxLength={80} value={draft.name} onChange={(e) => change({ name: e.target.value })} className={`${FIELD} mt-1`} />
            </label>
            <label className={`${LABEL} flex-1 basis-48`}>
              Time zone
              <select value={draft.timeZone} onChange={(e) => change({ timeZone: e.target.value })} className={`${FIELD} mt-1`}>
                {[...new Set(["UTC", ...zones])].map((zone) => (
                  <option key={zone}>{zone}</option>
                ))}
              </select>
            </label>
          </div>
          <fieldset className="grid gap-1 sm:grid-cols-2">
            <legend className={LABEL}>Hours per day (e.g. 09:00-12:00, 13:00-17:00; empty for closed)</legend>
            {WEEK_ORDER.map((day) => (
              <label key={day} className="flex items-center gap-2 text-sm">
                <span className="w-24 text-slate-700">{WEEKDAYS[day]}</span>
                <input
                  value={draft.days[day]}
                  onChange={(e) => change({ days: draft.days.map((text, d) => (d === day ? e.target.value : text)) })}
                  className={FIELD}
                />
              </label>
            ))}
          </fieldset>
          <label className={LABEL}>
            Holidays (dates as 2026-12-25, one per line)
            <textarea rows={2} value={draft.holidays} onChange={(e) => change({ holidays: e.target.value })} className={`${FIELD} mt-1`} />
          </label>
          {formError && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {formError}
            </p>
          )}
          <ErrorAlert error={create.error ?? update.error} labels={LABELS} />
          <FormButtons
            label={editing ? "Save business hours" : "Add business hours"}
            disabled={create.isPending || update.isPending}
            onCancel={editing ? done : null}
          />
        </form>
      )}
    </Section>
  );
}
