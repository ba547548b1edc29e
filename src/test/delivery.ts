import { createHmac, randomUUID } from "node:crypto";
import type { Db } from "@/server/db";
import { seedWorkspace } from "./factories";
import { seedTicket } from "./tickets";

/** The signing key of the Mailgun fixture (and of the bodies signed here). */
export const MAILGUN_TEST_KEY = "TEST_WEBHOOK_SIGNING_KEY";

/** An email we sent from a ticket (an agent's reply): its thread message and OutboundEmail, with this Message-ID. */
export async function seedSentEmail(db: Db, to: string, messageIdHeader = `${randomUUID()}@threadline.test`) {
  const ws = await seedWorkspace(db);
  const { ticket } = await seedTicket(db, ws.workspace.id, { from: to });
  const message = await db.message.create({
    data: {
      workspaceId: ws.workspace.id,
      ticketId: ticket.id,
      direction: "outbound",
      bodyText: "Try again",
      toAddresses: [to],
      messageIdHeader,
      deliveryStatus: "sent",
    },
  });
  const outbound = await db.outboundEmail.create({
    data: {
      workspaceId: ws.workspace.id,
      ticketId: ticket.id,
      messageId: message.id,
      kind: "reply",
      fromAddress: "support@x.test",
      toAddress: to,
      subject: "Re: Help",
      bodyText: "Try again",
      messageIdHeader,
      status: "sent",
    },
  });
  return { ws, ticket, message, outbound };
}

/** A webhook `signature` object under the test key, now (or at `timestamp`), with a fresh token unless given. */
export function testSignature(options: { timestamp?: number; token?: string } = {}) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const token = options.token ?? randomUUID().replaceAll("-", "");
  const signature = createHmac("sha256", MAILGUN_TEST_KEY)
    .update(timestamp + token)
    .digest("hex");
  return { timestamp, token, signature };
}

/** A Mailgun event webhook body, signed with the test key now (or at `timestamp`). */
export function signedMailgunEvent(eventData: Record<string, unknown>, options: { timestamp?: number; token?: string } = {}) {
  return { signature: testSignature(options), "event-data": { id: randomUUID(), timestamp: Date.now() / 1000, ...eventData } };
}

/** The `event-data` fields naming the email and recipient an event is about. */
export const eventAbout = (messageId: string, recipient: string) => ({ recipient, message: { headers: { "message-id": messageId } } });
