"use client";

import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { BellIcon } from "./icons";
import { usePollingFallback } from "./live-events";

// The list opens on a click: its code is not in every workspace page's first scripts.
const NotificationPanel = lazy(() => import("./notification-panel").then((m) => ({ default: m.NotificationPanel })));
const LIMIT = 20;

/** In-app notifications (assignments, replies, mentions, mail that needs a human), kept fresh: the unread count, and the list on a click. */
export function NotificationBell({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const list = useQuery({ ...trpc.notification.list.queryOptions({ workspaceSlug, limit: LIMIT }), refetchInterval: usePollingFallback(10_000) });
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !panel.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener("mousedown", close);
    window.addEventListener("keydown", close);
    return () => {
      window.removeEventListener("mousedown", close);
      window.removeEventListener("keydown", close);
    };
  }, [open]);

  const unread = list.data?.unreadCount ?? 0;
  return (
    <div ref={panel} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-label={`Notifications, ${unread} unread`}
        onClick={() => setOpen(!open)}
        className="relative rounded-md p-1.5 hover:bg-slate-100"
      >
        <BellIcon className="h-5 w-5 text-slate-700" />
        {unread > 0 && (
          <span data-testid="unread-count" className="absolute -top-1 -right-1 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <Suspense>
          <NotificationPanel workspaceSlug={workspaceSlug} limit={LIMIT} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
