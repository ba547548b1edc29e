"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import { useCommands } from "@/components/commands";
import { ErrorAlert } from "@/components/error-alert";
import { useTRPC } from "@/trpc/react";
import type { TicketDetail } from "@/trpc/types";
import { ComposerAttachments } from "./composer-attachments";
import { DraftStatus } from "./draft-status";
import { CompletionInput } from "./completion-input";
import { arrivedMessages, StaleReplyNotice } from "./stale-reply-notice";
import { useDraft, type DraftContent } from "./use-draft";
import { encodeMentions, mentionSource, useMentionableMembers } from "./use-mentions";
import { useSavedReplySources } from "./use-saved-replies";
import { useUploads } from "./use-uploads";

export type ComposerMode = "reply" | "note";
/** The ticket's status after the message: "" leaves it as it is. */
export type StatusAfter = "" | "pending" | "closed";
const STATUS_AFTER_LABELS: Record<StatusAfter, string> = { "": "", pending: " & set pending", closed: " & close" };
const FIELD_LABELS = { toAddresses: "To", ccAddresses: "Cc", body: "The message", attachmentIds: "Attachments" };
const FIELD = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const addresses = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);

/**
 * Reply by email (to, cc, files) or add an internal note ("@" mentions a member); "/" or "#" inserts
 * a saved reply; Ctrl/⌘+Enter sends, and the ticket may move to pending or closed with it ("send and
 * close": Ctrl/⌘+Shift+Enter).
 * What is typed is the agent's draft, saved on the server as they type and restored on return. A
 * reply names the last message the agent saw: when others arrived meanwhile the server refuses it
 * and the composer shows them, to send anyway or review first.
 */
