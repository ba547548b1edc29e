"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useRef, useState } from "react";
import { adjacentInboxTicket, inboxHref } from "@/components/inbox-return";
import { useCommands } from "@/components/commands";
import { usePollingFallback } from "@/components/live-events";
import { Loading, LoadError } from "@/components/load-state";
import { TicketPresence, usePresenceReport } from "@/components/presence";
import { useShortcuts } from "@/components/use-shortcuts";
import { useTRPC } from "@/trpc/react";
import { Composer, type ComposerMode } from "./composer";
import { MessageCard } from "./message-card";
import { UndoSend } from "./undo-send";
import { TicketHeader } from "./ticket-header";
import { ticketCommands } from "./ticket-commands";
import { TicketSidebar } from "./ticket-sidebar";
import { useMarkTicketRead } from "./use-mark-read";
import { useTicketMutations } from "./use-ticket-mutations";
import { ErrorAlert } from "@/components/error-alert";

// Dialogs and the split bar, closed at first paint: their code is not in the page's first scripts; it loads while
// the page hydrates (the split bar when first shown).
const ShortcutHelp = lazy(() => import("@/components/shortcut-help").then((m) => ({ default: m.ShortcutHelp })));
const MergeDialog = lazy(() => import("./merge-dialog").then((m) => ({ default: m.MergeDialog })));
const SplitBar = lazy(() => import("./split-bar").then((m) => ({ default: m.SplitBar })));

const THREAD_REFRESH_MS = 10_000;
const SHORTCUTS: [string, string][] = [
  ["r", "Reply by email"],
  ["n", "Internal note"],
  ["Ctrl/⌘ + Enter", "Send"],
  ["Ctrl/⌘ + Shift + Enter", "Send and close"],
  ["j / k", "Next / previous ticket of the inbox list"],
  ["Ctrl/⌘ + K", "All actions"],
  ["e", "Close or reopen"],
  ["u", "Back to the inbox"],
  ["?", "This help"],
];

export function TicketView({ workspaceSlug, ticketId, viewerId }: { workspaceSlug: string; ticketId: string; viewerId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const ticket = useQuery({ ...trpc.ticket.get.queryOptions({ workspaceSlug, ticketId }), refetchInterval: usePollingFallback(THREAD_REFRESH_MS) });
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug })).data ?? [];
  const tags = useQuery(trpc.tag.list.queryOptions({ workspaceSlug })).data ?? [];
  const workspaceId = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug })).data?.id;
  const actions = useTicketMutations(workspaceSlug, ticketId);
  const reportTyping = usePresenceReport(workspaceSlug, ticketId);
  const [mode, setMode] = useState<ComposerMode>("reply");
  const [splitIds, setSplitIds] = useState<ReadonlySet<string> | null>(null);
  const [dialog, setDialog] = useState<"merge" | "help" | null>(null);
  const [listEnd, setListEnd] = useState("");
  // Bumped when an undone reply came back as the draft: the composer starts again from it.
  const [composerRound, setComposerRound] = useState(0);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const data = ticket.data;
  useMarkTicketRead(workspaceSlug, ticketId, data?.messages.at(-1)?.id);

  const compose = (next: ComposerMode) => {
    setMode(next);
    bodyRef.current?.focus();
  };
  const toggleStatus = () => data && data.status !== "merged" && actions.setStatus(data.status === "closed" ? "open" : "closed");
  const goAdjacent = (step: -1 | 1) => {
    const id = adjacentInboxTicket(workspaceSlug, ticketId, step);
    if (id) router.push(`/w/${workspaceSlug}/tickets/${id}`);
    else setListEnd(step === 1 ? "This is the last ticket of the inbox list." : "This is the first ticket of the inbox list.");
  };
  const goInbox = () => router.push(inboxHref(workspaceSlug));
  useShortcuts({
    j: () => goAdjacent(1),
    k: () => goAdjacent(-1),
    r: () => compose("reply"),
    n: () => compose("note"),
    e: toggleStatus,
    u: goInbox,
    "?": () => setDialog("help"),
  });
  useCommands(
    data
      ? ticketCommands({
          ticket: data,
          viewerId,
          members,
          tags,
          actions,
          compose,
          goAdjacent,
          goInbox,
          openDialog: setDialog,
          split: () => setSplitIds(new Set()),
        })
      : [],
  );

  if (ticket.isPending) return <Loading label="Loading ticket…" />;
  if (ticket.isError || !data) return <LoadError what="this ticket" error={ticket.error} onRetry={() => void ticket.refetch()} />;
  const toggleSplit = (id: string) =>
    setSplitIds((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div>
      <TicketHeader
        workspaceSlug={workspaceSlug}
        ticket={data}
        splitting={splitIds !== null}
        onStatus={actions.setStatus}
        onMerge={() => setDialog("merge")}
        onSplit={() => setSplitIds(splitIds ? null : new Set())}
        onArchive={actions.setArchived}
        onSnooze={actions.setSnoozed}
      />
      <ErrorAlert error={actions.error} lead="Not saved." className="mb-3" />
      <p role="status" className="sr-only">
        {listEnd}
      </p>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="space-y-3">
          {splitIds && (
            <Suspense>
              <SplitBar workspaceSlug={workspaceSlug} ticket={data} messageIds={[...splitIds]} onCancel={() => setSplitIds(null)} />
            </Suspense>
          )}
          <TicketPresence workspaceSlug={workspaceSlug} ticketId={ticketId} />
          <section aria-label="Thread" className="space-y-3">
            {data.messages.map((message) => (
              <MessageCard
                key={message.id}
                message={message}
                workspaceId={workspaceId}
                selectable={splitIds !== null}
                selected={splitIds?.has(message.id) ?? false}
                onToggle={() => toggleSplit(message.id)}
              >
                <UndoSend
                  workspaceSlug={workspaceSlug}
                  message={message}
                  canUndo={message.author?.id === viewerId}
                  onUndone={() => setComposerRound((round) => round + 1)}
                />
              </MessageCard>
            ))}
          </section>
          <Composer
            key={`${data.id}:${composerRound}`}
            workspaceSlug={workspaceSlug}
            workspaceId={workspaceId}
            ticket={data}
            mode={mode}
            onMode={compose}
            bodyRef={bodyRef}
            onTyping={() => reportTyping(mode)}
          />
        </div>
        <TicketSidebar workspaceSlug={workspaceSlug} ticket={data} members={members} tags={tags} actions={actions} />
      </div>
      <Suspense>
        <MergeDialog workspaceSlug={workspaceSlug} ticket={data} open={dialog === "merge"} onClose={() => setDialog(null)} />
        <ShortcutHelp open={dialog === "help"} onClose={() => setDialog(null)} shortcuts={SHORTCUTS} />
      </Suspense>
    </div>
  );
}
