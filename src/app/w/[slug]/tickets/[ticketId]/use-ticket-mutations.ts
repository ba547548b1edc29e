"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SettableStatus } from "@/components/ticket-fields";
import { useTRPC } from "@/trpc/react";
import type { Member, TagOption, TicketDetail } from "@/trpc/types";

type Patch = { assigneeId?: string | null; priority?: TicketDetail["priority"]; tags?: string[] };

/** The ticket's edits, shown at once in the cached ticket and rolled back if the server refuses. */
export function useTicketMutations(workspaceSlug: string, ticketId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.ticket.get.queryKey({ workspaceSlug, ticketId });

  async function optimistic(change: (ticket: TicketDetail) => TicketDetail) {
    await queryClient.cancelQueries({ queryKey: key });
    const previous = queryClient.getQueryData(key);
    if (previous) queryClient.setQueryData(key, change(previous));
    return { previous };
  }
  const rollback = (_error: unknown, _input: unknown, context: { previous?: TicketDetail } | undefined) => {
    if (context?.previous) queryClient.setQueryData(key, context.previous);
  };
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: trpc.ticket.list.pathKey() })]);

  function patched(ticket: TicketDetail, patch: Patch): TicketDetail {
    const members = queryClient.getQueryData<Member[]>(trpc.member.list.queryKey({ workspaceSlug })) ?? [];
    const tags = queryClient.getQueryData<TagOption[]>(trpc.tag.list.queryKey({ workspaceSlug })) ?? [];
    const assignee = patch.assigneeId === undefined ? ticket.assignee : (members.find((m) => m.id === patch.assigneeId) ?? null);
    return {
      ...ticket,
      ...(patch.priority ? { priority: patch.priority } : {}),
      assigneeId: assignee?.id ?? null,
      assignee: assignee ? { id: assignee.id, email: assignee.email, name: assignee.name } : null,
      tags: patch.tags ? patch.tags.map((name) => tags.find((t) => t.name === name) ?? { id: `new-${name}`, name, color: "#64748b" }) : ticket.tags,
    };
  }

  const update = useMutation(
    trpc.ticket.update.mutationOptions({
      onMutate: (input) => optimistic((ticket) => patched(ticket, input)),
      onError: rollback,
      onSettled: () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: trpc.tag.list.queryKey({ workspaceSlug }) })]),
    }),
  );
  const setStatus = useMutation(
    trpc.ticket.setStatus.mutationOptions({
      onMutate: (input) => optimistic((ticket) => ({ ...ticket, status: input.toStatus })),
      onError: rollback,
      onSettled: refresh,
    }),
  );
  const archive = useMutation(
    trpc.ticket.archive.mutationOptions({
      onMutate: () => optimistic((ticket) => ({ ...ticket, archivedAt: new Date().toISOString() })),
      onError: rollback,
      onSettled: refresh,
    }),
  );
  const unarchive = useMutation(
    trpc.ticket.unarchive.mutationOptions({
      onMutate: () => optimistic((ticket) => ({ ...ticket, archivedAt: null })),
      onError: rollback,
      onSettled: refresh,
    }),
  );
  const snooze = useMutation(
    trpc.ticket.snooze.mutationOptions({
      onMutate: (input) => optimistic((ticket) => ({ ...ticket, snoozedUntil: input.until })),
      onError: rollback,
      onSettled: refresh,
    }),
  );
  const unsnooze = useMutation(
    trpc.ticket.unsnooze.mutationOptions({
      onMutate: () => optimistic((ticket) => ({ ...ticket, snoozedUntil: null })),
      onError: rollback,
      onSettled: refresh,
    }),
  );
  const ids = { workspaceSlug, ticketId };
  return {
    update: (patch: Patch) => update.mutate({ ...ids, ...patch }),
    setStatus: (toStatus: SettableStatus) => setStatus.mutate({ ...ids, toStatus }),
    setArchived: (archived: boolean) => (archived ? archive.mutate(ids) : unarchive.mutate(ids)),
    /** Until a time (ISO), or null to wake it now. */
    setSnoozed: (until: string | null) => (until ? snooze.mutate({ ...ids, until }) : unsnooze.mutate(ids)),
    error: update.error ?? setStatus.error ?? archive.error ?? unarchive.error ?? snooze.error ?? unsnooze.error,
    refresh,
  };
}
