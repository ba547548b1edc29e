"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { usePollingFallback } from "@/components/live-events";
import { LoadError, Loading } from "@/components/load-state";
import { MailDeliveryNotice } from "@/components/mail-delivery-notice";
import { Modal } from "@/components/modal";
import { RelativeTime } from "@/components/relative-time";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";

type OutboundEmail = RouterOutputs["outboundEmail"]["list"]["emails"][number];
type Kind = NonNullable<OutboundEmail["kind"]>;

const PER_PAGE = 50;
const KINDS: [Kind | "", string][] = [
  ["", "All kinds"],
  ["reply", "Replies"],
  ["confirmation", "Confirmations"],
  ["automated_response", "Automated responses"],
  ["notification", "Notifications"],
  ["survey", "Satisfaction surveys"],
];
const KIND_LABEL: Record<Kind, string> = {
  reply: "Reply",
  confirmation: "Confirmation",
  automated_response: "Automated response",
  notification: "Notification",
  survey: "Satisfaction survey",
};
const STATUS_STYLE: Record<OutboundEmail["status"], string> = {
  recorded: "bg-slate-200 text-slate-800",
  sent: "bg-blue-100 text-blue-900",
  delivered: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
};

export function OutboxView({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind | "">("");
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<OutboundEmail | null>(null);
  const list = useQuery({
    ...trpc.outboundEmail.list.queryOptions({ workspaceSlug, limit: PER_PAGE, offset: page * PER_PAGE, ...(kind ? { kind } : {}) }),
    refetchInterval: usePollingFallback(10_000),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;

  return (
    <div className="space-y-3">
      <MailDeliveryNotice workspaceSlug={workspaceSlug} />
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        Kind
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind | "");
            setPage(0);
          }}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {list.isPending ? (
        <Loading label="Loading the outbox…" />
      ) : list.isError ? (
        <LoadError what="the outbox" error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          {list.data.emails.length === 0 ? (
            <p className="p-6 text-slate-500">No mail here yet.</p>
          ) : (
            <ul aria-label="Outgoing mail" className={`divide-y divide-slate-100 ${list.isPlaceholderData ? "opacity-50" : ""}`}>
              {list.data.emails.map((email) => (
                <li key={email.id} data-testid="outbound-email">
                  <button
                    type="button"
                    onClick={() => setOpen(email)}
                    className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 px-3 py-3 text-left hover:bg-slate-50 sm:px-4"
                  >
                    <span className="min-w-0 flex-1 basis-64">
                      <span className="block truncate font-medium">{email.subject || "(no subject)"}</span>
                      <span className="block truncate text-sm text-slate-600">
                        To {email.toAddress} · {KIND_LABEL[email.kind]}
                      </span>
                    </span>
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[email.status]}`}>{email.status}</span>
                    <RelativeTime iso={email.createdAt} className="text-sm text-slate-500" />
                  </button>
                </li>
              ))}
            </ul>
          )}
          <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-200 px-4 py-2 text-sm text-slate-600">
            <span>
              {total} email{total === 1 ? "" : "s"}
            </span>
            <span className="flex gap-2">
              <button
                type="button"
                disabled={page === 0}
                onClick={() => setPage(page - 1)}
                className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50"
              >
                Previous
              </button>
              <button
                type="button"
                disabled={(page + 1) * PER_PAGE >= total}
                onClick={() => setPage(page + 1)}
                className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50"
              >
                Next
              </button>
            </span>
          </nav>
        </div>
      )}
      <Modal open={open !== null} title={open?.subject || "(no subject)"} onClose={() => setOpen(null)} wide>
        {open && (
          <div className="space-y-2 text-sm">
            <dl className="grid grid-cols-[6rem_1fr] gap-x-2 gap-y-1 text-slate-700">
              <dt className="font-medium">From</dt>
              <dd className="break-all">{open.fromAddress}</dd>
              <dt className="font-medium">To</dt>
              <dd className="break-all">{[open.toAddress, ...open.ccAddresses].join(", ")}</dd>
              <dt className="font-medium">Kind</dt>
              <dd>{KIND_LABEL[open.kind]}</dd>
              <dt className="font-medium">Status</dt>
              <dd>
                {open.status}
                {open.error ? ` (${open.error})` : ""}
              </dd>
              <dt className="font-medium">Time</dt>
              <dd>{new Date(open.createdAt).toLocaleString()}</dd>
              <dt className="font-medium">Message-ID</dt>
              <dd className="break-all font-mono text-xs">{open.messageId}</dd>
            </dl>
            <pre data-testid="outbound-body" className="max-h-96 overflow-auto rounded bg-slate-50 p-3 text-sm whitespace-pre-wrap">
              {open.bodyText}
            </pre>
          </div>
        )}
      </Modal>
    </div>
  );
}
