/**
 * A mention in a note's text is the member's user id in `<@…>`, so it names them whatever they are
 * called later; pages show it as "@" and their name.
 */
const MENTION = /<@([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})>/gi;

export const mentionToken = (userId: string) => `<@${userId}>`;

/** The user ids a text mentions, each once, in order. */
export function mentionedUserIds(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((match) => match[1]!.toLowerCase()))];
}

/** The text with each mention as "@name" (`nameOf` answers null for someone unknown: "@unknown"). */
export function renderMentions(text: string, nameOf: (userId: string) => string | null): string {
  return text.replace(MENTION, (_, id: string) => `@${nameOf(id.toLowerCase()) ?? "unknown"}`);
}

/** The text split at its mentions: plain strings, and the mentions' user ids. */
export function mentionParts(text: string): (string | { userId: string })[] {
  const parts: (string | { userId: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ userId: match[1]!.toLowerCase() });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
