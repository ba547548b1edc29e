import type { Db } from "@/server/db";

/** A route handler as Next.js calls it (whatever its params). */
export type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/**
 * What a hostile payload must get: `field` a 4xx naming `field`, `404` a JSON 404, `4xx` any JSON
 * 4xx, `no-5xx` anything below 500 (4xx with the JSON error), and `stored` a 2xx that stored rows
 * (inbound mail with odd bytes is cleaned, not refused).
 */
export type Expectation = "field" | "404" | "4xx" | "no-5xx" | "stored";

export interface HostileRow {
  name: string;
  route: RouteHandler;
  method: string;
  url: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Uint8Array | FormData | URLSearchParams;
  expect: Expectation;
  field?: string;
}

/** Strings no API input may hold (PostgreSQL cannot store them): refused, naming the field. */
export const UNSTORABLE = { nul: "a\u0000b", "lone high surrogate": "a\uD800b", "lone low surrogate": "\uDC00z" };
/** Values that are odd but storable or wrong in type: refused or accepted, never a 500. */
export const ODD_VALUES: Record<string, unknown> = {
  "CR/LF": "Name\r\nBcc: victim@example.test",
  "3000 chars": "x".repeat(3000),
  array: ["a", "b"],
  number: 12345,
  "huge number": 1e308,
  object: { nested: "x" },
  null: null,
};
export const TWO_MB = "x".repeat(2 * 1024 * 1024);

/** Bodies that are not a JSON object of the route's shape. */
export const BAD_BODIES: Record<string, { body: string; expect: Expectation; contentType?: string }> = {
  "empty body": { body: "", expect: "no-5xx" },
  "not JSON": { body: "{nope", expect: "4xx" },
  "JSON nested 10,000 deep": { body: "[".repeat(10_000) + "]".repeat(10_000), expect: "4xx" },
  "JSON object nested 10,000 deep": { body: '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000), expect: "4xx" },
  "a JSON array": { body: "[1,2]", expect: "4xx" },
  "JSON null": { body: "null", expect: "4xx" },
  "prototype keys": { body: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', expect: "no-5xx" },
  "NUL in a key": { body: '{"\\u0000":"x"}', expect: "4xx" },
  "huge numbers": { body: '{"priority":1e999,"limit":-1e999,"offset":NaN}', expect: "4xx" },
  "text/plain content type": { body: "{}", contentType: "text/plain", expect: "no-5xx" },
};

/** Path ids that name nothing: each must be the JSON 404 another workspace's id gets. */
export const MALFORMED_IDS: Record<string, string> = {
  "not a uuid": "not-a-uuid",
  NUL: "\u0000",
  "3000 chars": "a".repeat(3000),
  "path traversal": "../../etc/passwd",
  "uuid of nothing": "00000000-0000-4000-8000-000000000000",
  "uuid with a suffix": "00000000-0000-4000-8000-000000000000' OR 1=1",
};

/** A copy of `base` with `value` at the dotted `path` (`contact.name`, `tags.0`). */
export function withValue(base: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split(".");
  let at = copy;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

const COUNTED = [
  "IncomingMail",
  "Ticket",
  "Message",
  "Contact",
  "Attachment",
  "Tag",
  "TicketTag",
  "AutomationRule",
  "Job",
  "Customer",
  "ContactList",
  "ContactListMember",
  "OutboundEmail",
  "ActivityEvent",
  "Workspace",
];

/** Row counts of the tables a request could write to. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const select = COUNTED.map((table) => `(SELECT count(*)::int FROM "${table}") AS "${table}"`).join(", ");
  const [counts] = await db.$queryRawUnsafe<Record<string, number>[]>(`SELECT ${select}`);
  return counts!;
}

/** Sends one row to its handler; the answer's status, headers and parsed JSON (or its text). */
export async function sendRow(row: HostileRow) {
  const request = new Request(`http://localhost${row.url}`, { method: row.method, headers: row.headers, body: row.body as BodyInit | undefined });
  const response = await row.route(request, { params: Promise.resolve(row.params ?? {}) as Promise<never> });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    json: json as { error?: { code?: unknown; message?: unknown; details?: { fields?: Record<string, string> } } } | null,
  };
}

/** A multipart/form-data body of text fields, as SendGrid posts. */
export function multipartBody(fields: Record<string, string>, boundary = "hostileBoundary") {
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(parts.join("") + `--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A raw RFC 5322 message; `headers` come first, as written. */
export function mimeMessage(headers: Record<string, string>, body = "Hello") {
  return Buffer.from(
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("") + `\r\n${body}\r\n`,
  );
}
