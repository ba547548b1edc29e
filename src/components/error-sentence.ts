/**
 * What went wrong, as a sentence a person can act on, from any error a tRPC call or fetch gives the
 * browser. Validation details (`{ fields: { "toAddresses.0": "Invalid email address" } }`) become
 * "To must be a valid email address."; a lost connection, a timeout and a server fault say so in
 * words instead of repeating what the transport reported.
 */

/** Field labels by path, numeric segments left out: `{ toAddresses: "To" }` names `toAddresses.0`. */
export type FieldLabels = Record<string, string>;

interface ErrorLike {
  message?: unknown;
  name?: unknown;
  data?: { code?: unknown; details?: { fields?: unknown } | null } | null;
}

export const OFFLINE_SENTENCE = "Could not reach Threadline. Check your connection, then try again.";
const SERVER_FAULT_SENTENCE = "Something went wrong on our side. Try again in a moment.";

/** Zod's default messages as the end of a sentence that starts with the field's label. */
const ISSUE_PHRASES: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^Invalid input: expected \w+, received undefined$/, () => "is required"],
  [/^Too small: expected string to have >=1 characters?$/, () => "cannot be empty"],
  [/^Too small: expected (?:string|array|set) to have >=(\d+) (\w+)$/, (m) => `needs at least ${m[1]} ${m[2]}`],
  [/^Too big: expected (?:string|array|set) to have <=(\d+) (\w+)$/, (m) => `can have at most ${m[1]} ${m[2]}`],
  [/^Too small: expected number to be >=?(-?[\d.]+)$/, (m) => `must be at least ${m[1]}`],
  [/^Too big: expected number to be <=?(-?[\d.]+)$/, (m) => `must be at most ${m[1]}`],
  [/^Invalid email address$/, () => "must be a valid email address"],
  [/^Invalid URL$/, () => "must be a valid URL"],
  [/^Invalid (?:UUID|uuid)$/, () => "does not name a known record"],
  [/^Invalid option: /, () => "is not one of the choices"],
  [/^Invalid input/, () => "is not valid"],
];

const isNetworkFailure = (error: ErrorLike) =>
  !error.data &&
  (error.name === "AbortError" ||
    error.name === "TimeoutError" ||
    (typeof error.message === "string" && /failed to fetch|networkerror|load failed|network request failed|aborted|timed? ?out/i.test(error.message)));

function labelOf(path: string, labels: FieldLabels): string {
  const plain = path
    .split(".")
    .filter((segment) => !/^\d+$/.test(segment))
    .join(".");
  if (labels[plain]) return labels[plain];
  const last = plain.split(".").pop() || "This field";
  if (last === "(body)") return "The request";
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function issuePhrase(message: string): string | null {
  for (const [pattern, phrase] of ISSUE_PHRASES) {
    const match = message.match(pattern);
    if (match) return phrase(match);
  }
  return null;
}

const asSentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? "" : "."}`;

/** One field's problem as a sentence: "To must be a valid email address." */
export function fieldSentence(path: string, message: string, labels: FieldLabels = {}): string {
  const label = labelOf(path, labels);
  const phrase = issuePhrase(message);
  return phrase ? `${label} ${phrase}.` : `${label}: ${asSentence(message)}`;
}

/** A field's problem shown beside the field itself, where the label is already in view: "Cannot be empty." */
export function issueSentence(message: string): string {
  return asSentence(issuePhrase(message) ?? message);
}

function fieldsOf(error: ErrorLike): Record<string, string> | null {
  const fields = error.data?.details?.fields;
  if (!fields || typeof fields !== "object") return null;
  const entries = Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length ? Object.fromEntries(entries) : null;
}

export function errorSentence(error: unknown, labels: FieldLabels = {}): string {
  if (!error || typeof error !== "object") return SERVER_FAULT_SENTENCE;
  const e = error as ErrorLike;
  if (isNetworkFailure(e)) return OFFLINE_SENTENCE;
  // tRPC names a server fault INTERNAL_SERVER_ERROR, the REST API INTERNAL.
  if (e.data?.code === "INTERNAL_SERVER_ERROR" || e.data?.code === "INTERNAL") return SERVER_FAULT_SENTENCE;
  const fields = fieldsOf(e);
  if (fields) {
    return Object.entries(fields)
      .map(([path, message]) => fieldSentence(path, message, labels))
      .join(" ");
  }
  // A message that is not a sentence (JSON from a transport, an HTML error page) is not shown.
  if (typeof e.message !== "string" || e.message === "" || /^[[{<]/.test(e.message.trim())) return SERVER_FAULT_SENTENCE;
  return e.message;
}
