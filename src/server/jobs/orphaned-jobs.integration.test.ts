// kill -9 of an app instance mid-load: the jobs it held leased (new-ticket automations and
// confirmations) finish on the other instance within 30 s, and every effect happens exactly once.
// Runs in CI's PostgreSQL pass only: two processes cannot share the in-process PGlite.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import PostalMime from "postal-mime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "@/server/db/config";
import { seedAutomationWorkspace, seedRule } from "@/server/automations/test-fixtures";
import { startAppInstance, type AppInstance } from "@/test/app-instances";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { useTestSmtpServer } from "@/test/smtp";

const MAILS = 40;
const RECOVERY_BOUND_MS = 30_000;

const rawEmail = (from: string, to: string, i: number) =>
  [
    `From: Sender ${i} <${from}>`,
    `To: ${to}`,
    `Subject: Order ${i} is late`,
    `Message-ID: <${randomUUID()}@customer.test>`,
    "",
    `Where is order ${i}?`,
    "",
  ].join("\r\n");

describe.runIf(databaseConfig().kind === "postgres")("an app instance killed while it holds leased jobs", () => {
  // Each delivery takes a while, so jobs are in flight on A when it dies.
  const received = useTestSmtpServer({ mailFromDelayMs: 200 });
  let database: TestDatabase;
  const instances: AppInstance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Both instances inherit SMTP_URL (the server above) and the job settings of this process.
    for (let i = 0; i < 2; i++) instances.push(await startAppInstance({ databaseUrl: database.url! }));
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.close();
  });

  it("finishes A's leased jobs on B within 30 s, each confirmation and automation exactly once", async () => {
    const [a, b] = instances as [AppInstance, AppInstance];
    const db = database.db;
    const ws = await seedAutomationWorkspace(db);
    const rule = await seedRule(db, ws.workspace.id, {
      name: "Tag and answer everything",
      event: "ticket_created",
      actions: [
        { type: "add_tag", tag_id: ws.tag.id },
        { type: "send_response", body: "We are on it, {{contact.name}}." },
      ],
    });

    // Inbound load at A, a few at a time; A starts each mail's job right after its commit.
    const senders = Array.from({ length: MAILS }, (_, i) => `customer${i}@customer.test`);
    for (let i = 0; i < MAILS; i += 8) {
      const answers = await Promise.all(
        senders.slice(i, i + 8).map((from, j) =>
          fetch(`${a.url}/api/inbound/mime`, {
            method: "POST",
            headers: { "content-type": "message/rfc822", "x-inbound-secret": ws.ticketMailbox.inboundSecret },
            body: rawEmail(from, ws.ticketMailbox.address, i + j),
          }),
        ),
      );
      expect(
        answers.map((answer) => answer.status),
        a.output(),
      ).toEqual(answers.map(() => 200));
    }
    await expect
      .poll(() => db.job.count({ where: { workspaceId: ws.workspace.id, status: "done" } }), { timeout: 20_000, interval: 50 })
      .toBeGreaterThanOrEqual(4);

    await a.kill();
    const killedAt = Date.now();
    // The jobs leased at the moment A died: A's (which nobody renews now) and B's own.
    const leased = await db.job.findMany({
      where: { workspaceId: ws.workspace.id, status: "pending", lockedUntil: { gt: new Date() } },
      select: { id: true, claimToken: true },
    });

    const ids = leased.map((job) => job.id);
    const unfinished = () => db.job.count({ where: { id: { in: ids }, status: { not: "done" } } });
    while ((await unfinished()) > 0 && Date.now() < killedAt + 2 * RECOVERY_BOUND_MS) await sleep(100);
    const waitedMs = Date.now() - killedAt;
    // A's jobs are the ones B claimed again once their lease ran out (their claim token changed),
    // or that are still waiting for that.
    const claimedAtKill = new Map(leased.map((job) => [job.id, job.claimToken]));
    const after = await db.job.findMany({ where: { id: { in: ids } } });
    const orphaned = after.filter((job) => job.claimToken !== claimedAtKill.get(job.id) || job.status !== "done");
    const left = after.filter((job) => job.status !== "done").length;
    console.log(
      `kill -9 of A with ${leased.length} jobs leased, ${orphaned.length} of them A's: ${left ? `${left} still not done` : "all done on B"} ${waitedMs} ms after the kill`,
    );
    expect(orphaned.length, "A held leased jobs when it was killed").toBeGreaterThan(0);
    expect(left).toBe(0);
    expect(waitedMs).toBeLessThan(RECOVERY_BOUND_MS);

    // Then the rest of the load drains on B, and every effect happened exactly once.
    await expect.poll(() => db.job.count({ where: { workspaceId: ws.workspace.id, status: { not: "done" } } }), { timeout: 60_000, interval: 200 }).toBe(0);
    const tickets = await db.ticket.findMany({ where: { workspaceId: ws.workspace.id }, include: { tags: true } });
    expect(tickets).toHaveLength(MAILS);
    expect(tickets.every((ticket) => ticket.tags.length === 1)).toBe(true);
    expect(await db.automationRun.count({ where: { ruleId: rule.id } })).toBe(MAILS);
    expect((await db.automationRule.findUniqueOrThrow({ where: { id: rule.id } })).matchCount).toBe(MAILS);
    const events = await db.activityEvent.groupBy({ by: ["type"], where: { workspaceId: ws.workspace.id }, _count: true, orderBy: { type: "asc" } });
    expect(events.map((event) => [event.type, event._count])).toEqual([
      ["automation_applied", MAILS],
      ["confirmation_sent", MAILS],
      ["created", MAILS],
    ]);
    const outbound = await db.outboundEmail.findMany({ where: { workspaceId: ws.workspace.id } });
    expect(outbound.filter((email) => email.kind === "confirmation")).toHaveLength(MAILS);
    expect(outbound.filter((email) => email.kind === "automated_response")).toHaveLength(MAILS);
    expect(outbound.filter((email) => email.status !== "sent")).toEqual([]);

    // What the SMTP server got: each of those emails, to its sender. An email the server accepted
    // in the instant before A died, before A could mark it sent, goes out again from B with the
    // same Message-ID (so the recipient's client shows it once): no sender can close that window,
    // so only A's in-flight emails may repeat, never another.
    const parsed = await Promise.all(received.map(async ({ raw, envelopeTo }) => ({ messageId: (await PostalMime.parse(raw)).messageId, envelopeTo })));
    const delivered = parsed.map((mail) => `${mail.messageId} ${mail.envelopeTo.join(",")}`).sort();
    const repeats = delivered.length - new Set(delivered).size;
    console.log(`SMTP: ${delivered.length} deliveries of ${outbound.length} emails (${repeats} repeated after the kill)`);
    expect([...new Set(delivered)]).toEqual(outbound.map((email) => `<${email.messageIdHeader}> ${email.toAddress}`).sort());
    expect(repeats).toBeLessThanOrEqual(orphaned.length);
    expect(new Set(outbound.map((email) => email.toAddress))).toEqual(new Set(senders));
    expect(b.output()).not.toMatch(/Job worker failed/);
  }, 120_000);
});
