"use client";

import { useQuery } from "@tanstack/react-query";
import { mentionToken } from "@/server/notifications/mentions";
import { useTRPC } from "@/trpc/react";
import type { Member } from "@/trpc/types";
import type { CompletionSource } from "./completion-input";

/** How a member is written after "@" in the composer and shown in a note. */
export const mentionName = (member: Pick<Member, "name" | "email">) => member.name || member.email;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The note's text as stored: each "@name" of a member becomes their id (`<@id>`), longest names
 * first so "@Ann Lee" is not taken for "@Ann".
 */
export function encodeMentions(text: string, members: readonly Member[]): string {
  const byLength = [...members].sort((a, b) => mentionName(b).length - mentionName(a).length);
  return byLength.reduce(
    (encoded, member) => encoded.replace(new RegExp(`(^|[^\\w])@${escape(mentionName(member))}(?![\\w])`, "g"), `$1${mentionToken(member.id)}`),
    text,
  );
}

/** The workspace's members, whom a note can mention. */
export function useMentionableMembers(workspaceSlug: string): Member[] {
  const trpc = useTRPC();
  return useQuery(trpc.member.list.queryOptions({ workspaceSlug })).data ?? [];
}

/** "@" in a note lists the members whose name or address matches; a pick writes "@name ". */
export function mentionSource(members: readonly Member[]): CompletionSource {
  return {
    trigger: "@",
    label: "Mention a member",
    options: (query) =>
      members
        .filter((m) => mentionName(m).toLowerCase().includes(query) || m.email.toLowerCase().startsWith(query))
        .map((m) => ({ key: m.id, label: mentionName(m), detail: m.email, insert: `@${mentionName(m)} ` })),
  };
}
