"use client";

import { useParams } from "next/navigation";
import { Fragment } from "react";
import { mentionParts } from "@/server/notifications/mentions";
import { mentionName, useMentionableMembers } from "./use-mentions";

/** A note's text with each stored mention (`<@id>`) shown as "@name", highlighted. */
export function MentionText({ text }: { text: string }) {
  const { slug } = useParams<{ slug: string }>();
  const members = useMentionableMembers(slug);
  const byId = new Map(members.map((m) => [m.id, mentionName(m)]));
  return (
    <>
      {mentionParts(text).map((part, i) =>
        typeof part === "string" ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <span key={i} data-testid="mention" className="rounded bg-amber-100 px-0.5 font-medium text-amber-900">
            @{byId.get(part.userId) ?? "unknown"}
          </span>
        ),
      )}
    </>
  );
}
