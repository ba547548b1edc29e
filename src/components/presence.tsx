"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { transformer } from "@/server/api/transformer";
import type { PresenceState } from "@/server/live/live-events";
import { useTRPC } from "@/trpc/react";
import { usePollingFallback } from "./live-events";

/** Well within the server's expiry (PRESENCE_TTL_MS, 15 s), so a heartbeat or two may be lost. */
const HEARTBEAT_MS = 5_000;
/** Typing shows this long after the last keystroke. */
const TYPING_MS = 3_000;
/** While live events are down, presence is polled this often. */
const PRESENCE_POLL_MS = 5_000;

/**
 * Tells the workspace the caller is on this ticket's page (heartbeats, and "left" when the page
 * goes); returns what to call on each keystroke in the composer.
 */
export function usePresenceReport(workspaceSlug: string, ticketId: string): (kind: "reply" | "note") => void {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.presence.report.mutationOptions());
  const state = useRef<PresenceState>("viewing");
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const report = useCallback((next: PresenceState | "left") => mutate({ workspaceSlug, ticketId, state: next }), [mutate, workspaceSlug, ticketId]);

  useEffect(() => {
    state.current = "viewing";
    report("viewing");
    const heartbeat = setInterval(() => report(state.current), HEARTBEAT_MS);
    // A page being unloaded cancels its requests: this one is sent with keepalive to outlive it.
    const unload = () =>
      void fetch("/api/trpc/presence.report", {
        method: "POST",
        keepalive: true,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(transformer.serialize({ workspaceSlug, ticketId, state: "left" })),
      });
    window.addEventListener("pagehide", unload);
    return () => {
      clearInterval(heartbeat);
      clearTimeout(idle.current);
      window.removeEventListener("pagehide", unload);
      report("left");
    };
  }, [report, workspaceSlug, ticketId]);

  return useCallback(
    (kind) => {
      const typing: PresenceState = kind === "note" ? "typing-note" : "typing-reply";
      if (state.current !== typing) report((state.current = typing));
      clearTimeout(idle.current);
      idle.current = setTimeout(() => report((state.current = "viewing")), TYPING_MS);
    },
    [report],
  );
}

/** Who else is on the workspace's ticket pages (of one ticket, when given), kept live. */
function usePresence(workspaceSlug: string, ticketId?: string) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.presence.list.queryOptions({ workspaceSlug, ticketId }), refetchInterval: usePollingFallback(PRESENCE_POLL_MS) }).data ?? [];
}

const doing: Record<PresenceState, string> = { viewing: "is viewing", "typing-reply": "is typing a reply", "typing-note": "is typing a note" };

/** "Ana is typing a reply · Bob is viewing" above the thread: others on this ticket right now. */
export function TicketPresence({ workspaceSlug, ticketId }: { workspaceSlug: string; ticketId: string }) {
  const others = usePresence(workspaceSlug, ticketId);
  return (
    <p role="status" aria-label="Who else is here" className={`flex flex-wrap gap-x-3 text-sm text-slate-600 ${others.length ? "" : "sr-only"}`}>
      {others.map((other) => (
        <span key={other.userId} data-testid="presence" className="inline-flex items-center gap-1.5">
          <span aria-hidden className={`h-2 w-2 rounded-full ${other.state === "viewing" ? "bg-emerald-500" : "animate-pulse bg-amber-500"}`} />
          {other.name} {doing[other.state]}
        </span>
      ))}
    </p>
  );
}

/** For the inbox: the names of who else is on each ticket's page. */
export function useViewersByTicket(workspaceSlug: string): ReadonlyMap<string, string[]> {
  const entries = usePresence(workspaceSlug);
  return useMemo(() => {
    const viewers = new Map<string, string[]>();
    for (const entry of entries) viewers.set(entry.ticketId, [...(viewers.get(entry.ticketId) ?? []), entry.name]);
    return viewers;
  }, [entries]);
}

/** The inbox row's marker: a dot and the first name of who is on the ticket. */
export function PresenceMarker({ names }: { names: string[] | undefined }) {
  if (!names?.length) return null;
  const label = `${names.join(", ")} ${names.length > 1 ? "are" : "is"} viewing`;
  return (
    <span
      data-testid="row-presence"
      title={label}
      className="inline-flex shrink-0 items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800"
    >
      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-emerald-500" />
      <span className="sr-only">{label}</span>
      <span aria-hidden className="max-w-24 truncate">
        {names.length > 1 ? `${names[0]} +${names.length - 1}` : names[0]}
      </span>
    </span>
  );
}
