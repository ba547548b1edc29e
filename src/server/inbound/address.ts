import emailAddresses from "email-addresses";

export type Mailbox = { email: string; name: string | null };

// An addr-spec somewhere in sloppy input such as `Name addr@x.com` or `Last, First <addr@x.com>`.
const LOOSE_ADDRESS = /<?([^\s<>"(),;:]+@[^\s<>"(),;:]+?)>?(?=[\s,;]|$)/;
// Far above any real mailbox (RFC 5322 lines end at 998); bounds the parsers' work on hostile input.
const MAX_MAILBOX_LENGTH = 1000;

function toMailbox(address: string, name: string | null | undefined): Mailbox {
  const email = address.trim().toLowerCase();
  const cleanName = name?.replace(/\s+/g, " ").trim() ?? "";
  // `"bob@x.org" <bob@x.org>` carries no name worth showing on a contact.
  const isName = cleanName !== "" && cleanName.toLowerCase() !== email;
  return { email, name: isName ? cleanName : null };
}

function parseStrict(input: string): Mailbox | null {
  const parsed = emailAddresses.parseOneAddress({ input, rfc6532: true });
  return parsed?.type === "mailbox" ? toMailbox(parsed.address, parsed.name) : null;
}

function parseLoose(input: string): Mailbox | null {
  const match = LOOSE_ADDRESS.exec(input);
  const candidate = match?.[1];
  if (match === null || candidate === undefined) return null;
  // The library still decides whether the extracted address itself is valid.
  const valid = parseStrict(candidate);
  if (valid === null) return null;
  const rest = (input.slice(0, match.index) + input.slice(match.index + match[0].length))
    .replace(/["<>]/g, "")
    .trim();
  return toMailbox(valid.email, rest);
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
    entry.type === "mailbox"
      ? [toMailbox(entry.address, entry.name)]
      : entry.addresses.map((member) => toMailbox(member.address, member.name)),
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
  const domain = at === -1 ? "" : email.slice(at + 1).trim().toLowerCase();
  return domain === "" ? null : domain;
}
