"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { RelativeTime } from "./relative-time";
import { errorSentence } from "./error-sentence";
import { confirmLeave } from "./unsaved-changes";

type Notifications = RouterOutputs["notification"]["list"];
type Item = Notifications["notifications"][number];

function target(workspaceSlug: string, item: Item): string {
  if (item.incomingMailId) {
    const filter = item.type === "held_reply_to_closed_ticket" ? "reply_to_closed_ticket" : "out_ticket";
    return `/w/${workspaceSlug}/incoming?filter=${filter}#mail-${item.incomingMailId}`;
  }
  return item.ticketId ? `/w/${workspaceSlug}/tickets/${item.ticketId}` : `/w/${workspaceSlug}/incoming`;
}

/** The open bell's list (the bell's own query, from the cache); opening one marks it read, as does "Mark all read" for all. */
export function NotificationPanel({ workspaceSlug, limit, onClose }: { workspaceSlug: string; limit: number; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const input = { workspaceSlug, limit };
  const list = useQuery(trpc.notification.list.queryOptions(input));
  const key = trpc.notification.list.queryKey(input);
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onMutate: async ({ notificationId }) => {
        await queryClient.cancelQueries({ queryKey: key });
        queryClient.setQueryData<Notifications>(
          key,
          (data) =>
            data && {
              unreadCount: Math.max(0, data.unreadCount - 1),
              notifications: data.notifications.map((n) => (n.id === notificationId ? { ...n, readAt: new Date().toISOString() } : n)),
            },
        );
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() }),
    }),
  );
  const markAllRead = useMutation(
    trpc.notification.markAllRead.mutationOptions({
      onMutate: () => {
        const now = new Date().toISOString();
        queryClient.setQueryData<Notifications>(
          key,
          (data) => data && { unreadCount: 0, notifications: data.notifications.map((n) => ({ ...n, readAt: n.readAt ?? now })) },
        );
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() }),
    }),
  );
  return (
    <div className="absolute right-0 z-30 mt-2 w-80 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white shadow-lg">
      <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
        <h2 className="text-sm font-semibold">Notifications</h2>
        {(list.data?.unreadCount ?? 0) > 0 && (
          <button
            type="button"
            disabled={markAllRead.isPending}
            onClick={() => markAllRead.mutate({ workspaceSlug })}
            className="text-xs font-medium text-brand-700 hover:underline disabled:opacity-50"
          >
            Mark all read
          </button>
        )}
      </div>
      {list.isError && (
        <p role="alert" className="p-3 text-sm text-red-700">
          {errorSentence(list.error)}
        </p>
      )}
      {list.data?.notifications.length === 0 && <p className="p-3 text-sm text-slate-500">Nothing needs you right now.</p>}
      <ul aria-label="Notifications" className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
        {list.data?.notifications.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              onClick={() => {
                if (!item.readAt) markRead.mutate({ workspaceSlug, notificationId: item.id });
                onClose();
                if (confirmLeave()) router.push(target(workspaceSlug, item));
              }}
              className={`block w-full px-3 py-2 text-left text-sm hover:bg-slate-50 ${item.readAt ? "text-slate-600" : "font-medium text-slate-900"}`}
            >
              {!item.readAt && <span aria-label="unread" className="mr-1.5 inline-block h-2 w-2 rounded-full bg-brand-600" />}
              {item.title}
              {item.body && <span className="block truncate text-xs font-normal text-slate-500">{item.body}</span>}
              <RelativeTime iso={item.createdAt} className="block text-xs font-normal text-slate-500" />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
