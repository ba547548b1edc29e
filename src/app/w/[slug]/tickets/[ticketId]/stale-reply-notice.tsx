"use client";

import { RelativeTime } from "@/components/relative-time";
import type { ArrivedMessage } from "@/server/tickets/stale-reply";

/** The messages a 409 from the stale-reply guard lists (`data.details.arrived`), or null for any other error. */
export function arrivedMessages(error: unknown): ArrivedMessage[] | null {
  const details = (error as { data?: { code?: string; details?: { arrived?: unknown } | null } } | null)?.data;
  return details?.code === "CONFLICT" && Array.isArray(details.details?.arrived) ? (details.details.arrived as ArrivedMessage[]) : null;
}

const sender = (message: ArrivedMessage) =>
  message.direction === "inbound"
    ? (message.fromName ?? message.fromAddress ?? "The customer")
    : (message.author?.name ?? message.author?.email ?? message.fromName ?? "Another agent");

/**
 * Shown instead of sending when the thread moved on while the agent wrote: what arrived, and the
 * choice to send anyway (the reply as written) or to review the thread first (the text stays).
 */
export function StaleReplyNotice(props: { arrived: ArrivedMessage[]; onSendAnyway: () => void; onReview: () => void; sending: boolean }) {
  const { arrived, onSendAnyway, onReview, sending } = props;
  return (
    <div role="alert" aria-label="New messages arrived" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">
        {arrived.length === 1 ? "A new message arrived" : `${arrived.length} new messages arrived`} while you were writing. Your reply was not sent.
      </p>
      <ul className="mt-2 space-y-1.5">
        {arrived.map((message) => (
          <li key={message.id} data-testid="arrived-message" className="rounded border border-amber-200 bg-white px-2 py-1">
            <span className="font-semibold">{sender(message)}</span>{" "}
            <span className="text-slate-600">{message.direction === "inbound" ? "wrote" : "replied"}</span>{" "}
            <RelativeTime iso={message.createdAt} className="text-xs text-slate-500" />
            <p className="line-clamp-2 text-slate-800">{message.excerpt}</p>
          </li>
        ))}
      </ul>
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          onClick={onSendAnyway}
          disabled={sending}
          className="rounded-md bg-brand-600 px-3 py-1 font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
        >
          Send anyway
        </button>
        <button type="button" onClick={onReview} className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-100">
          Review
        </button>
      </div>
    </div>
  );
}
