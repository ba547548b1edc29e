"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/trpc/react";
import type { CompletionOption, CompletionSource } from "./completion-input";

/** Where a saved reply can be picked from in the composer. */
export const SAVED_REPLY_TRIGGERS = ["/", "#"] as const;

/**
 * "/" or "#" lists the saved replies (shared and the agent's own) whose name or text matches, names
 * first; a pick inserts the reply with its placeholders filled for this ticket by the server.
 */
export function useSavedReplySources(workspaceSlug: string, ticketId: string): CompletionSource[] {
  const trpc = useTRPC();
  const replies = useQuery(trpc.savedReply.list.queryOptions({ workspaceSlug, ticketId })).data;
  return useMemo(() => {
    if (!replies?.length) return [];
    const options = (query: string): CompletionOption[] => {
      const byName = replies.filter((r) => r.name.toLowerCase().includes(query));
      const byText = replies.filter((r) => !byName.includes(r) && r.body.toLowerCase().includes(query));
      return [...byName, ...byText].map((r) => ({ key: r.id, label: r.name, detail: r.rendered ?? r.body, insert: r.rendered ?? r.body }));
    };
    return SAVED_REPLY_TRIGGERS.map((trigger) => ({ trigger, label: "Saved replies", options }));
  }, [replies]);
}
