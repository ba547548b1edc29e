"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/trpc/react";
import { usePollingFallback } from "./live-events";

const PREFIX = /^\(\d+\) /;

/**
 * Puts the number of my unread tickets in front of the browser tab's title ("(3) Inbox · Threadline"),
 * also after a navigation sets a new title.
 */
export function UnreadTitle({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.ticket.unreadCount.queryOptions({ workspaceSlug }), refetchInterval: usePollingFallback(10_000) }).data ?? 0;
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(PREFIX, "");
      const next = count > 0 ? `(${count}) ${base}` : base;
      if (document.title !== next) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(PREFIX, "");
    };
  }, [count]);
  return null;
}
