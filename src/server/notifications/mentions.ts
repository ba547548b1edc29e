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
