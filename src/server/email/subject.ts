const TICKET_TOKEN = /\[#(\d{1,9})\]/;
const TICKET_TOKENS = /\s*\[#\d{1,9}\]\s*/g;
// Reply/forward prefixes of common clients and languages, also with a counter ("Re[2]:", "AW(3):").
const REPLY_PREFIX = /^\s*(?:re|fwd?|aw|wg|sv|vs|antw|réf|tr)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*/iu;
const NO_SUBJECT = "(no subject)";

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** The ticket number of a `[#1234]` token anywhere in the subject, or null. */
export function extractTicketToken(subject: string | null | undefined): number | null {
  const digits = TICKET_TOKEN.exec(subject ?? "")?.[1];
  const number = digits === undefined ? 0 : Number.parseInt(digits, 10);
  return number > 0 ? number : null;
}

/** The subject without reply/forward prefixes and ticket tokens, for a ticket title. */
export function stripReplyPrefixes(subject: string | null | undefined): string {
  let rest = collapse((subject ?? "").replace(TICKET_TOKENS, " "));
  for (let previous = ""; previous !== rest;) {
    previous = rest;
    rest = rest.replace(REPLY_PREFIX, "");
  }
  return rest === "" ? NO_SUBJECT : rest;
}

/** `[#n] subject`; a subject already carrying exactly this token is returned as it is. */
export function withTicketToken(subject: string | null | undefined, ticketNumber: number): string {
  const current = collapse(subject ?? "");
  const tokens = current.match(TICKET_TOKENS) ?? [];
  if (tokens.length === 1 && extractTicketToken(current) === ticketNumber) return current;
  const rest = collapse(current.replace(TICKET_TOKENS, " "));
  return `[#${ticketNumber}] ${rest === "" ? NO_SUBJECT : rest}`;
}

/**
 * An agent's reply: `Re: [#n] subject`, the prefix first as every mail client writes it (a
 * `[#n] Re: …` subject reads as a new thread to clients that group by subject).
 */
export function replySubject(subject: string | null | undefined, ticketNumber: number): string {
  return `Re: ${withTicketToken(stripReplyPrefixes(subject), ticketNumber)}`;
}
