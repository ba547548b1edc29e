"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/trpc/react";

/**
 * Records that I opened the ticket, again whenever a newer message shows while it is open: the
 * inbox's unread mark, the tab's count and my notifications about it clear.
 */
export function useMarkTicketRead(workspaceSlug: string, ticketId: string, newestMessageId: string | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { mutate } = useMutation(
    trpc.ticket.markRead.mutationOptions({
      onSuccess: ({ unreadTickets }) => {
        queryClient.setQueryData(trpc.ticket.unreadCount.queryKey({ workspaceSlug }), unreadTickets);
        void queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.ticket.list.pathKey() });
      },
    }),
  );
  useEffect(() => {
    if (newestMessageId) mutate({ workspaceSlug, ticketId });
  }, [mutate, workspaceSlug, ticketId, newestMessageId]);
}
