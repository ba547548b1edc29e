import { POST as mailgun } from "@/app/api/inbound/mailgun/route";
import { POST as mime } from "@/app/api/inbound/mime/route";
import { POST as postmark } from "@/app/api/inbound/postmark/route";
import { POST as sendgrid } from "@/app/api/inbound/sendgrid/route";
import type { Db } from "@/server/db";

const routes = { sendgrid, mailgun, postmark, mime };

/** Posts a provider's raw body to its inbound route, the secret in the header or (query) in `?secret=`. */
export async function postProvider(
  provider: keyof typeof routes,
  body: Uint8Array | string,
  contentType: string,
  options: { secret?: string; query?: boolean } = {},
) {
  const headers = new Headers({ "content-type": contentType });
  if (options.secret && !options.query) headers.set("x-inbound-secret", options.secret);
  const query = options.secret && options.query ? `?secret=${encodeURIComponent(options.secret)}` : "";
  const request = new Request(`http://localhost/api/inbound/${provider}${query}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  const response = await routes[provider](request);
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}

/** The ticket an inbound answer created, with its contact, messages and attachments. */
export function ticketWithMail(db: Db, ticketId: string) {
  return db.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    include: { contact: true, messages: { orderBy: { createdAt: "asc" } }, attachments: { orderBy: { filename: "asc" } } },
  });
}
