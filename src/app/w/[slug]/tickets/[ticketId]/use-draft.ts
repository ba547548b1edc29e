"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { SaveDraftInput } from "@/server/tickets/ticket-drafts.schema";
import { useTRPC, useTRPCClient } from "@/trpc/react";

/** How long the composer waits after the last keystroke before it saves the draft. */
const SAVE_AFTER_MS = 800;

export type DraftContent = Required<SaveDraftInput>;

/** Nothing worth keeping: no text and no files (the recipients alone are the ticket's defaults). */
const isEmpty = (content: DraftContent) => content.body.trim() === "" && content.attachmentIds.length === 0;

/**
 * The agent's draft on the ticket, kept on the server (so another device sees it): `draft` as
 * loaded, `schedule` saves the composer's content a moment after the last change (an empty
 * composer drops the draft), `discard` drops it now, `settle` cancels a save not yet sent and
 * waits for one under way (before sending, which clears the draft on the server).
 */
export function useDraft(workspaceSlug: string, ticketId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const ids = { workspaceSlug, ticketId };
  const key = trpc.ticket.draft.queryKey(ids);
  const draft = useQuery({ ...trpc.ticket.draft.queryOptions(ids), refetchOnWindowFocus: false });
  const [state, setState] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const pending = useRef<DraftContent | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());

  function write(content: DraftContent) {
    setState("saving");
    const request = isEmpty(content)
      ? client.ticket.discardDraft.mutate(ids).then(() => queryClient.setQueryData(key, null))
      : client.ticket.saveDraft.mutate({ ...ids, ...content }).then((saved) => queryClient.setQueryData(key, saved));
    inFlight.current = request.then(
      () => setState(isEmpty(content) ? "idle" : "saved"),
      () => setState("failed"),
    );
  }
  function flush() {
    clearTimeout(timer.current);
    const content = pending.current;
    pending.current = null;
    if (content) write(content);
  }
  // Leaving the page (the inbox link) within the delay still saves what was typed.
  const flushOnLeave = useRef(flush);
  flushOnLeave.current = flush;
  useEffect(() => () => flushOnLeave.current(), []);

  return {
    draft: draft.data,
    loaded: !draft.isPending,
    state,
    schedule(content: DraftContent) {
      pending.current = content;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    /** After a send: the server dropped the draft with it. */
    forget: () => queryClient.setQueryData(key, null),
    async settle() {
      clearTimeout(timer.current);
      pending.current = null;
      await inFlight.current;
    },
    async discard() {
      clearTimeout(timer.current);
      pending.current = null;
      await inFlight.current;
      write({ mode: "reply", body: "", toAddresses: [], ccAddresses: [], attachmentIds: [] });
    },
  };
}
