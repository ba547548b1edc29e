"use client";

import type { Command } from "@/components/commands";
import { capitalize, PRIORITIES, type SettableStatus } from "@/components/ticket-fields";
import type { Member, TagOption, TicketDetail } from "@/trpc/types";
import type { ComposerMode } from "./composer";
import type { useTicketMutations } from "./use-ticket-mutations";

/** Every action of the ticket page, for the Ctrl/⌘+K palette. */
export function ticketCommands(props: {
  ticket: TicketDetail;
  viewerId: string;
  members: readonly Member[];
  tags: readonly TagOption[];
  actions: ReturnType<typeof useTicketMutations>;
  compose: (mode: ComposerMode) => void;
  goAdjacent: (step: -1 | 1) => void;
  goInbox: () => void;
  openDialog: (dialog: "merge" | "help") => void;
  split: () => void;
}): Command[] {
  const { ticket, viewerId, members, tags, actions } = props;
  const moving: Command[] = [
    { id: "next", label: "Next ticket", shortcut: "j", run: () => props.goAdjacent(1) },
    { id: "previous", label: "Previous ticket", shortcut: "k", run: () => props.goAdjacent(-1) },
    { id: "inbox", label: "Back to the inbox", shortcut: "u", run: props.goInbox },
    { id: "help", label: "Keyboard shortcuts", shortcut: "?", run: () => props.openDialog("help") },
  ];
  if (ticket.status === "merged") return moving;

  const status = (to: SettableStatus, label: string, shortcut?: string): Command[] =>
    ticket.status === to ? [] : [{ id: `status:${to}`, label, shortcut, run: () => actions.setStatus(to) }];
  const onTicket = new Set(ticket.tags.map((t) => t.name));
  return [
    { id: "reply", label: "Reply by email", shortcut: "r", run: () => props.compose("reply") },
    { id: "note", label: "Add an internal note", shortcut: "n", run: () => props.compose("note") },
    ...status("closed", "Close the ticket", "e"),
    ...status("open", "Reopen the ticket", ticket.status === "closed" ? "e" : undefined),
    ...status("pending", "Set pending"),
    ...(ticket.assigneeId === viewerId ? [] : [{ id: "assign:me", label: "Assign to me", run: () => actions.update({ assigneeId: viewerId }) }]),
    ...members
      .filter((m) => m.id !== ticket.assigneeId && m.id !== viewerId)
      .map((m) => ({ id: `assign:${m.id}`, label: `Assign to ${m.name || m.email}`, run: () => actions.update({ assigneeId: m.id }) })),
    ...(ticket.assigneeId ? [{ id: "unassign", label: "Unassign", run: () => actions.update({ assigneeId: null }) }] : []),
    ...PRIORITIES.filter((p) => p !== ticket.priority).map((p) => ({
      id: `priority:${p}`,
      label: `Priority: ${capitalize(p)}`,
      run: () => actions.update({ priority: p }),
    })),
    ...tags
      .filter((t) => !onTicket.has(t.name))
      .map((t) => ({ id: `tag:${t.name}`, label: `Add tag “${t.name}”`, run: () => actions.update({ tags: [...onTicket, t.name] }) })),
    ...[...onTicket].map((name) => ({
      id: `untag:${name}`,
      label: `Remove tag “${name}”`,
      run: () => actions.update({ tags: [...onTicket].filter((n) => n !== name) }),
    })),
    { id: "merge", label: "Merge into another ticket…", run: () => props.openDialog("merge") },
    ...(ticket.messages.length > 1 ? [{ id: "split", label: "Split messages into a new ticket…", run: props.split }] : []),
    {
      id: "archive",
      label: ticket.archivedAt ? "Unarchive" : "Archive",
      run: () => actions.setArchived(!ticket.archivedAt),
    },
    ...moving,
  ];
}
