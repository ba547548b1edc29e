import { useSyncExternalStore } from "react";

// The inbox's filters as the agent left them, so "back to the inbox" returns to the same list.
const key = (workspaceSlug: string) => `threadline:inbox-query:${workspaceSlug}`;

export function rememberInboxQuery(workspaceSlug: string, query: string) {
  window.sessionStorage.setItem(key(workspaceSlug), query);
}

/** Call only in the browser (event handlers, effects); components use useInboxHref. */
export function inboxHref(workspaceSlug: string): string {
  const query = window.sessionStorage.getItem(key(workspaceSlug)) ?? "";
  return `/w/${workspaceSlug}/inbox${query.startsWith("?") ? query : ""}`;
}

const noSubscription = () => () => {};

/** inboxHref for rendering: the plain inbox on the server and at hydration, the remembered filters after. */
export function useInboxHref(workspaceSlug: string): string {
  return useSyncExternalStore(
    noSubscription,
    () => inboxHref(workspaceSlug),
    () => `/w/${workspaceSlug}/inbox`,
  );
}
