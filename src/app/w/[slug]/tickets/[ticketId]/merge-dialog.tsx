"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Modal } from "@/components/modal";
import { StatusBadge } from "@/components/status-badge";
import { useTRPC } from "@/trpc/react";
import type { TicketDetail, TicketSummary } from "@/trpc/types";
import { ErrorAlert } from "@/components/error-alert";
import { errorSentence } from "@/components/error-sentence";

/** Merge this ticket into another: search, pick, confirm; then go to the target. */
export function MergeDialog({ workspaceSlug, ticket, open, onClose }: { workspaceSlug: string; ticket: TicketDetail; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const [target, setTarget] = useState<TicketSummary | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSearch(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const candidates = useQuery({
    ...trpc.ticket.list.queryOptions({ workspaceSlug, limit: 10, ...(search ? { search } : {}) }),
    enabled: open,
    select: (data) => data.tickets.filter((t) => t.id !== ticket.id),
  });
  const merge = useMutation(
    trpc.ticket.merge.mutationOptions({
      onSuccess: async ({ target: merged }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.ticket.pathKey() });
        router.push(`/w/${workspaceSlug}/tickets/${merged.id}`);
      },
    }),
  );
  const close = () => {
    setTarget(null);
    setQuery("");
    onClose();
  };

  return (
    <Modal open={open} title={`Merge #${ticket.ticketNumber} into another ticket`} onClose={close} wide>
      {target ? (
        <div className="space-y-3 text-sm">
          <p>
            Merge{" "}
            <strong>
              #{ticket.ticketNumber} {ticket.subject}
            </strong>{" "}
            into{" "}
            <strong>
              #{target.ticketNumber} {target.subject}
            </strong>
            ?
          </p>
          <p className="text-slate-600">
            Its messages, tags and attachments move to #{target.ticketNumber}; this ticket becomes “merged” and later replies to it land in #
            {target.ticketNumber}. This cannot be undone.
          </p>
          <ErrorAlert error={merge.error} lead="Not merged." />
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => setTarget(null)} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100">
              Back
            </button>
            <button
              type="button"
              data-autofocus
              autoFocus
              disabled={merge.isPending}
              onClick={() => merge.mutate({ workspaceSlug, ticketId: ticket.id, targetTicketId: target.id })}
              className="rounded-md bg-red-600 px-3 py-1.5 font-semibold text-white hover:bg-red-700 disabled:opacity-50"
            >
              {merge.isPending ? "Merging…" : `Merge into #${target.ticketNumber}`}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <input
            data-autofocus
            autoFocus
            type="search"
            aria-label="Find the ticket to merge into"
            placeholder="Search subjects and messages…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="w-full rounded-md border border-slate-300 px-3 py-2"
          />
          <ul aria-label="Merge candidates" className="mt-2 max-h-72 divide-y divide-slate-100 overflow-y-auto">
            {candidates.isPending && <li className="p-3 text-sm text-slate-500">Searching…</li>}
            {candidates.isError && (
              <li role="alert" className="p-3 text-sm text-red-700">
                {errorSentence(candidates.error)}
              </li>
            )}
            {candidates.data?.length === 0 && <li className="p-3 text-sm text-slate-500">No other ticket matches.</li>}
            {candidates.data?.map((t) => (
              <li key={t.id}>
                <button type="button" onClick={() => setTarget(t)} className="flex w-full items-center gap-3 px-2 py-2 text-left text-sm hover:bg-slate-50">
                  <span className="w-12 shrink-0 text-slate-500 tabular-nums">#{t.ticketNumber}</span>
                  <span className="min-w-0 flex-1 truncate">{t.subject}</span>
                  <StatusBadge status={t.status} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Modal>
  );
}