export function Composer(props: {
  workspaceSlug: string;
  workspaceId: string | undefined;
  ticket: TicketDetail;
  mode: ComposerMode;
  onMode: (mode: ComposerMode) => void;
  bodyRef: RefObject<HTMLTextAreaElement | null>;
  /** Each keystroke in the body (the others on the ticket see who is typing). */
  onTyping?: () => void;
}) {
  const { workspaceSlug, workspaceId, ticket, mode, onMode, bodyRef } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const drafts = useDraft(workspaceSlug, ticket.id);
  const [to, setTo] = useState(ticket.contact?.email ?? "");
  const [cc, setCc] = useState("");
  const [body, setBody] = useState("");
  const [statusAfter, setStatusAfter] = useState<StatusAfter>("");
  const uploads = useUploads(workspaceId, ticket.id);
  const members = useMentionableMembers(workspaceSlug);
  const savedReplies = useSavedReplySources(workspaceSlug, ticket.id);
  const restored = useRef(false);
  const send = useMutation(
    trpc.ticket.addMessage.mutationOptions({
      onSuccess: () => {
        setBody("");
        setCc("");
        uploads.clear();
        drafts.forget();
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.ticket.get.queryKey({ workspaceSlug, ticketId: ticket.id }) }),
    }),
  );
  const note = mode === "note";
  const ready = body.trim() !== "" && !uploads.busy && !send.isPending && (note || addresses(to).length > 0);
  const arrived = arrivedMessages(send.error);

  // The saved draft fills the composer once, unless the agent started typing before it came.
  const { draft, loaded } = drafts;
  useEffect(() => {
    if (restored.current || !loaded) return;
    restored.current = true;
    if (!draft || body !== "") return;
    setBody(draft.body);
    if (draft.toAddresses.length) setTo(draft.toAddresses.join(", "));
    setCc(draft.ccAddresses.join(", "));
    uploads.restore(draft.attachments);
    if (draft.mode !== mode) onMode(draft.mode);
  }, [draft, loaded, body, mode, onMode, uploads]);

  // Every change after the restore is saved (debounced); an emptied composer drops the draft.
  const snapshot = JSON.stringify({ mode, body, toAddresses: addresses(to), ccAddresses: addresses(cc), attachmentIds: uploads.ids });
  const lastSnapshot = useRef<string | null>(null);
  useEffect(() => {
    if (!restored.current || snapshot === lastSnapshot.current) return;
    const first = lastSnapshot.current === null;
    lastSnapshot.current = snapshot;
    if (!first) drafts.schedule(JSON.parse(snapshot) as DraftContent);
  }, [snapshot, drafts]);

  // A second Ctrl+Enter while the draft's last save settles must not send twice.
  const submitting = useRef(false);
  async function submit(event?: FormEvent, lastSeenMessageId = ticket.messages.at(-1)?.id, then: StatusAfter = statusAfter) {
    event?.preventDefault();
    if (!ready || submitting.current) return;
    submitting.current = true;
    try {
      await drafts.settle();
    } finally {
      submitting.current = false;
    }
    send.mutate({
      workspaceSlug,
      ticketId: ticket.id,
      body: note ? encodeMentions(body, members) : body,
      isInternal: note,
      sendEmail: !note,
      ...(note ? {} : { toAddresses: addresses(to), ccAddresses: addresses(cc) }),
      attachmentIds: uploads.ids,
      lastSeenMessageId,
      ...(then && then !== ticket.status ? { statusAfter: then } : {}),
    });
  }
  const what = note ? "Add the note" : "Send the reply";
  useCommands(
    ready
      ? [
          { id: "send", label: what, shortcut: "Ctrl/⌘+Enter", run: () => void submit(undefined, undefined, "") },
          { id: "send:pending", label: `${what} and set pending`, run: () => void submit(undefined, undefined, "pending") },
          { id: "send:closed", label: `${what} and close`, shortcut: "Ctrl/⌘+Shift+Enter", run: () => void submit(undefined, undefined, "closed") },
        ]
      : [],
  );
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void submit(event, undefined, event.shiftKey ? "closed" : statusAfter);
  }
  function review() {
    const first = arrived?.[0]?.id;
    send.reset();
    void queryClient.invalidateQueries({ queryKey: trpc.ticket.get.queryKey({ workspaceSlug, ticketId: ticket.id }) });
    if (first) document.querySelector(`[data-message-id="${first}"]`)?.scrollIntoView({ behavior: "smooth", block: "center" });
  }
  async function discard() {
    await drafts.discard();
    setBody("");
    setCc("");
    setTo(ticket.contact?.email ?? "");
    uploads.clear();
    send.reset();
  }

  if (ticket.status === "merged") return null;
  return (
    <form
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
      aria-label="Composer"
      className={`rounded-lg border p-3 ${note ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
    >
      <div role="group" aria-label="Message type" className="mb-2 flex gap-1 text-sm">
        {(["reply", "note"] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => onMode(m)}
            className={`rounded-md px-3 py-1 font-medium ${mode === m ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {m === "reply" ? "Reply by email" : "Internal note"} <kbd className="text-xs opacity-70">{m === "reply" ? "r" : "n"}</kbd>
          </button>
        ))}
      </div>
      {!note && (
        <div className="mb-2 grid gap-2 sm:grid-cols-2">
          <label className="text-sm">
            <span className="text-slate-700">To</span>
            <input value={to} onChange={(e) => setTo(e.target.value)} className={FIELD} placeholder="customer@example.com" />
          </label>
          <label className="text-sm">
            <span className="text-slate-700">Cc</span>
            <input value={cc} onChange={(e) => setCc(e.target.value)} className={FIELD} placeholder="Comma-separated" />
          </label>
        </div>
      )}
      <label className="sr-only" htmlFor="composer-body">
        {note ? "Note" : "Reply"}
      </label>
      <CompletionInput
        id="composer-body"
        inputRef={bodyRef}
        value={body}
        onValue={(value) => {
          setBody(value);
          props.onTyping?.();
        }}
        sources={note ? [mentionSource(members), ...savedReplies] : savedReplies}
        rows={5}
        placeholder={note ? "Only your team sees this note." : "Write your reply…"}
        className={FIELD}
      />
      {arrived ? (
        <StaleReplyNotice arrived={arrived} sending={send.isPending} onSendAnyway={() => void submit(undefined, arrived.at(-1)?.id)} onReview={review} />
      ) : (
        <ErrorAlert
          error={send.error}
          labels={FIELD_LABELS}
          lead={note ? "Note not added." : "Not sent."}
          className="mt-2"
          action={
            <button
              type="button"
              onClick={() => void submit()}
              disabled={!ready}
              className="rounded-md border border-red-300 bg-white px-2 py-0.5 font-medium hover:bg-red-100"
            >
              Try again
            </button>
          }
        />
      )}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <ComposerAttachments uploads={uploads} disabled={!workspaceId} />
        <DraftStatus state={drafts.state} hasDraft={Boolean(drafts.draft) || body !== ""} onDiscard={() => void discard()} />
        <div className="flex items-center gap-2">
          <label className="text-sm text-slate-700">
            <span className="sr-only">After sending</span>
            <select
              value={statusAfter}
              onChange={(e) => setStatusAfter(e.target.value as StatusAfter)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              <option value="">Keep status</option>
              <option value="pending">Then set pending</option>
              <option value="closed">Then close</option>
            </select>
          </label>
          <button
            type="submit"
            disabled={!ready}
            title="Ctrl/⌘+Enter sends; Ctrl/⌘+Shift+Enter sends and closes"
            className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {send.isPending ? "Sending…" : `${note ? "Add note" : "Send reply"}${STATUS_AFTER_LABELS[statusAfter]}`}{" "}
            <span className="text-xs opacity-80">Ctrl+Enter</span>
          </button>
        </div>
      </div>
    </form>
  );
}
