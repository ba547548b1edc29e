"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePollingFallback } from "@/components/live-events";
import { AppLink } from "@/components/app-link";
import { useEffect, useState } from "react";
import { LoadError, Loading } from "@/components/load-state";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import type { IncomingMail } from "@/trpc/types";
import { ConvertDialog } from "./convert-dialog";
import { FILTERS, type IncomingFilter } from "./incoming-filters";
import { IncomingRow } from "./incoming-row";
import { ErrorAlert } from "@/components/error-alert";

const PER_PAGE = 100;

export function IncomingView({ workspaceSlug, initialFilter }: { workspaceSlug: string; initialFilter: IncomingFilter }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<IncomingFilter>(initialFilter);
  const [page, setPage] = useState(1);
  const [converting, setConverting] = useState<IncomingMail | null>(null);
  const [deleting, setDeleting] = useState<IncomingMail | null>(null);
  const [done, setDone] = useState<{ text: string; ticketId?: string } | null>(null);
  const canCreateCustomer = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug })).data?.role === "owner";
  const list = useQuery({
    ...trpc.incomingMail.list.queryOptions({ workspaceSlug, page, ...(filter ? { filter } : {}) }),
    refetchInterval: usePollingFallback(10_000),
    placeholderData: keepPreviousData,
  });
  useEffect(() => window.history.replaceState(null, "", `${window.location.pathname}${filter ? `?filter=${filter}` : ""}`), [filter]);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.incomingMail.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() }),
    ]);
  const reply = useMutation(
    trpc.incomingMail.addAsReply.mutationOptions({
      onSuccess: (t) => setDone({ text: `Added to ticket #${t.ticketNumber}.`, ticketId: t.id }),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(trpc.incomingMail.delete.mutationOptions({ onSuccess: () => setDone({ text: "Mail deleted." }), onSettled: refresh }));
  const error = reply.error ?? remove.error;
  const total = list.data?.total ?? 0;

  return (
    <div>
      <div role="tablist" aria-label="Filter" className="flex gap-1 overflow-x-auto border-b border-slate-200">
        {FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            role="tab"
            aria-selected={filter === f.id}
            onClick={() => {
              setFilter(f.id);
              setPage(1);
            }}
            className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium ${filter === f.id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {f.label}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite" className="min-h-6 py-2 text-sm text-slate-700">
        {done?.text}{" "}
        {done?.ticketId && (
          <AppLink href={`/w/${workspaceSlug}/tickets/${done.ticketId}`} className="font-medium text-brand-700 underline">
            Open the ticket
          </AppLink>
        )}
      </p>
      <ErrorAlert error={error} className="mb-2" />
      {list.isPending ? (
        <Loading label="Loading incoming mail…" />
      ) : list.isError ? (
        <LoadError what="incoming mail" error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          {list.data.mails.length === 0 ? (
            <p className="p-6 text-slate-500">No mail here.</p>
          ) : (
            <ul aria-label="Incoming mail" className={`divide-y divide-slate-100 ${list.isPlaceholderData ? "opacity-50" : ""}`}>
              {list.data.mails.map((mail) => (
                <IncomingRow
                  key={mail.id}
                  workspaceSlug={workspaceSlug}
                  mail={mail}
                  busy={reply.isPending || remove.isPending}
                  onConvert={() => setConverting(mail)}
                  onReply={() => reply.mutate({ workspaceSlug, incomingMailId: mail.id })}
                  onDelete={() => setDeleting(mail)}
                />
              ))}
            </ul>
          )}
          <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-200 px-4 py-2 text-sm text-slate-600">
            <span>
              {total} mail{total === 1 ? "" : "s"}
            </span>
            <span className="flex gap-2">
              <button
                type="button"
                disabled={page <= 1}
                onClick={() => setPage(page - 1)}
                className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50"
              >
                Previous
              </button>
              <button
                type="button"
                disabled={page * PER_PAGE >= total}
                onClick={() => setPage(page + 1)}
                className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50"
              >
                Next
              </button>
            </span>
          </nav>
        </div>
      )}
      <ConvertDialog
        key={converting?.id ?? "none"}
        workspaceSlug={workspaceSlug}
        mail={converting}
        canCreateCustomer={canCreateCustomer}
        onClose={() => setConverting(null)}
        onDone={(ticket) => {
          setConverting(null);
          setDone({ text: `Converted to ticket #${ticket.ticketNumber}.`, ticketId: ticket.id });
        }}
      />
      <Modal open={deleting !== null} title="Delete this mail?" onClose={() => setDeleting(null)}>
        <p className="text-sm text-slate-700">
          “{deleting?.subject || "(no subject)"}” from {deleting?.sender} leaves the log, with attachments that no ticket holds.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button
            type="button"
            onClick={() => setDeleting(null)}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            Cancel
          </button>
          <button
            type="button"
            data-autofocus
            onClick={() => {
              if (deleting) remove.mutate({ workspaceSlug, incomingMailId: deleting.id });
              setDeleting(null);
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
