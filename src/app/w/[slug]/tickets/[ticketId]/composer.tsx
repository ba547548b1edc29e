"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { useTRPC } from "@/trpc/react";
import type { TicketDetail } from "@/trpc/types";
import { ComposerAttachments } from "./composer-attachments";
import { MentionInput } from "./mention-input";
import { encodeMentions, useMentionableMembers } from "./use-mentions";
import { useUploads } from "./use-uploads";

export type ComposerMode = "reply" | "note";
const FIELD_LABELS = { toAddresses: "To", ccAddresses: "Cc", body: "The message", attachmentIds: "Attachments" };
const FIELD = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const addresses = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);

/** Reply by email (to, cc, files) or add an internal note ("@" mentions a member); Ctrl/⌘+Enter sends. */
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
  const [to, setTo] = useState(ticket.contact?.email ?? "");
  const [cc, setCc] = useState("");
  const [body, setBody] = useState("");
  const uploads = useUploads(workspaceId, ticket.id);
  const members = useMentionableMembers(workspaceSlug);
  const send = useMutation(
    trpc.ticket.addMessage.mutationOptions({
      onSuccess: () => {
        setBody("");
        setCc("");
        uploads.clear();
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.ticket.get.queryKey({ workspaceSlug, ticketId: ticket.id }) }),
    }),
  );
  const note = mode === "note";
  const ready = body.trim() !== "" && !uploads.busy && !send.isPending && (note || addresses(to).length > 0);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!ready) return;
    send.mutate({
      workspaceSlug,
      ticketId: ticket.id,
      body: note ? encodeMentions(body, members) : body,
      isInternal: note,
      sendEmail: !note,
      ...(note ? {} : { toAddresses: addresses(to), ccAddresses: addresses(cc) }),
      attachmentIds: uploads.ids,
    });
  }
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit(event);
  }

  if (ticket.status === "merged") return null;
  return (
    <form
      onSubmit={submit}
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
      <MentionInput
        id="composer-body"
        inputRef={bodyRef}
        value={body}
        onValue={(value) => {
          setBody(value);
          props.onTyping?.();
        }}
        members={note ? members : []}
        rows={5}
        placeholder={note ? "Only your team sees this note." : "Write your reply…"}
        className={FIELD}
      />
      <ErrorAlert
        error={send.error}
        labels={FIELD_LABELS}
        lead={note ? "Note not added." : "Not sent."}
        className="mt-2"
        action={
          <button
            type="button"
            onClick={() => submit()}
            disabled={!ready}
            className="rounded-md border border-red-300 bg-white px-2 py-0.5 font-medium hover:bg-red-100"
          >
            Try again
          </button>
        }
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <ComposerAttachments uploads={uploads} disabled={!workspaceId} />
        <button
          type="submit"
          disabled={!ready}
          className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {send.isPending ? "Sending…" : note ? "Add note" : "Send reply"} <span className="text-xs opacity-80">Ctrl+Enter</span>
        </button>
      </div>
    </form>
  );
}
