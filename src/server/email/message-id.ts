import { randomUUID } from "node:crypto";

/** References ids kept on a message, the last ones (the root is the first to go), as mail clients do. */
export const MAX_REFERENCES = 100;

/** A Message-ID longer than this (UTF-8 bytes; RFC 5322 lines end at 998) is refused, or dropped from References. */
export const MAX_MESSAGE_ID_BYTES = 998;

// One id per match: a bracketed id (which may contain anything but brackets), or a bare token.
const ID_TOKEN = /<([^<>]*)>|([^\s,<>]+)/g;
const COMMENT = /\([^()]*\)/g;
const DOMAIN = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;

/**
 * The id without brackets or whitespace, its domain (after the last `@`) lower-cased, since
 * RFC 5322 domains are case-insensitive and some servers rewrite their case, and its local part
 * kept exactly; empty → null. Stored and looked-up ids both pass through here, so they agree.
 * The migration `message_id_domain_case` brought the ids stored before this rule to the same form.
 */
export function normalizeMessageId(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  // Folding can put whitespace anywhere inside an id; neither it nor a control character (NEL,
  // U+2028…: line breaks to some readers) is ever part of the id itself.
  const compact = raw.replace(/[\s\p{Cc}]+/gu, "");
  const bracketed = /<([^<>]+)>/.exec(compact);
  const id = bracketed?.[1] ?? compact.replace(/^<+|>+$/g, "");
  if (id === "") return null;
  const at = id.lastIndexOf("@");
  return at === -1 ? id : id.slice(0, at + 1) + id.slice(at + 1).toLowerCase();
}

const joined = (raw: string | string[] | null | undefined) => (raw == null ? "" : Array.isArray(raw) ? raw.join(" ") : raw);

/**
 * Ids of a `References` / `In-Reply-To` value, in order, without duplicates. Ids longer than
 * MAX_MESSAGE_ID_BYTES are left out: no real mail carries them, and they could not be stored.
 */
export function parseMessageIdList(raw: string | string[] | null | undefined): string[] {
  const text = joined(raw).replace(COMMENT, " ");
  const ids = new Set<string>();
  for (const match of text.matchAll(ID_TOKEN)) {
    const [, bracketed, bare] = match;
    // A bare word is only an id if it has the `@` every msg-id has; old In-Reply-To values carry phrases.
    if (bare !== undefined && !bare.includes("@")) continue;
    const id = normalizeMessageId(bracketed ?? bare);
    if (id !== null && Buffer.byteLength(id) <= MAX_MESSAGE_ID_BYTES) ids.add(id);
  }
  return [...ids];
}

// Characters `max` ids can fill, separators and brackets included. Reading only that much of a
// value keeps the work on a hostile header of megabytes the same as on a real one.
const windowFor = (max: number) => max * (MAX_MESSAGE_ID_BYTES + 8);

/** The first `max` ids of a value (In-Reply-To), reading only its beginning. */
export function firstMessageIds(raw: string | string[] | null | undefined, max: number): string[] {
  const text = joined(raw);
  const window = windowFor(max);
  // The window ends before the id it would cut in two.
  const head = text.length <= window ? text : text.slice(0, Math.max(text.lastIndexOf("<", window), 0));
  return parseMessageIdList(head).slice(0, max);
}

/** The last `max` ids of a value (References: the root is the first to go, as mail clients do), reading only its end. */
export function lastMessageIds(raw: string | string[] | null | undefined, max: number): string[] {
  const text = joined(raw);
  const window = windowFor(max);
  // The window starts at the first id it holds whole.
  const start = text.indexOf("<", text.length - window);
  const tail = text.length <= window ? text : start === -1 ? "" : text.slice(start);
  return parseMessageIdList(tail).slice(-max);
}

/** The last MAX_REFERENCES ids, so a long thread (or a hostile one) never grows the header without bound. */
export function capReferences(ids: readonly string[]): string[] {
  return ids.slice(-MAX_REFERENCES);
}

/** The References of a reply to `parent`: its References, then its own Message-ID, capped. */
export function replyReferences(parent: { references: readonly string[]; messageIdHeader: string | null }): string[] {
  return capReferences(parent.messageIdHeader ? [...parent.references, parent.messageIdHeader] : parent.references);
}

/** The header form `<id>`. */
export function formatMessageId(id: string): string {
  const normalized = normalizeMessageId(id);
  if (normalized === null) throw new TypeError("formatMessageId: empty Message-ID");
  return `<${normalized}>`;
}

/** A new unique id (`uuid@domain`, no brackets) for outbound mail. */
export function generateMessageId(domain: string): string {
  const host = domain.trim().toLowerCase();
  if (!DOMAIN.test(host)) throw new TypeError(`generateMessageId: invalid domain "${domain}"`);
  return `${randomUUID()}@${host}`;
}
