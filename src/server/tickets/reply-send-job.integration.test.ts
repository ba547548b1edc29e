// An agent's reply is emailed by its job, not by the request: a process that dies between the
// reply's commit and its send leaves the job, and the worker sends the reply exactly once.
import { setTimeout as sleep } from "node:timers/promises";
import PostalMime from "postal-mime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as addMessage } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/messages/route";
import type { Db } from "@/server/db";
import { databaseConfig } from "@/server/db/config";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";
import { startAppInstance, type AppInstance } from "@/test/app-instances";
import { createTestDatabase, useTestDatabase, type TestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { seedInboundWorkspace } from "@/test/inbound";
import { useTestSmtpServer, type ReceivedEmail } from "@/test/smtp";
import { seedTicket } from "@/test/tickets";

async function seedTicketToAnswer(db: Db) {
  const ws = await seedInboundWorkspace(db);
  const { ticket } = await seedTicket(db, ws.workspace.id, { from: "jane@customer.example", subject: "Where is my invoice?" });
  return { ws, ticket };
}

/** How many emails the SMTP server got with this Message-ID. */
async function deliveriesOf(received: ReceivedEmail[], messageIdHeader: string) {
  const ids = await Promise.all(received.map(async (email) => (await PostalMime.parse(email.raw)).messageId));
  return ids.filter((id) => id === `<${messageIdHeader}>`).length;
}

describe("an agent's reply whose process dies after the commit", () => {
  const db = useTestDatabase();
  const received = useTestSmtpServer();

  it("is recorded with its send job, sent by the worker once the dead worker's lease ends, and only once", async () => {
    const { ws, ticket } = await seedTicketToAnswer(db());
    // The job worker is off in tests: after the 201 nothing runs, as after a crash right then.
    const reply = await callRoute(addMessage, "POST", "/", {
      token: ws.member.token,
      params: { workspaceId: ws.workspace.id, ticketId: ticket.id },
      body: { body: "It is attached.", sendEmail: true },
    });
    expect(reply.status).toBe(201);
    const messageId = reply.json.id as string;
    const outbound = await db().outboundEmail.findFirstOrThrow({ where: { messageId } });
    expect(outbound).toMatchObject({ kind: "reply", status: "recorded", toAddress: "jane@customer.example" });
    const job = await db().job.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, type: "email.send" } });
    expect(job).toMatchObject({ status: "pending", payload: { outboundEmailId: outbound.id } });
    expect(await deliveriesOf(received, outbound.messageIdHeader)).toBe(0);

    // A worker claimed the job and died: nobody sends it while its lease holds…
    await db().job.update({ where: { id: job.id }, data: { attempts: 1, lockedUntil: new Date(Date.now() + 60_000) } });
    expect(await runPendingJobs(db(), jobHandlers())).toBe(0);
    expect(await deliveriesOf(received, outbound.messageIdHeader)).toBe(0);
    // …and once it ends, the next worker sends it.
    await db().job.update({ where: { id: job.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await runPendingJobs(db(), jobHandlers())).toBe(1);
    expect(await deliveriesOf(received, outbound.messageIdHeader)).toBe(1);
    expect(await db().outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).toMatchObject({ status: "sent" });
    expect(await db().message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ deliveryStatus: "sent" });

    // The same job run again (a worker that lost its lease finishing late) sends nothing more.
    await db().job.update({ where: { id: job.id }, data: { status: "pending" } });
    await runPendingJobs(db(), jobHandlers());
    expect(await deliveriesOf(received, outbound.messageIdHeader)).toBe(1);
  });

  it("leaves a delivery status a webhook already set", async () => {
    const { ws, ticket } = await seedTicketToAnswer(db());
    const reply = await callRoute(addMessage, "POST", "/", {
      token: ws.member.token,
      params: { workspaceId: ws.workspace.id, ticketId: ticket.id },
      body: { body: "Done.", sendEmail: true },
    });
    await runPendingJobs(db(), jobHandlers());
    await db().message.update({ where: { id: reply.json.id as string }, data: { deliveryStatus: "delivered" } });
    await db().job.updateMany({ where: { workspaceId: ws.workspace.id, type: "email.send" }, data: { status: "pending" } });
    await runPendingJobs(db(), jobHandlers());
    expect(await db().message.findUniqueOrThrow({ where: { id: reply.json.id as string } })).toMatchObject({ deliveryStatus: "delivered" });
  });
});

// kill -9 of the instance that took the reply, while it is sending it. Runs in CI's PostgreSQL pass
// only: two processes cannot share the in-process PGlite.
describe.runIf(databaseConfig().kind === "postgres")("an app instance killed while it sends a reply", () => {
  // Slow deliveries: the instance is mid-send (before any byte of the email) when it dies.
  const received = useTestSmtpServer({ mailFromDelayMs: 1500 });
  const env = { JOB_LEASE_MS: "2000", JOB_POLL_MS: "200" };
  let database: TestDatabase;
  const instances: AppInstance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.close();
  });

  it("sends the reply exactly once, from the instance that survives", async () => {
    const db = database.db;
    const { ws, ticket } = await seedTicketToAnswer(db);
    const a = await startAppInstance({ databaseUrl: database.url!, env });
    instances.push(a);
    const answer = await fetch(`${a.url}/api/v1/workspaces/${ws.workspace.id}/tickets/${ticket.id}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${ws.member.token}`, "content-type": "application/json" },
      body: JSON.stringify({ body: "Here is your invoice.", sendEmail: true }),
    });
    expect(answer.status, a.output()).toBe(201);
    const { id: messageId } = (await answer.json()) as { id: string };
    const outbound = await db.outboundEmail.findFirstOrThrow({ where: { messageId } });
    // A's worker claims the send job right after the commit; A dies while it talks to the server.
    await expect
      .poll(() => db.job.count({ where: { workspaceId: ws.workspace.id, type: "email.send", attempts: 1 } }), { timeout: 10_000, interval: 20 })
      .toBe(1);
    await a.kill();
    expect(await db.outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).toMatchObject({ status: "recorded" });

    const b = await startAppInstance({ databaseUrl: database.url!, env });
    instances.push(b);
    await expect
      .poll(async () => (await db.outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).status, { timeout: 30_000, interval: 100 })
      .toBe("sent");
    // Anything still in flight has landed by now.
    await sleep(2000);
    expect(await deliveriesOf(received, outbound.messageIdHeader)).toBe(1);
    expect(await db.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ deliveryStatus: "sent" });
    expect(await db.job.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, type: "email.send" } })).toMatchObject({ status: "done", attempts: 2 });
  }, 90_000);
});
