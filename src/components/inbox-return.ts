import { useSyncExternalStore } from "react";

// The inbox's filters as the agent left them, so "back to the inbox" returns to the same list, and
// the tickets that list showed, so a ticket page can go to the next or previous one of them.
const key = (workspaceSlug: string) => `threadline:inbox-query:${workspaceSlug}`;
const listKey = (workspaceSlug: string) => `threadline:inbox-tickets:${workspaceSlug}`;

export function rememberInboxQuery(workspaceSlug: string, query: string) {
  window.sessionStorage.setItem(key(workspaceSlug), query);
}

/** Call only in the browser (event handlers, effects); components use useInboxHref. */
export function inboxHref(workspaceSlug: string): string {
  const query = window.sessionStorage.getItem(key(workspaceSlug)) ?? "";
  return `/w/${workspaceSlug}/inbox${query.startsWith("?") ? query : ""}`;
}

/** The ids of the tickets the inbox shows, in its order. */
export function rememberInboxTickets(workspaceSlug: string, ticketIds: readonly string[]) {
  window.sessionStorage.setItem(listKey(workspaceSlug), ticketIds.join(","));
}

/** The ticket before (-1) or after (1) this one in the list the inbox last showed, if any. */
export function adjacentInboxTicket(workspaceSlug: string, ticketId: string, step: -1 | 1): string | null {
  const ids = (window.sessionStorage.getItem(listKey(workspaceSlug)) ?? "").split(",").filter(Boolean);
  const at = ids.indexOf(ticketId);
  return at === -1 ? null : (ids[at + step] ?? null);
}

const noSubscription = () => () => {};

/** adjacentInboxTicket both ways, for rendering (none on the server and at hydration). */
export function useAdjacentInboxTickets(workspaceSlug: string, ticketId: string): { previous: string | null; next: string | null } {
  const pair = useSyncExternalStore(
    noSubscription,
    () => `${adjacentInboxTicket(workspaceSlug, ticketId, -1) ?? ""} ${adjacentInboxTicket(workspaceSlug, ticketId, 1) ?? ""}`,
    () => " ",
  );
  const [previous, next] = pair.split(" ");
  return { previous: previous || null, next: next || null };
}

/** inboxHref for rendering: the plain inbox on the server and at hydration, the remembered filters after. */
export function useInboxHref(workspaceSlug: string): string {
  return useSyncExternalStore(
    noSubscription,
    () => inboxHref(workspaceSlug),
    () => `/w/${workspaceSlug}/inbox`,
  );
}
