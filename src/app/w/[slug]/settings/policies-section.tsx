"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { Section, StatusNote } from "./section";
import type { WorkspaceInfo } from "./types";
import { FIELD, LABEL, PRIMARY } from "./ui";
import { ErrorAlert } from "@/components/error-alert";
import { useUnsavedChanges } from "@/components/unsaved-changes";

// Only its own fields: the undo window is saved by its own section.
type Settings = Pick<WorkspaceInfo["settings"], "unmatchedInbound" | "closedTicketReply" | "requireInboundSecret" | "satisfactionSurveys">;

/** The workspace's inbound policies, edited through the workspace settings update. */
export function PoliciesSection({ workspace, isOwner }: { workspace: WorkspaceInfo; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { unmatchedInbound, closedTicketReply, requireInboundSecret, satisfactionSurveys } = workspace.settings;
  const saved: Settings = { unmatchedInbound, closedTicketReply, requireInboundSecret, satisfactionSurveys };
  const [draft, setDraft] = useState<Settings>(saved);
  useUnsavedChanges(JSON.stringify(draft) !== JSON.stringify(saved));
  const save = useMutation(
    trpc.workspace.update.mutationOptions({
      onSuccess: (updated) => queryClient.setQueryData(trpc.workspace.get.queryKey({ workspaceSlug: workspace.slug }), updated),
    }),
  );
  const change = (patch: Partial<Settings>) => {
    save.reset();
    setDraft({ ...draft, ...patch });
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ workspaceSlug: workspace.slug, settings: draft });
  }

  return (
    <Section id="policies" title="Inbound policies" description="What happens to mail that matches no ticket, or answers a closed one.">
      <form onSubmit={submit}>
        <fieldset disabled={!isOwner || save.isPending} className="grid gap-4 sm:grid-cols-2">
          <label className={LABEL}>
            Mail that matches no ticket
            <select
              value={draft.unmatchedInbound}
              onChange={(e) => change({ unmatchedInbound: e.target.value as Settings["unmatchedInbound"] })}
              className={`${FIELD} mt-1`}
            >
              <option value="create">Create a ticket or conversation</option>
              <option value="discard">Keep it in the incoming-mail log only</option>
            </select>
          </label>
          <label className={LABEL}>
            A reply to a closed ticket
            <select
              value={draft.closedTicketReply}
              onChange={(e) => change({ closedTicketReply: e.target.value as Settings["closedTicketReply"] })}
              className={`${FIELD} mt-1`}
            >
              <option value="reopen">Reopens the ticket</option>
              <option value="hold">Is held in the log for an agent</option>
            </select>
          </label>
          <label className="flex items-start gap-2 text-sm sm:col-span-2">
            <input
              type="checkbox"
              checked={draft.requireInboundSecret}
              onChange={(e) => change({ requireInboundSecret: e.target.checked })}
              className="mt-0.5"
            />
            <span>
              <span className="font-medium text-slate-700">Require the inbound secret on the public JSON webhook</span>
              <span className="block text-slate-600">Posts to /api/rpc/tickets/email/inbound without a mailbox secret are then refused.</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm sm:col-span-2">
            <input type="checkbox" checked={draft.satisfactionSurveys} onChange={(e) => change({ satisfactionSurveys: e.target.checked })} className="mt-0.5" />
            <span>
              <span className="font-medium text-slate-700">Ask customers to rate our help when a ticket is closed</span>
              <span className="block text-slate-600">
                The first time a ticket closes, its contact gets an email with one-click links: Great, Okay, Not good. The rating shows on the ticket.
              </span>
            </span>
          </label>
          {isOwner && (
            <div className="flex items-center gap-3 sm:col-span-2">
              <button type="submit" className={PRIMARY}>
                {save.isPending ? "Saving…" : "Save policies"}
              </button>
              <StatusNote text={save.isSuccess ? "Policies saved." : null} />
            </div>
          )}
        </fieldset>
        <ErrorAlert error={save.error} />
      </form>
    </Section>
  );
}
