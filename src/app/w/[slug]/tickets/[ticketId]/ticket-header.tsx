"use client";

import { AppLink } from "@/components/app-link";
import { useAdjacentInboxTickets, useInboxHref } from "@/components/inbox-return";
import { MacroMenu } from "@/components/macro-menu";
import { StatusBadge } from "@/components/status-badge";
import type { SettableStatus } from "@/components/ticket-fields";
import type { TicketDetail } from "@/trpc/types";
import { SnoozeMenu } from "./snooze-menu";

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";

/** The ticket before or after this one in the inbox's list; greyed out at either end. */
function SiblingLink(props: { workspaceSlug: string; ticketId: string | null; label: string; text: string; shortcut: string }) {
  const className = "rounded-md px-2 py-0.5";
  if (!props.ticketId)
    return (
      <span aria-disabled="true" aria-label={props.label} className={`${className} text-slate-400`}>
        {props.text}
      </span>
    );
  return (
    <AppLink href={`/w/${props.workspaceSlug}/tickets/${props.ticketId}`} aria-label={props.label} className={`${className} text-brand-700 hover:bg-slate-100`}>
      {props.text} <kbd className="text-xs text-slate-500">{props.shortcut}</kbd>
    </AppLink>
  );
}

/** Subject, number and state, and the ticket-wide actions. */
export function TicketHeader(props: {
  workspaceSlug: string;
  ticket: TicketDetail;
  splitting: boolean;
  onStatus: (status: SettableStatus) => void;
  onMerge: () => void;
  onSplit: () => void;
  onArchive: (archived: boolean) => void;
  onSnooze: (until: string | null) => void;
}) {
  const { workspaceSlug, ticket, splitting, onStatus, onMerge, onSplit, onArchive, onSnooze } = props;
  const merged = ticket.status === "merged";
  const backHref = useInboxHref(workspaceSlug);
  const adjacent = useAdjacentInboxTickets(workspaceSlug, ticket.id);
  return (
    <div className="mb-4">
      <nav aria-label="Ticket list" className="flex items-center gap-3 text-sm">
        <AppLink href={backHref} className="text-brand-700 hover:underline">
          ← Inbox <kbd className="text-xs text-slate-500">u</kbd>
        </AppLink>
        <span className="ml-auto flex gap-1">
          <SiblingLink workspaceSlug={workspaceSlug} ticketId={adjacent.previous} label="Previous ticket" text="‹ Previous" shortcut="k" />
          <SiblingLink workspaceSlug={workspaceSlug} ticketId={adjacent.next} label="Next ticket" text="Next ›" shortcut="j" />
        </span>
      </nav>
      <div className="mt-1 flex flex-wrap items-start gap-3">
        <h1 className="min-w-0 flex-1 basis-72 text-xl font-semibold break-words">
          <span className="mr-2 font-normal text-slate-500">#{ticket.ticketNumber}</span>
          {ticket.subject}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={ticket.status} />
          {ticket.archivedAt && (
            <span data-testid="archived-badge" className="rounded-full bg-slate-700 px-2 py-0.5 text-xs font-medium text-white">
              archived
            </span>
          )}
          {!merged && (
            <button type="button" className={BUTTON} onClick={() => onStatus(ticket.status === "closed" ? "open" : "closed")}>
              {ticket.status === "closed" ? "Reopen" : "Close"} <kbd className="text-xs text-slate-500">e</kbd>
            </button>
          )}
          {!merged && <MacroMenu workspaceSlug={workspaceSlug} ticketIds={[ticket.id]} />}
          {(ticket.status === "open" || ticket.status === "pending") && <SnoozeMenu snoozedUntil={ticket.snoozedUntil} onSnooze={onSnooze} />}
          <button type="button" className={BUTTON} disabled={merged} onClick={onMerge}>
            Merge…
          </button>
          <button type="button" className={BUTTON} disabled={merged || ticket.messages.length < 2} aria-pressed={splitting} onClick={onSplit}>
            Split…
          </button>
          <button type="button" className={BUTTON} onClick={() => onArchive(!ticket.archivedAt)}>
            {ticket.archivedAt ? "Unarchive" : "Archive"}
          </button>
        </div>
      </div>
      {merged && ticket.mergedIntoId && (
        <p role="status" className="mt-2 rounded-md bg-violet-50 px-3 py-2 text-sm text-violet-900">
          This ticket was merged.{" "}
          <AppLink href={`/w/${workspaceSlug}/tickets/${ticket.mergedIntoId}`} className="font-medium underline">
            Open the ticket it was merged into
          </AppLink>
        </p>
      )}
    </div>
  );
}
