import { describe, expect, it, vi } from "vitest";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { newMessageId, postRpc } from "@/test/inbound";
import { useTestSmtpServer } from "@/test/smtp";
import { runPendingJobs } from "@/server/jobs/jobs";
import { appJobHandlers } from "@/server/jobs/registry";
import type { Db } from "@/server/db";
import { resetSmtpTransport } from "@/server/outbound-mail/transport";
import { seedAutomationWorkspace, seedRule } from "./test-fixtures";

const db = useTestDatabase();

type Seeded = Awaited<ReturnType<typeof seedAutomationWorkspace>>;

/** An email to the inbox mailbox (a conversation), then the after-commit jobs, as the worker runs them. */
async function receive(ws: Seeded, email: Record<string, unknown>, run = true) {
  const res = await postRpc({ organizationId: ws.workspace.id, to: ws.inboxMailbox.address, text: "Hello", messageId: newMessageId(), ...email });
  expect(res.status).toBe(200);
  if (run) await runPendingJobs(db(), appJobHandlers());
  return res.json as { ticketId: string; messageId: string };
}

const automated = (database: Db, workspaceId: string) =>
  database.outboundEmail.findMany({ where: { workspaceId, kind: "automated_response" }, orderBy: { createdAt: "asc" } });

async function urgentAcmeRule(ws: Seeded, overrides: Parameters<typeof seedRule>[2] = { actions: [] }) {
  return seedRule(db(), ws.workspace.id, {
    name: "Urgent mail from Acme",
    event: "conversation_created",
    conditions: [
      { type: "from_email", operator: "domain", value: "acme.com" },
      { type: "subject_contains", operator: "contains", value: "urgent" },
    ],
    ...overrides,
    actions: [
      { type: "add_tag", tag_id: ws.tag.id },
      { type: "assign_agent", user_id: ws.member.user.id },
      { type: "send_response", body: 'Hi {{contact.name}}, we got "{{ticket.subject}}" ({{ticket.number}}). {{workspace.name}} {{agent.name}}' },
      ...overrides.actions,
    ],
  });
}

