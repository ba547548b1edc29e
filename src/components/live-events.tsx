"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { LiveEvent } from "@/server/live/live-events";
import { useTRPC } from "@/trpc/react";

/** Events arriving this close together (a bulk update) refetch each query once. */
const BATCH_MS = 50;

const LiveConnected = createContext(false);

/**
 * The workspace's live events (GET …/events, Server-Sent Events): each one refetches the queries
 * that show what changed. While the stream is down the pages poll instead (usePollingFallback),
 * and when it is back everything is fetched again, since events were missed meanwhile.
 */
export function LiveEventsProvider({ workspaceId, workspaceSlug, children }: { workspaceId: string; workspaceSlug: string; children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const source = new EventSource(`/api/v1/workspaces/${workspaceId}/events`);
    let pending: LiveEvent[] = [];
    let flush: ReturnType<typeof setTimeout> | undefined;
    let wasConnected = false;
    const refetch = (events: LiveEvent[]) => {
      if (events.some((event) => event.kind === "resync")) return void queryClient.invalidateQueries();
      const ticketIds = new Set(events.filter((event) => event.kind === "ticket" && event.ticketId).map((event) => event.ticketId!));
      if (ticketIds.size > 0) {
        for (const ticketId of ticketIds) void queryClient.invalidateQueries(trpc.ticket.get.queryFilter({ workspaceSlug, ticketId }));
        void queryClient.invalidateQueries(trpc.ticket.list.pathFilter());
        void queryClient.invalidateQueries(trpc.ticket.counts.pathFilter());
        void queryClient.invalidateQueries(trpc.ticket.unreadCount.pathFilter());
        void queryClient.invalidateQueries(trpc.view.list.pathFilter());
      }
      if (events.some((event) => event.kind === "notification")) void queryClient.invalidateQueries(trpc.notification.pathFilter());
      if (events.some((event) => event.kind === "incoming")) void queryClient.invalidateQueries(trpc.incomingMail.pathFilter());
      if (events.some((event) => event.kind === "outbox")) void queryClient.invalidateQueries(trpc.outboundEmail.pathFilter());
      if (events.some((event) => event.kind === "presence")) void queryClient.invalidateQueries(trpc.presence.pathFilter());
    };
    source.onopen = () => {
      if (wasConnected) refetch([{ kind: "resync", ticketId: null }]);
      wasConnected = true;
      setConnected(true);
    };
    // The browser reconnects by itself (after the stream's retry hint); until then, pages poll.
    source.onerror = () => setConnected(false);
    source.onmessage = (message: MessageEvent<string>) => {
      pending.push(JSON.parse(message.data) as LiveEvent);
      flush ??= setTimeout(() => {
        const events = pending;
        pending = [];
        flush = undefined;
        refetch(events);
      }, BATCH_MS);
    };
    return () => {
      clearTimeout(flush);
      source.close();
    };
  }, [workspaceId, workspaceSlug, trpc, queryClient]);

  return (
    <LiveConnected.Provider value={connected}>
      <span hidden data-testid="live-status" data-connected={connected} />
      {children}
    </LiveConnected.Provider>
  );
}

/** A query's polling interval: none while live events arrive, `intervalMs` while they do not. */
export function usePollingFallback(intervalMs: number): number | false {
  return useContext(LiveConnected) ? false : intervalMs;
}
