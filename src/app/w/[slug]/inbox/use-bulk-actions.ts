"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import type { Member, TicketSummary } from "@/trpc/types";

export type BulkAction = { kind: "close" } | { kind: "assign"; assignee: Member | null } | { kind: "tag"; name: string };

function applied(ticket: TicketSummary, action: BulkAction): TicketSummary {
  if (action.kind === "close") return { ...ticket, status: "closed" };
  if (action.kind === "assign") return { ...ticket, assigneeId: action.assignee?.id ?? null, assignee: action.assignee };
  if (ticket.tags.some((t) => t.name.toLowerCase() === action.name.toLowerCase())) return ticket;
  return { ...ticket, tags: [...ticket.tags, { id: `new-${action.name}`, name: action.name, color: "#64748b" }] };
}

/** Close, assign or tag many tickets at once; the list shows the result at once and the server's answer after. */
export function useBulkActions(workspaceSlug: string, onDone: (message: string) => void) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const listKey = trpc.ticket.list.pathKey();

  return useMutation({
    mutationFn: async ({ action, tickets }: { action: BulkAction; tickets: TicketSummary[] }) => {
      const results = await Promise.allSettled(
        tickets.map((ticket) => {
          const ticketId = ticket.id;
          if (action.kind === "close" && ticket.status === "closed") return Promise.resolve(ticket);
          if (action.kind === "close") return client.ticket.setStatus.mutate({ workspaceSlug, ticketId, toStatus: "closed" });
          if (action.kind === "assign") return client.ticket.update.mutate({ workspaceSlug, ticketId, assigneeId: action.assignee?.id ?? null });
          return client.ticket.update.mutate({ workspaceSlug, ticketId, tags: [...ticket.tags.map((t) => t.name), action.name] });
        }),
      );
      return { done: results.filter((r) => r.status === "fulfilled").length, failed: results.filter((r) => r.status === "rejected").length };
    },
    onMutate: async ({ action, tickets }) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const ids = new Set(tickets.map((t) => t.id));
      queryClient.setQueriesData<{ tickets: TicketSummary[]; total: number }>({ queryKey: listKey }, (data) =>
        data ? { ...data, tickets: data.tickets.map((t) => (ids.has(t.id) ? applied(t, action) : t)) } : data,
      );
    },
    onSuccess: ({ done, failed }, { action }) => {
      const verb = action.kind === "close" ? "Closed" : action.kind === "assign" ? "Assigned" : "Tagged";
      onDone(`${verb} ${done} ticket${done === 1 ? "" : "s"}${failed ? `; ${failed} could not be changed` : ""}.`);
    },
    onError: (error) => onDone(`Bulk action failed: ${error.message}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
}
