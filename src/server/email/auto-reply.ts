import { parseMailbox } from "./address";

export type HeaderMap = Record<string, string | string[] | undefined>;

export type AutoReplyInput = { headers: HeaderMap; subject?: string | null; from?: string | null };

export type AutoReplyClassification = { isAutoReply: boolean; isBulk: boolean; reasons: string[] };

const AUTO_REPLY_FLAG_HEADERS = ["x-autoreply", "x-autorespond", "x-autoresponder"];
const BULK_PRECEDENCE = new Set(["bulk", "junk", "list"]);
const DELIVERY_REPORT_SENDERS = new Set(["mailer-daemon", "postmaster"]);

const OUT_OF_OFFICE_PREFIXES = [
  "auto",
  "automatic reply",
  "auto reply",
  "auto-reply",
  "autoreply",
  "auto response",
  "auto-response",
  "autoresponse",
  "out of office",
  "out of the office",
  "out of office autoreply",
  "abwesenheitsnotiz",
  "automatische antwort",
  "réponse automatique",
  "absence du bureau",
  "respuesta automática",
  "fuera de la oficina",
  "risposta automatica",
  "autosvar",
  "automatisk svar",
  "automatisch antwoord",
  "afwezigheidsbericht",
  "resposta automática",
  "automatyczna odpowiedź",
  "автоматический ответ",
  "自動応答",
  "自动回复",
];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A colon (or nothing) must follow, so human subjects like "Out of office hours" do not match.
const OUT_OF_OFFICE_SUBJECT = new RegExp(`^(?:${OUT_OF_OFFICE_PREFIXES.map(escapeRegExp).join("|")})\\s*(?:[:：]|$)`, "iu");

function headerLookup(headers: HeaderMap): (name: string) => string[] {
  const byName = new Map<string, string[]>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.trim().toLowerCase();
    const values = (Array.isArray(value) ? value : [value]).map((v) => v.trim());
    byName.set(key, [...(byName.get(key) ?? []), ...values]);
  }
  return (name) => byName.get(name) ?? [];
}

// Keeps reasons readable in the agent UI even when a header carries a long value.
const shorten = (value: string) => (value.length > 80 ? `${value.slice(0, 77)}...` : value);

/** Decides whether inbound mail is an automatic reply (RFC 3834 and common practice) or bulk/list mail. */
export function classifyAutoReply(input: AutoReplyInput): AutoReplyClassification {
  const header = headerLookup(input.headers);
  const reasons: string[] = [];
  let isAutoReply = false;
  let isBulk = false;
  const autoReply = (reason: string) => {
    isAutoReply = true;
    reasons.push(reason);
  };

  let declaredHuman = false;
  for (const value of header("auto-submitted")) {
    const keyword = (value.split(";")[0] ?? "").trim().toLowerCase();
    if (keyword === "no") declaredHuman = true;
    else if (keyword !== "") autoReply(`auto-submitted: ${shorten(value)}`);
  }
  for (const value of header("precedence")) {
    const keyword = value.toLowerCase();
    if (keyword === "auto_reply") autoReply(`precedence: ${value}`);
    else if (BULK_PRECEDENCE.has(keyword)) {
      isBulk = true;
      reasons.push(`precedence: ${value}`);
    }
  }
  for (const name of AUTO_REPLY_FLAG_HEADERS) {
    for (const value of header(name)) {
      if (value !== "" && !/^(no|false|0)$/i.test(value)) autoReply(`${name}: ${shorten(value)}`);
    }
  }
  for (const value of header("x-apple-action")) {
    if (value.toUpperCase() === "VACATION") autoReply(`x-apple-action: ${value}`);
  }
  // RFC 5321's null reverse-path: only automatic mail (bounces, auto-replies) is sent with it.
  if (header("return-path").some((value) => /^<\s*>$/.test(value))) autoReply("return-path: <> (empty)");
  // RFC 6522: bounces, delay notices and read receipts; never written by a person.
  for (const value of header("content-type")) {
    if (/^multipart\/report\s*(?:;|$)/i.test(value)) autoReply(`content-type: ${shorten(value.split(/;\s*boundary/i)[0]!)} (report)`);
  }
  for (const name of ["list-id", "list-unsubscribe"]) {
    const [value] = header(name);
    if (value !== undefined) {
      isBulk = true;
      reasons.push(`${name}: ${shorten(value)}`);
    }
  }
  // Outlook sets this on ordinary human mail too, so it is only a hint.
  const [suppress] = header("x-auto-response-suppress");
  if (suppress !== undefined) {
    reasons.push(`x-auto-response-suppress: ${shorten(suppress)} (not decisive alone)`);
  }

  // An explicit `Auto-Submitted: no` outweighs the guesses below, which can hit human mail.
  if (declaredHuman) {
    reasons.push("auto-submitted: no (sent by a person)");
    return { isAutoReply, isBulk, reasons };
  }
  const subjectPrefix = OUT_OF_OFFICE_SUBJECT.exec(input.subject?.trim() ?? "")?.[0];
  if (subjectPrefix !== undefined) autoReply(`subject: "${subjectPrefix}" (out-of-office prefix)`);
  const sender = parseMailbox(input.from);
  const local = sender?.email.slice(0, sender.email.lastIndexOf("@"));
  if (sender && local !== undefined && DELIVERY_REPORT_SENDERS.has(local)) {
    autoReply(`from: ${sender.email} (delivery report)`);
  }
  return { isAutoReply, isBulk, reasons };
}
