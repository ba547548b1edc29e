import emailAddresses from "email-addresses";
import { decodeWords } from "postal-mime";
import { singleLineText } from "./header-text";

export type Mailbox = { email: string; name: string | null };

// Sloppy input that RFC 5322 refuses, such as `Last, First <addr@x.com>` or
// `security@bank.example <attacker@evil.example>`: the one `<addr>` is the address.
const ANGLE_ADDRESS = /<([^<>]*)>/g;
// Without angle brackets (`Name addr@x.com`), the one addr-spec-looking token is.
const BARE_ADDRESS = /[^\s<>"(),;:]+@[^\s<>"(),;:]+/g;
// Far above any real mailbox (RFC 5322 lines end at 998); bounds the parsers' work on hostile input.
const MAX_MAILBOX_LENGTH = 1000;

/**
 * A display name as stored: encoded-words decoded, then on one line (line breaks and control
 * characters removed). It is decoded after the address was taken, so it never supplies one.
 */
export function cleanDisplayName(name: string | null | undefined): string {
  return name ? singleLineText(decodeWords(name)) : "";
}

function toMailbox(address: string, name: string | null | undefined): Mailbox {
  const email = address.trim().toLowerCase();
  const cleanName = cleanDisplayName(name);
  // `"bob@x.org" <bob@x.org>` carries no name worth showing on a contact.
  const isName = cleanName !== "" && cleanName.toLowerCase() !== email;
  return { email, name: isName ? cleanName : null };
}

function parseStrict(input: string): Mailbox | null {
  const parsed = emailAddresses.parseOneAddress({ input, rfc6532: true });
  return parsed?.type === "mailbox" ? toMailbox(parsed.address, parsed.name) : null;
}

function parseLoose(input: string): Mailbox | null {
  const angled = [...input.matchAll(ANGLE_ADDRESS)];
  const candidates = angled.length > 0 ? angled : [...input.matchAll(BARE_ADDRESS)];
  // Two candidates leave the sender ambiguous: refused rather than guessed.
  if (candidates.length !== 1) return null;
  const [match] = candidates as [RegExpExecArray];
  const address = emailAddresses.parseOneAddress({ input: (match[1] ?? match[0]).trim(), rfc6532: true });
  // The library decides whether the candidate is an address, and nothing but an address.
  if (address?.type !== "mailbox" || address.name !== null) return null;
  const rest = (input.slice(0, match.index) + input.slice(match.index + match[0].length)).replace(/["<>]/g, "");
  return toMailbox(address.address, rest);
}

/** One mailbox from `Name <addr>`, `"Last, First" <addr>`, `addr` or sloppy variants; invalid → null. */
export function parseMailbox(raw: string | null | undefined): Mailbox | null {
  const input = raw?.trim() ?? "";
  if (input === "" || input.length > MAX_MAILBOX_LENGTH) return null;
  return parseStrict(input) ?? parseLoose(input);
}

// Splits on `,` and `;` outside quotes, angle brackets and comments (Yahoo and Outlook separate with `;`).
function splitList(input: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let depth = 0;
  for (const char of input) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "<" || char === "(")) depth += 1;
    else if (!quoted && (char === ">" || char === ")")) depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && (char === "," || char === ";")) {
      parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

function parseList(input: string): Mailbox[] {
  const parsed = emailAddresses.parseAddressList({ input, rfc6532: true });
  if (parsed === null) return splitList(input).flatMap((part) => parseMailbox(part) ?? []);
  return parsed.flatMap((entry) =>
    entry.type === "mailbox" ? [toMailbox(entry.address, entry.name)] : entry.addresses.map((member) => toMailbox(member.address, member.name)),
  );
}

/** Every mailbox of one or more address-list values (groups flattened), first occurrence of each email kept. */
export function parseMailboxList(raw: string | string[] | null | undefined): Mailbox[] {
  const values = raw == null ? [] : Array.isArray(raw) ? raw : [raw];
  const byEmail = new Map<string, Mailbox>();
  for (const value of values) {
    if (value.trim() === "") continue;
    for (const mailbox of parseList(value)) {
      if (!byEmail.has(mailbox.email)) byEmail.set(mailbox.email, mailbox);
    }
  }
  return [...byEmail.values()];
}

/** The lower-cased domain of an address, or null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  const domain =
    at === -1
      ? ""
      : email
          .slice(at + 1)
          .trim()
          .toLowerCase();
  return domain === "" ? null : domain;
}
