import { isPlainObject, storablePrefix } from "@/server/email/storable-text";
import { MAX_LOGGED_STRING_CHARS } from "./limits";

type HeaderValues = Record<string, string | string[]>;

function cutString(value: string, max: number): string {
  const kept = storablePrefix(value, max);
  return `${kept} [${value.length - kept.length} characters cut]`;
}

/**
 * The copy of the request kept in the receive log: every string longer than
 * MAX_LOGGED_STRING_CHARS is cut, except the email's text and HTML when they are stored as they
 * came (see long-bodies.ts). A References list of megabytes, repeated in a provider's header
 * fields, is then kilobytes, and storing it costs what storing a real email costs.
 */
export function loggedPayload(raw: unknown, whole: { text?: string | null; html?: string | null }): unknown {
  const visit = (value: unknown): unknown => {
    if (typeof value === "string") {
      return value.length <= MAX_LOGGED_STRING_CHARS || value === whole.text || value === whole.html ? value : cutString(value, MAX_LOGGED_STRING_CHARS);
    }
    if (Array.isArray(value)) return value.map(visit);
    if (value !== null && typeof value === "object" && isPlainObject(value)) {
      // Own keys copied onto a map without a prototype, so a key named `__proto__` stays data.
      const copy = Object.create(null) as Record<string, unknown>;
      for (const [key, entry] of Object.entries(value)) copy[key] = visit(entry);
      return copy;
    }
    return value;
  };
  return visit(raw);
}

const formatIds = (ids: string[]) => ids.map((id) => `<${id}>`).join(" ");

/**
 * The header map kept with the email: References and In-Reply-To hold the ids the email is threaded
 * by (the rest of a hostile list of megabytes is gone), every other header as it came.
 */
export function keptHeaders(headers: HeaderValues, ids: { references: string[]; inReplyTo: string[] }): HeaderValues {
  const kept = Object.create(null) as HeaderValues;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    kept[name] = lower === "references" ? formatIds(ids.references) : lower === "in-reply-to" ? formatIds(ids.inReplyTo) : value;
  }
  return kept;
}

/** Characters of the header names and values. */
export function headerChars(headers: HeaderValues): number {
  let chars = 0;
  for (const [name, value] of Object.entries(headers)) {
    for (const entry of Array.isArray(value) ? value : [value]) chars += name.length + entry.length;
  }
  return chars;
}
