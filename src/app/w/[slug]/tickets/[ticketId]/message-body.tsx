"use client";

import { useState } from "react";
import { EmailFrame } from "@/components/email-frame";
import { attachmentsPath } from "@/server/attachments/attachment-paths";
import type { ThreadMessage } from "@/trpc/types";
import { MentionText } from "./mention-text";

/**
 * The message's text (or its sanitized HTML, `cid:` images already pointed at the stored
 * attachments), with the quoted history folded away until asked for.
 */
export function MessageBody({ message, html, workspaceId }: { message: ThreadMessage; html: string | null; workspaceId: string | undefined }) {
  const [showQuoted, setShowQuoted] = useState(false);
  const hasQuoted = html ? html.includes("data-quoted-history") : Boolean(message.bodyFull && message.bodyFull.trim() !== message.body.trim());

  return (
    <div className="mt-2">
      {html ? (
        <EmailFrame
          html={html}
          title={`Email from ${message.fromName ?? message.fromAddress ?? "sender"}`}
          showQuoted={showQuoted}
          inlineImagesPath={workspaceId ? attachmentsPath(workspaceId) : null}
        />
      ) : (
        <div className="whitespace-pre-wrap break-words text-sm leading-relaxed">
          {message.direction === "note" ? <MentionText text={message.body} /> : showQuoted && message.bodyFull ? message.bodyFull : message.body}
        </div>
      )}
      {hasQuoted && (
        <button
          type="button"
          aria-expanded={showQuoted}
          onClick={() => setShowQuoted(!showQuoted)}
          className="mt-1 rounded px-1 text-xs font-medium text-slate-600 hover:bg-slate-100"
        >
          {showQuoted ? "Hide quoted text" : "··· Show quoted text"}
        </button>
      )}
    </div>
  );
}
