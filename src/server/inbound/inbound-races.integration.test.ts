// Races on the inbound routes answer 2xx or 5xx, never a 4xx (a provider drops mail on some 4xx
// answers). PostgreSQL only: the races need several connections, PGlite has one.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "@/server/db/config";
import { startAppInstance, type AppInstance } from "@/test/app-instances";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { newMessageId, seedInboundWorkspace } from "@/test/inbound";

type Ws = Awaited<ReturnType<typeof seedInboundWorkspace>>;

/** One first mail from `from`, in the format of one of the inbound routes (the n-th, round robin). */
function inboundRequest(n: number, ws: Ws, from: string): { path: string; init: RequestInit } {
  const messageId = newMessageId();
  const subject = `Question ${n}`;
  const text = `Body of question ${n}`;
  const to = ws.ticketMailbox.address;
  const secret = ws.ticketMailbox.inboundSecret;
  const json = (path: string, body: unknown, headers: Record<string, string> = {}) => ({
    path,
    init: { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) },
  });
  switch (n % 4) {
    case 0:
      return json("/api/rpc/tickets/email/inbound", { organizationId: ws.workspace.id, from, to, subject, text, messageId });
    case 1:
      return json("/api/helpdesk/inbound-email", { from, to, subject, text, message_id: messageId }, { "x-inbound-secret": secret });
    case 2:
      return json(
        "/api/inbound/postmark",
        { From: from, To: to, Subject: subject, TextBody: text, MessageID: randomUUID(), Headers: [{ Name: "Message-ID", Value: messageId }] },
        { "x-inbound-secret": secret },
      );
    default:
      return {
        path: "/api/inbound/mime",
        init: {
          method: "POST",
          headers: { "content-type": "message/rfc822", "x-inbound-secret": secret },
          body: [`From: ${from}`, `To: ${to}`, `Subject: ${subject}`, `Message-ID: ${messageId}`, "", text, ""].join("\r\n"),
        },
      };
  }
}

describe.runIf(databaseConfig().kind === "postgres")("inbound races on PostgreSQL", () => {
  let database: TestDatabase;
  const instances: AppInstance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) instances.push(await startAppInstance({ databaseUrl: database.url!, env: { JOB_WORKER: "off" } }));
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.close();
  });

  it("answers 12 concurrent first mails from one new sender, through two instances and every route format, all 200: one contact, 12 tickets", async () => {
    for (let round = 0; round < 4; round++) {
      const ws = await seedInboundWorkspace(database.db);
      const from = `new-${randomUUID().slice(0, 8)}@customer.example`;
      const answers = await Promise.all(
        Array.from({ length: 12 }, async (_, n) => {
          const { path, init } = inboundRequest(n, ws, from);
          const response = await fetch(`${instances[n % 2]!.url}${path}`, init);
          return { status: response.status, body: await response.text() };
        }),
      );
      console.log(`first mails of a new sender, round ${round}: ${answers.map((a) => a.status).join(" ")}`);
      const where = { workspaceId: ws.workspace.id };
      const [contacts, tickets, messages] = await Promise.all([
        database.db.contact.findMany({ where }),
        database.db.ticket.findMany({ where }),
        database.db.message.count({ where }),
      ]);
      const outcome = { failed: answers.filter((a) => a.status !== 200), contacts: contacts.map((c) => c.email), tickets: tickets.length, messages, ticketContacts: [...new Set(tickets.map((t) => t.contactId))] };
      expect(outcome).toEqual({ failed: [], contacts: [from], tickets: 12, messages: 12, ticketContacts: [contacts[0]?.id] });
    }
  });
});
