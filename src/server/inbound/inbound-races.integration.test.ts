// Races on the inbound routes answer 2xx or 5xx, never a 4xx (a provider drops mail on some 4xx
// answers). PostgreSQL only: the races need several connections, PGlite has one.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/server/db";
import { databaseConfig } from "@/server/db/config";
import { startAppInstance, type AppInstance } from "@/test/app-instances";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";

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
      const outcome = {
        failed: answers.filter((a) => a.status !== 200),
        contacts: contacts.map((c) => c.email),
        tickets: tickets.length,
        messages,
        ticketContacts: [...new Set(tickets.map((t) => t.contactId))],
      };
      expect(outcome).toEqual({ failed: [], contacts: [from], tickets: 12, messages: 12, ticketContacts: [contacts[0]?.id] });
    }
  });
});

/**
 * The app's database client as an instance under load has it, with a pool of 3: a request waits at
 * most DATABASE_CONNECT_TIMEOUT_MS for a connection (or for a transaction to start).
 */
function smallPoolClient(url: string) {
  return openDatabase({ kind: "postgres", url }, { poolMax: 3 });
}

/** Holds the workspace row (its ticket counter) for `ms` in a connection of its own, as a busy workspace's ticket creation would. */
async function holdWorkspaceRow(url: string, workspaceId: string, ms: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`SELECT 1 FROM "Workspace" WHERE "id" = $1 FOR NO KEY UPDATE`, [workspaceId]);
  const released = (async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await client.query("COMMIT");
    await client.end();
  })();
  return { released };
}

async function timed<T>(run: () => Promise<T>): Promise<T & { ms: number }> {
  const started = performance.now();
  const result = await run();
  return { ...result, ms: Math.round(performance.now() - started) };
}

describe.runIf(databaseConfig().kind === "postgres")("a burst of copies on a pool of 3 (PostgreSQL)", () => {
  let database: TestDatabase;
  let small: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase();
    small = smallPoolClient(database.url!);
    // The inbound routes called in this process use the small pool.
    setDatabase(small);
  });

  afterAll(async () => {
    setDatabase(undefined);
    await small?.close();
    await database?.close();
  });

  const rpcBody = (ws: Ws, n: number) => ({
    organizationId: ws.workspace.id,
    from: `burst-${n}@customer.example`,
    to: ws.ticketMailbox.address,
    subject: `Burst ${n}`,
    text: `Burst body ${n}`,
    messageId: newMessageId(),
  });

  async function expectRoutedOnce(ws: Ws, emails: number) {
    const where = { workspaceId: ws.workspace.id };
    const counts = await Promise.all([
      database.db.incomingMail.count({ where }),
      database.db.ticket.count({ where }),
      database.db.message.count({ where }),
      database.db.job.count({ where }),
    ]);
    expect(counts).toEqual([emails, emails, emails, emails]);
  }

  it("answers 30 concurrent copies of one email with its one result while its routing waits, and serves another request meanwhile", async () => {
    const ws = await seedInboundWorkspace(database.db);
    const other = await seedInboundWorkspace(database.db);
    const body = rpcBody(ws, 0);
    // The first copy's routing waits 3 s for the ticket counter, longer than a request waits for a connection.
    const { released } = await holdWorkspaceRow(database.url!, ws.workspace.id, 3000);
    const started = performance.now();
    const copies = Promise.all(Array.from({ length: 30 }, () => timed(() => postRpc(body))));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const otherRequest = await timed(() => postRpc(rpcBody(other, 1)));
    const answers = await copies;
    await released;
    const slowest = Math.max(...answers.map((a) => a.ms));
    const failed = answers.filter((a) => a.status !== 200).length;
    console.log(
      `30 copies of one email, routing held 3 s, pool of 3: all answered in ${Math.round(performance.now() - started)} ms (slowest copy ${slowest} ms, ${failed} not 200); other request ${otherRequest.status} in ${otherRequest.ms} ms`,
    );

    expect(otherRequest.status, JSON.stringify(otherRequest.json)).toBe(200);
    expect(answers.filter((a) => a.status !== 200).map((a) => a.json)).toEqual([]);
    expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);
    expect(answers[0]!.json.ticketId).toEqual(expect.any(String));
    await expectRoutedOnce(ws, 1);
    await expectRoutedOnce(other, 1);
  });

  it("answers 30 concurrent copies of an email without a Message-ID with its one result while its routing waits", async () => {
    const ws = await seedInboundWorkspace(database.db);
    const { messageId: _none, ...body } = rpcBody(ws, 0);
    const { released } = await holdWorkspaceRow(database.url!, ws.workspace.id, 3000);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 30 }, () => timed(() => postRpc(body))));
    await released;
    const failed = answers.filter((a) => a.status !== 200).length;
    console.log(
      `30 copies of one email without a Message-ID, routing held 3 s, pool of 3: all answered in ${Math.round(performance.now() - started)} ms (${failed} not 200)`,
    );

    expect(answers.filter((a) => a.status !== 200).map((a) => a.json)).toEqual([]);
    expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);
    await expectRoutedOnce(ws, 1);
  });

  it("answers bursts of copies of a few emails, each with its own one result, and serves another request meanwhile", async () => {
    const ws = await seedInboundWorkspace(database.db);
    const other = await seedInboundWorkspace(database.db);
    const bodies = [0, 1, 2].map((n) => rpcBody(ws, n));
    const started = performance.now();
    const copies = Promise.all(Array.from({ length: 30 }, (_, i) => timed(async () => ({ email: i % 3, ...(await postRpc(bodies[i % 3]!)) }))));
    const otherRequest = await timed(() => postRpc(rpcBody(other, 3)));
    const answers = await copies;
    console.log(
      `3 emails × 10 copies, pool of 3: all answered in ${Math.round(performance.now() - started)} ms (slowest copy ${Math.max(...answers.map((a) => a.ms))} ms); other request ${otherRequest.status} in ${otherRequest.ms} ms`,
    );

    expect(otherRequest.status, JSON.stringify(otherRequest.json)).toBe(200);
    expect(answers.filter((a) => a.status !== 200).map((a) => a.json)).toEqual([]);
    for (const email of [0, 1, 2]) expect(new Set(answers.filter((a) => a.email === email).map((a) => JSON.stringify(a.json))).size).toBe(1);
    expect(new Set(answers.map((a) => a.json.ticketId)).size).toBe(3);
    await expectRoutedOnce(ws, 3);
    await expectRoutedOnce(other, 1);
  });
});
