"use client";

import { useMemo, type ReactNode } from "react";
import { RelativeTime } from "@/components/relative-time";
import { withInlineImages } from "@/server/email/inline-images";
import type { ThreadMessage } from "@/trpc/types";
import { AttachmentList } from "./attachment-list";
import { MessageBody } from "./message-body";

const LOOK = {
  inbound: { label: "Customer", card: "border-slate-200 bg-white", badge: "bg-slate-100 text-slate-700" },
  outbound: { label: "Reply", card: "border-brand-100 bg-brand-50", badge: "bg-brand-100 text-brand-700" },
  note: { label: "Internal note", card: "border-amber-300 border-dashed bg-amber-50", badge: "bg-amber-200 text-amber-900" },
} as const;

const DELIVERY: Record<string, string> = {
  recorded: "bg-slate-100 text-slate-700",
  sent: "bg-sky-100 text-sky-800",
  delivered: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
};

/** One message of the thread; `children` go below it (a reply's undo countdown). */
export function MessageCard(props: {
  message: ThreadMessage;
  workspaceId: string | undefined;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
  children?: ReactNode;
}) {
  const { message, workspaceId, selectable, selected, onToggle, children } = props;
  const look = LOOK[message.direction];
  const { bodyHtml, attachments } = message;
  // Images the HTML shows inline are not listed again as files.
  const inline = useMemo(
    () => (bodyHtml && workspaceId ? withInlineImages(bodyHtml, attachments, workspaceId) : { html: bodyHtml, shown: new Set<string>() }),
    [bodyHtml, attachments, workspaceId],
  );
  const who = message.author?.name ?? message.fromName ?? message.author?.email ?? message.fromAddress ?? "Unknown";
  return (
    <article
      data-testid="message"
      data-direction={message.direction}
      data-message-id={message.id}
      aria-label={`${look.label} from ${who}`}
      className={`rounded-lg border p-3 sm:p-4 ${look.card}`}
    >
      <header className="flex flex-wrap items-start gap-x-3 gap-y-1 text-sm">
        {selectable && (
          <input
            type="checkbox"
            checked={selected}
            onChange={onToggle}
            aria-label={`Move the message from ${who}`}
            className="mt-0.5 h-4 w-4 accent-brand-600"
          />
        )}
        <span className="font-semibold">{who}</span>
        {message.fromAddress && message.direction === "inbound" && <span className="text-slate-600">&lt;{message.fromAddress}&gt;</span>}
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${look.badge}`}>{look.label}</span>
        {message.isAutoReply && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">Auto-reply</span>}
        {message.deliveryStatus && (
          <span
            data-testid="delivery-status"
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${DELIVERY[message.deliveryStatus] ?? DELIVERY.recorded}`}
          >
            {message.deliveryStatus}
          </span>
        )}
        <RelativeTime iso={message.createdAt} className="ml-auto text-xs text-slate-500" />
      </header>
      {(message.toAddresses.length > 0 || message.ccAddresses.length > 0) && (
        <p className="mt-1 text-xs text-slate-600">
          To {message.toAddresses.join(", ")}
          {message.ccAddresses.length > 0 && <> · Cc {message.ccAddresses.join(", ")}</>}
        </p>
      )}
      <MessageBody message={message} html={inline.html} workspaceId={workspaceId} />
      <AttachmentList attachments={attachments.filter((file) => !inline.shown.has(file.id))} workspaceId={workspaceId} />
      {children}
    </article>
  );
}