describe("automations on new conversations from inbound mail", () => {
  it("tags, assigns and answers urgent mail from acme.com once, then keeps quiet for 60 minutes", async () => {
    const ws = await seedAutomationWorkspace(db());
    const rule = await urgentAcmeRule(ws);
    const messageId = newMessageId();
    const first = await receive(ws, { from: "Jane Doe <jane@acme.com>", subject: "URGENT: printer on fire", messageId, references: "<older@acme.com>" });

    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: first.ticketId }, include: { tags: true } });
    expect(ticket.kind).toBe("conversation");
    expect(ticket.tags.map((t) => t.tagId)).toEqual([ws.tag.id]);
    expect(ticket.assigneeId).toBe(ws.member.user.id);
    const [response, ...more] = await automated(db(), ws.workspace.id);
    expect(more).toEqual([]);
    expect(response).toMatchObject({
      ticketId: first.ticketId,
      toAddress: "jane@acme.com",
      fromAddress: ws.inboxMailbox.address,
      subject: "[#1] URGENT: printer on fire",
      bodyText: `Hi Jane Doe, we got "URGENT: printer on fire" (1). ${ws.workspace.name} {{agent.name}}`,
      bodyHtml: null,
      inReplyTo: messageId.slice(1, -1),
      references: ["older@acme.com", messageId.slice(1, -1)],
      dedupeKey: `automation:${rule.id}:${first.ticketId}`,
    });
    // The usual confirmation still goes out after the hooks.
    expect(await db().outboundEmail.count({ where: { ticketId: first.ticketId, kind: "confirmation" } })).toBe(1);

    const stored = await db().automationRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect(stored.matchCount).toBe(1);
    expect(stored.lastMatchedAt).toBeInstanceOf(Date);
    const entry = await db().activityEvent.findFirstOrThrow({ where: { ticketId: first.ticketId, type: "automation_applied" } });
    expect(entry.data).toMatchObject({
      ruleId: rule.id,
      ruleName: "Urgent mail from Acme",
      actions: [
        { type: "add_tag", status: "applied", tagId: ws.tag.id, tagName: ws.tag.name },
        { type: "assign_agent", status: "applied", userId: ws.member.user.id },
        { type: "send_response", status: "applied", outboundEmailId: response!.id, to: "jane@acme.com" },
      ],
    });

    // A second email from Jane within the hour: tagged and assigned again, but not answered.
    const second = await receive(ws, { from: "jane@acme.com", subject: "Urgent follow-up" });
    expect(second.ticketId).not.toBe(first.ticketId);
    expect(await automated(db(), ws.workspace.id)).toHaveLength(1);
    const secondTicket = await db().ticket.findUniqueOrThrow({ where: { id: second.ticketId }, include: { tags: true } });
    expect(secondTicket.tags).toHaveLength(1);
    const skipped = await db().activityEvent.findFirstOrThrow({ where: { ticketId: second.ticketId, type: "automation_applied" } });
    expect(skipped.data).toMatchObject({
      actions: [{ status: "applied" }, { status: "applied" }, { type: "send_response", status: "skipped", reason: "cooldown" }],
    });
    expect((await db().automationRule.findUniqueOrThrow({ where: { id: rule.id } })).matchCount).toBe(2);

    // Once the last automated email is more than 60 minutes old, Jane is answered again.
    await db().outboundEmail.updateMany({ where: { workspaceId: ws.workspace.id }, data: { createdAt: new Date(Date.now() - 61 * 60_000) } });
    await receive(ws, { from: "jane@acme.com", subject: "Urgent, third time" });
    expect(await automated(db(), ws.workspace.id)).toHaveLength(2);
  });

  it("counts a failed or merely recorded automated email in the cooldown, and only this workspace's", async () => {
    const ws = await seedAutomationWorkspace(db());
    const other = await seedAutomationWorkspace(db());
    await urgentAcmeRule(ws);
    await db().outboundEmail.create({
      data: {
        workspaceId: other.workspace.id,
        kind: "automated_response",
        fromAddress: "x@other.test",
        toAddress: "bob@acme.com",
        subject: "s",
        bodyText: "b",
        messageIdHeader: "a@other.test",
      },
    });
    await receive(ws, { from: "bob@acme.com", subject: "urgent" });
    expect(await automated(db(), ws.workspace.id)).toHaveLength(1);

    await db().outboundEmail.updateMany({ where: { workspaceId: ws.workspace.id }, data: { status: "failed" } });
    await receive(ws, { from: "BOB@acme.com", subject: "urgent again" });
    expect(await automated(db(), ws.workspace.id)).toHaveLength(1);
  });

  it("never answers an auto-reply or bulk mail, but still applies the other actions", async () => {
    const ws = await seedAutomationWorkspace(db());
    await urgentAcmeRule(ws);
    const ooo = await receive(ws, { from: "boss@acme.com", subject: "Urgent", headers: { "Auto-Submitted": "auto-replied" } });
    await receive(ws, { from: "news@acme.com", subject: "Urgent deals", headers: { "List-Unsubscribe": "<mailto:u@acme.com>" } });
    expect(await automated(db(), ws.workspace.id)).toEqual([]);
    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: ooo.ticketId }, include: { tags: true } });
    expect(ticket.tags).toHaveLength(1);
    expect(ticket.assigneeId).toBe(ws.member.user.id);
    const entry = await db().activityEvent.findFirstOrThrow({ where: { ticketId: ooo.ticketId, type: "automation_applied" } });
    expect(entry.data).toMatchObject({ actions: [{}, {}, { type: "send_response", status: "skipped", reason: "auto_reply" }] });
  });

  it.runIf(hasConcurrentConnections)(
    "sends exactly one response when two emails from one sender are processed at the same time (PostgreSQL: needs several connections)",
    async () => {
      const ws = await seedAutomationWorkspace(db());
      await urgentAcmeRule(ws);
      for (let i = 0; i < 4; i++) await receive(ws, { from: "race@acme.com", subject: `Urgent ${i}` }, false);
      const handlers = appJobHandlers();
      const ran = await Promise.all([runPendingJobs(db(), handlers), runPendingJobs(db(), handlers), runPendingJobs(db(), handlers)]);
      // Four new-ticket jobs, then the send jobs of the four confirmations and the one response, and
      // the four notices to the agent the rule assigned.
      expect(ran.reduce((a, b) => a + b)).toBe(13);
      expect(await automated(db(), ws.workspace.id)).toHaveLength(1);
      expect(await db().ticketTag.count({ where: { tagId: ws.tag.id } })).toBe(4);
    },
  );

  it("sends one response when two matching rules both want to answer", async () => {
    const ws = await seedAutomationWorkspace(db());
    await urgentAcmeRule(ws);
    await seedRule(db(), ws.workspace.id, { name: "Everyone", event: "conversation_created", actions: [{ type: "send_response", body: "Thanks!" }] });
    await receive(ws, { from: "two@acme.com", subject: "urgent" });
    const responses = await automated(db(), ws.workspace.id);
    expect(responses.map((r) => r.bodyText)).toEqual([expect.stringContaining("Hi ")]);
    expect(await db().automationRule.findMany({ where: { workspaceId: ws.workspace.id }, select: { matchCount: true } })).toEqual([
      { matchCount: 1 },
      { matchCount: 1 },
    ]);
  });

  it("applies nothing twice when the job runs again", async () => {
    const ws = await seedAutomationWorkspace(db());
    const rule = await urgentAcmeRule(ws);
    const { ticketId } = await receive(ws, { from: "again@acme.com", subject: "urgent" });
    await db().job.updateMany({ where: { workspaceId: ws.workspace.id }, data: { status: "pending" } });
    await runPendingJobs(db(), appJobHandlers());
    expect(await automated(db(), ws.workspace.id)).toHaveLength(1);
    expect(await db().activityEvent.count({ where: { ticketId, type: "automation_applied" } })).toBe(1);
    expect((await db().automationRule.findUniqueOrThrow({ where: { id: rule.id } })).matchCount).toBe(1);
  });
});

