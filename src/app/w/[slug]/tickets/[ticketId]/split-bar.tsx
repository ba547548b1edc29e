"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import type { TicketDetail } from "@/trpc/types";
import { ErrorAlert } from "@/components/error-alert";

/** Split mode: the checked messages move to a new ticket with the subject typed here. */
export function SplitBar({
  workspaceSlug,
  ticket,
  messageIds,
  onCancel,
}: {
  workspaceSlug: string;
  ticket: TicketDetail;
  messageIds: string[];
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState(ticket.subject);
  const split = useMutation(
    trpc.ticket.split.mutationOptions({
      onSuccess: async ({ ticket: created }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.ticket.pathKey() });
        router.push(`/w/${workspaceSlug}/tickets/${created.id}`);
      },
    }),
  );
  const count = messageIds.length;
  const all = count === ticket.messages.length;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (count > 0 && !all && subject.trim()) split.mutate({ workspaceSlug, ticketId: ticket.id, messageIds, newSubject: subject.trim() });
  }

  return (
    <form onSubmit={submit} aria-label="Split ticket" className="sticky top-0 z-10 rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm shadow-sm">
      <p className="mb-2 font-medium text-brand-700">
        Split: tick the messages to move to a new ticket ({count} selected{all ? " — leave at least one here" : ""}).
      </p>
      <div className="flex flex-wrap gap-2">
        <label className="min-w-0 flex-1 basis-64">
          <span className="sr-only">Subject of the new ticket</span>
          <input
            autoFocus
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            placeholder="Subject of the new ticket"
            className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
          />
        </label>
        <button
          type="submit"
          disabled={count === 0 || all || !subject.trim() || split.isPending}
          className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {split.isPending ? "Splitting…" : `Split ${count} message${count === 1 ? "" : "s"}`}
        </button>
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100">
          Cancel
        </button>
      </div>
      <ErrorAlert error={split.error} lead="Not split." className="mt-2" />
    </form>
  );
}
