"use client";

import { AppLink } from "@/components/app-link";
import { RelativeTime } from "@/components/relative-time";
import type { IncomingMail } from "@/trpc/types";

const BUTTON = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";
const ROUTING: Record<string, string> = {
  created_ticket: "Created a ticket",
  created_conversation: "Created a conversation",
  appended: "Added to a ticket",
  reopened: "Reopened a closed ticket",
  held_reply_to_closed_ticket: "Held: reply to a closed ticket",
  discarded_unmatched: "Matched no ticket; not turned into one",
  already_stored: "Duplicate of a stored email",
};

/** Why the mail was routed as it was, in a line (the full analysis is below it). */
function summary(analysis: unknown): string {
  const a = (analysis && typeof analysis === "object" ? analysis : {}) as {
    routing?: string;
    matchedBy?: string | null;
    autoReply?: { isAutoReply?: boolean; isBulk?: boolean };
  };
  const parts = [a.routing ? (ROUTING[a.routing] ?? a.routing) : "Not routed yet", a.matchedBy ? `matched by ${a.matchedBy}` : ""];
  if (a.autoReply?.isAutoReply) parts.push("auto-reply");
  if (a.autoReply?.isBulk) parts.push("bulk mail");
  return parts.filter(Boolean).join(" · ");
}

export function IncomingRow(props: {
  workspaceSlug: string;
  mail: IncomingMail;
  busy: boolean;
  onConvert: () => void;
  onReply: () => void;
  onDelete: () => void;
}) {
  const { workspaceSlug, mail, busy, onConvert, onReply, onDelete } = props;
  const held = mail.reply_to_closed_ticket;
  return (
    <li id={`mail-${mail.id}`} data-testid="incoming-mail" className="px-3 py-3 target:bg-brand-50 sm:px-4">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <div className="min-w-0 flex-1 basis-64">
          <p className="truncate font-medium">{mail.subject || "(no subject)"}</p>
          <p className="truncate text-sm text-slate-600">
            {mail.sender} → {mail.recipient}
          </p>
          <p className="text-xs text-slate-600">{summary(mail.analysis)}</p>
        </div>
        <RelativeTime iso={mail.created_at} className="text-sm text-slate-500" />
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {mail.ticket_id && !held ? (
          <AppLink href={`/w/${workspaceSlug}/tickets/${mail.ticket_id}`} className="text-sm font-medium text-brand-700 underline">
            Open ticket
          </AppLink>
        ) : (
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${held ? "bg-amber-100 text-amber-900" : "bg-slate-200 text-slate-800"}`}>
            {held ? "Held reply" : "No ticket"}
          </span>
        )}
        {(!mail.ticket_id || held) && (
          <button type="button" className={BUTTON} disabled={busy} onClick={onConvert}>
            Convert to ticket…
          </button>
        )}
        {mail.ticket_id && held && (
          <button type="button" className={BUTTON} disabled={busy} onClick={onReply}>
            Add as reply
          </button>
        )}
        <button type="button" className={`${BUTTON} text-red-700`} disabled={busy} onClick={onDelete}>
          Delete…
        </button>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-600">Message and routing details</summary>
        <pre className="mt-2 max-h-60 overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap">{mail.body || "(empty body)"}</pre>
        <pre className="mt-2 max-h-60 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(mail.analysis, null, 2)}</pre>
      </details>
    </li>
  );
}