describe("a new-ticket job that runs more than once", () => {
  const received = useTestSmtpServer();

  /** Everything the job's effects wrote for the ticket, and the emails delivered to the sender. */
  async function effects(ws: Seeded, ticketId: string, to: string) {
    const [ticket, runs, rule] = await Promise.all([
      db().ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { tags: true } }),
      db().automationRun.count({ where: { ticketId } }),
      db().automationRule.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } }),
    ]);
    const events = await db().activityEvent.groupBy({ by: ["type"], where: { ticketId }, _count: true, orderBy: { type: "asc" } });
    const emails = await db().outboundEmail.findMany({ where: { ticketId }, orderBy: { kind: "asc" }, select: { kind: true, status: true } });
    return {
      runs,
      matchCount: rule.matchCount,
      tags: ticket.tags.length,
      assigned: ticket.assigneeId === ws.member.user.id,
      events: events.map((e) => [e.type, e._count]),
      emails,
      delivered: received.filter((mail) => mail.envelopeTo.includes(to)).length,
    };
  }

  const once = {
    runs: 1,
    matchCount: 1,
    tags: 1,
    assigned: true,
    events: [
      ["automation_applied", 1],
      ["confirmation_sent", 1],
      ["created", 1],
    ],
    emails: [
      { kind: "confirmation", status: "sent" },
      { kind: "automated_response", status: "sent" },
    ],
    delivered: 2,
  };

  it.runIf(hasConcurrentConnections)(
    "applies each rule and confirms once when two workers run the same job at the same time (PostgreSQL: needs several connections)",
    async () => {
      const ws = await seedAutomationWorkspace(db());
      await urgentAcmeRule(ws);
      const { ticketId } = await receive(ws, { from: "twice@acme.com", subject: "urgent" }, false);
      const job = await db().job.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, type: "inbound.new_ticket" } });
      const handler = appJobHandlers()["inbound.new_ticket"];
      // A worker that lost its lease and the one that claimed the job since, both running it. The
      // second may fail (on a unique key) and is retried; neither applies or records anything twice.
      await Promise.allSettled([handler(db(), job), handler(db(), job)]);
      await handler(db(), job);
      // The send jobs of what they recorded (and the new-ticket job once more, still pending).
      await runPendingJobs(db(), appJobHandlers());
      expect(await effects(ws, ticketId, "twice@acme.com")).toEqual(once);
    },
  );

  it("sends, on the retry, the emails a run recorded but died before sending", async () => {
    const ws = await seedAutomationWorkspace(db());
    await urgentAcmeRule(ws);
    // The first run records both emails but cannot send them (as if it died right after the commit).
    vi.stubEnv("SMTP_URL", undefined);
    resetSmtpTransport();
    const { ticketId } = await receive(ws, { from: "crash@acme.com", subject: "urgent" });
    vi.unstubAllEnvs();
    resetSmtpTransport();
    expect((await effects(ws, ticketId, "crash@acme.com")).emails.map((email) => email.status)).toEqual(["recorded", "recorded"]);
    for (let run = 0; run < 2; run++) {
      await db().job.updateMany({ where: { workspaceId: ws.workspace.id }, data: { status: "pending" } });
      await runPendingJobs(db(), appJobHandlers());
    }
    expect(await effects(ws, ticketId, "crash@acme.com")).toEqual(once);
  });
});
