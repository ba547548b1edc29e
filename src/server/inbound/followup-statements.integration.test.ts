import { describe, expect, it } from "vitest";
import type { Job } from "@/generated/prisma/client";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { newMessageId, postRpc } from "@/test/inbound";
import { seedAutomationWorkspace } from "@/server/automations/test-fixtures";
import { appJobHandlers } from "@/server/jobs/registry";

let recording: string[] | null = null;
const db = useTestDatabase({ onQuery: ({ query }) => recording?.push(query) });

type Seeded = Awaited<ReturnType<typeof seedAutomationWorkspace>>;

/** 100 rules of the conversation event: 15 match a subject with "urgent", 1 more with "refund", 84 never. */
async function seedHundredRules(ws: Seeded) {
  const rule = (i: number, value: string) => ({
    workspaceId: ws.workspace.id,
    name: `rule ${i}`,
    event: "conversation_created" as const,
    priority: i,
    conditions: [{ type: "subject_contains", operator: "contains", value }],
    actions: [
      { type: "add_tag", tag_id: ws.tag.id },
      { type: "assign_agent", user_id: ws.member.user.id },
      { type: "send_response", body: `Rule ${i} got {{ticket.subject}}` },
    ],
  });
  await db().automationRule.createMany({
    data: Array.from({ length: 100 }, (_, i) => rule(i, i < 15 ? "urgent" : i === 15 ? "refund" : `never-${i}`)),
  });
}

/** An email to the inbox mailbox, and its pending follow-up job. */
async function receive(ws: Seeded, from: string, subject: string): Promise<{ ticketId: string; job: Job }> {
  const res = await postRpc({ organizationId: ws.workspace.id, to: ws.inboxMailbox.address, from, subject, text: "Hello", messageId: newMessageId() });
  const { ticketId } = res.json as { ticketId: string };
  const job = await db().job.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, type: "inbound.new_ticket", status: "pending" } });
  return { ticketId, job };
}

/** The statements the follow-up job's handler sends (the worker's claim and outcome aside). */
async function statementsOf(job: Job): Promise<string[]> {
  const sent: string[] = [];
  recording = sent;
  try {
    await appJobHandlers()["inbound.new_ticket"](db(), job);
  } finally {
    recording = null;
  }
  await db().job.update({ where: { id: job.id }, data: { status: "done" } });
  return sent;
}

describe("the new-ticket follow-up job's statements", () => {
  it("applies 15 of 100 rules and confirms in a fixed number of statements, the same as for 1 rule", async () => {
    const ws = await seedAutomationWorkspace(db());
    await seedHundredRules(ws);
    // The first job of the process reads and parses the rules once.
    const cold = await statementsOf((await receive(ws, "first@acme.com", "urgent: cold")).job);
    expect(cold.filter((sql) => sql.includes(`FROM "public"."AutomationRule"`))).toHaveLength(1);

    const fifteen = await receive(ws, "second@acme.com", "urgent: printer on fire");
    const many = await statementsOf(fifteen.job);
    const one = await statementsOf((await receive(ws, "third@acme.com", "refund please")).job);
    // Load; claim the runs; lock the recipient; read what the actions need; the writes in a savepoint;
    // COMMIT (Prisma reports no BEGIN: one round trip more).
    expect(many.length).toBeLessThanOrEqual(8);
    expect(many.length).toBe(one.length);
    expect(many.some((sql) => sql.includes(`"AutomationRule"`) && !sql.includes("UPDATE"))).toBe(false);

    // …and it did everything 15 rules do.
    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: fifteen.ticketId }, include: { tags: true } });
    expect(ticket.tags.map((t) => t.tagId)).toEqual([ws.tag.id]);
    expect(ticket.assigneeId).toBe(ws.member.user.id);
    expect(await db().automationRun.count({ where: { ticketId: fifteen.ticketId } })).toBe(15);
    expect(await db().activityEvent.count({ where: { ticketId: fifteen.ticketId, type: "automation_applied" } })).toBe(15);
    const emails = await db().outboundEmail.findMany({ where: { ticketId: fifteen.ticketId }, select: { kind: true, bodyText: true } });
    expect(emails.map((e) => e.kind).sort()).toEqual(["automated_response", "confirmation"]);
    // The first rule in run order answers; the others find it within the cooldown.
    expect(emails.find((e) => e.kind === "automated_response")?.bodyText).toBe("Rule 0 got urgent: printer on fire");
    const counts = await db().automationRule.findMany({
      where: { workspaceId: ws.workspace.id, matchCount: { gt: 0 } },
      orderBy: { priority: "asc" },
      select: { matchCount: true },
    });
    expect(counts.map((c) => c.matchCount)).toEqual([...Array.from({ length: 15 }, () => 2), 1]);
  });

  it.runIf(hasConcurrentConnections)(
    "counts every match when eight follow-ups of the same 15 rules run at the same time, none failing (PostgreSQL: needs several connections)",
    async () => {
      const ws = await seedAutomationWorkspace(db());
      await seedHundredRules(ws);
      const jobs: Job[] = [];
      for (let i = 0; i < 8; i++) {
        const { job } = await receive(ws, `racer${i}@acme.com`, `urgent ${i}`);
        jobs.push(job);
        // Out of the way of the next email's lookup; the handlers below run each job themselves.
        await db().job.update({ where: { id: job.id }, data: { status: "done" } });
      }
      const handler = appJobHandlers()["inbound.new_ticket"];
      const outcomes = await Promise.allSettled(jobs.map((job) => handler(db(), job)));
      expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
      const counts = await db().automationRule.findMany({ where: { workspaceId: ws.workspace.id, priority: { lt: 15 } }, select: { matchCount: true } });
      expect(counts.map((c) => c.matchCount)).toEqual(Array.from({ length: 15 }, () => 8));
    },
  );

  it("sees a rule change made elsewhere (another instance, or SQL) at the next job", async () => {
    const ws = await seedAutomationWorkspace(db());
    await seedHundredRules(ws);
    await statementsOf((await receive(ws, "warm@acme.com", "urgent: warm the cache")).job);
    // Not through this process's services: only the version in the database says the rules changed.
    await db().$executeRaw`UPDATE "AutomationRule" SET "isActive" = false WHERE "workspaceId" = ${ws.workspace.id}::uuid AND "priority" < 15`;
    await db()
      .$executeRaw`UPDATE "AutomationRule" SET "conditions" = '[{"type":"subject_contains","operator":"contains","value":"printer"}]' WHERE "workspaceId" = ${ws.workspace.id}::uuid AND "priority" = 20`;
    const { ticketId, job } = await receive(ws, "next@acme.com", "urgent: printer on fire");
    const sent = await statementsOf(job);
    expect(sent.filter((sql) => sql.includes(`FROM "public"."AutomationRule"`))).toHaveLength(1);
    const runs = await db().automationRun.findMany({ where: { ticketId }, select: { rule: { select: { name: true } } } });
    expect(runs.map((run) => run.rule.name)).toEqual(["rule 20"]);
  });
});
