"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import type { Member, TicketSummary } from "@/trpc/types";
import { errorSentence } from "@/components/error-sentence";

export type BulkAction = { kind: "close" } | { kind: "reopen" } | { kind: "assign"; assignee: Member | null } | { kind: "tag"; name: string };

function applied(ticket: TicketSummary, action: BulkAction): TicketSummary {
  if (action.kind === "close") return { ...ticket, status: "closed" };
  if (action.kind === "reopen") return ticket.status === "merged" ? ticket : { ...ticket, status: "open" };
  if (action.kind === "assign") return { ...ticket, assigneeId: action.assignee?.id ?? null, assignee: action.assignee };
  if (ticket.tags.some((t) => t.name.toLowerCase() === action.name.toLowerCase())) return ticket;
  return { ...ticket, tags: [...ticket.tags, { id: `new-${action.name}`, name: action.name, color: "#64748b" }] };
}

function serverAction(action: BulkAction) {
  if (action.kind === "close" || action.kind === "reopen") return { type: action.kind };
  if (action.kind === "assign") return { type: "assign" as const, assigneeId: action.assignee?.id ?? null };
  return { type: "add_tag" as const, tag: action.name };
}

/** Close, reopen, assign or tag many tickets at once; the list shows the result at once and the server's answer after. */
export function useBulkActions(workspaceSlug: string, onDone: (message: string) => void) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const listKey = trpc.ticket.list.pathKey();

  return useMutation({
    // One call: the server applies the action to every ticket in one transaction, adding a tag
    // without rewriting the ticket's other tags.
    mutationFn: async ({ action, tickets }: { action: BulkAction; tickets: TicketSummary[] }) => {
      const result = await client.ticket.bulkUpdate.mutate({ workspaceSlug, ticketIds: tickets.map((ticket) => ticket.id), action: serverAction(action) });
      return { done: result.changed.length + result.unchanged.length, failed: result.skipped.length };
    },
    onMutate: async ({ action, tickets }) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const ids = new Set(tickets.map((t) => t.id));
      queryClient.setQueriesData<{ tickets: TicketSummary[]; total: number }>({ queryKey: listKey }, (data) =>
        data ? { ...data, tickets: data.tickets.map((t) => (ids.has(t.id) ? applied(t, action) : t)) } : data,
      );
    },
    onSuccess: ({ done, failed }, { action }) => {
      const verb = { close: "Closed", reopen: "Reopened", assign: "Assigned", tag: "Tagged" }[action.kind];
      onDone(`${verb} ${done} ticket${done === 1 ? "" : "s"}${failed ? `; ${failed} could not be changed` : ""}.`);
    },
    onError: (error) => onDone(`Bulk action failed. ${errorSentence(error)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}
