import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";
import { addTicketMessage } from "@/server/tickets/add-message";
import { changeTicketStatus } from "@/server/tickets/ticket-status";
import { listTickets } from "@/server/tickets/tickets.service";
import { updateTicket } from "@/server/tickets/update-ticket";
import { ownerAccess } from "@/test/access";
import { useTestDatabase } from "@/test/database";
import { trpcAs } from "@/test/guards";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";

const db = useTestDatabase();
const MINUTE = 60_000;
const handlers = jobHandlers();

/** A workspace whose normal tickets have 24/7 targets of 60/30/480 minutes and urgent ones 15/10/120. */
async function seedSlaWorkspace(db: Db) {
  const ws = await seedInboundWorkspace(db);
  const workspaceId = ws.workspace.id;
  const intervals = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));
  const schedule = await db.businessSchedule.create({ data: { workspaceId, name: "Always", timeZone: "UTC", intervals, holidays: [] } });
  const targets = (first: number, next: number, resolution: number) => ({
    firstResponseMinutes: first,
    nextResponseMinutes: next,
    resolutionMinutes: resolution,
  });
  await db.slaPolicy.create({ data: { workspaceId, name: "Normal", priority: "normal", scheduleId: schedule.id, ...targets(60, 30, 480) } });
  await db.slaPolicy.create({ data: { workspaceId, name: "Urgent", priority: "urgent", scheduleId: schedule.id, ...targets(15, 10, 120) } });
  return ws;
}

async function ingest(ws: Awaited<ReturnType<typeof seedInboundWorkspace>>, extra: Record<string, unknown> = {}) {
  const messageId = newMessageId();
  const res = await postRpc({
    organizationId: ws.workspace.id,
    from: "jane@acme.test",
    to: ws.ticketMailbox.address,
    subject: "Help",
    text: "Hi",
    messageId,
    ...extra,
  });
  expect(res.status).toBeLessThan(300);
  return { ticketId: res.json.ticketId as string, messageId };
}

const dueTimes = (ticketId: string) =>
  db().ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { createdAt: true, firstResponseDueAt: true, nextResponseDueAt: true, resolutionDueAt: true, slaDueAt: true },
  });
const after = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE);

describe("ticket due times", () => {
  it("are set after ingest, recomputed on a priority change, met by an agent reply, due again on the customer's reply, met by closing", async () => {
    const ws = await seedSlaWorkspace(db());
    const { ticketId, messageId } = await ingest(ws);
    // The ingest statement records the SLA job beside the follow-up; the due times come with it.
    expect(await db().job.count({ where: { workspaceId: ws.workspace.id, type: "sla.refresh" } })).toBe(1);
    await runPendingJobs(db(), handlers);
    let t = await dueTimes(ticketId);
    expect(t).toMatchObject({ firstResponseDueAt: after(t.createdAt, 60), nextResponseDueAt: null, resolutionDueAt: after(t.createdAt, 480) });
    expect(t.slaDueAt).toEqual(t.firstResponseDueAt);

    const owner = await ownerAccess(db(), ws.workspace.id);
    await updateTicket(db(), owner, ticketId, { priority: "urgent" });
    t = await dueTimes(ticketId);
    expect(t).toMatchObject({ firstResponseDueAt: after(t.createdAt, 15), resolutionDueAt: after(t.createdAt, 120) });
    // A warning at 80 % and a breach job for each new due time.
    const checks = await db().job.findMany({
      where: { workspaceId: ws.workspace.id, type: "sla.check", payload: { path: ["dueAt"], equals: after(t.createdAt, 15).toISOString() } },
    });
    expect(checks.map((job) => [(job.payload as { stage: string }).stage, job.runAfter.getTime() - t.createdAt.getTime()]).sort()).toEqual([
      ["breach", 15 * MINUTE],
      ["warning", 12 * MINUTE],
    ]);

    const reply = await addTicketMessage(db(), owner, ticketId, { body: "On it", isInternal: false, sendEmail: false });
    t = await dueTimes(ticketId);
    expect(t).toMatchObject({ firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: after(t.createdAt, 120) });
    const note = await addTicketMessage(db(), owner, ticketId, { body: "internal", isInternal: true, sendEmail: false });
    expect(note.id).not.toBe(reply.id);

    await ingest(ws, { subject: "Re: Help", text: "Still broken", inReplyTo: messageId });
    await runPendingJobs(db(), handlers);
    const customerAt = (await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).lastCustomerMessageAt!;
    t = await dueTimes(ticketId);
    expect(t.nextResponseDueAt).toEqual(after(customerAt, 10));

    await changeTicketStatus(db(), owner, ticketId, { toStatus: "closed" });
    t = await dueTimes(ticketId);
    expect(t).toMatchObject({ firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: null, slaDueAt: null });
  });

  it("stay empty without a policy for the priority, and no SLA job is recorded where no policy exists", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId } = await ingest(ws);
    expect(await db().job.count({ where: { workspaceId: ws.workspace.id, type: "sla.refresh" } })).toBe(0);
    expect(await dueTimes(ticketId)).toMatchObject({ firstResponseDueAt: null, resolutionDueAt: null });

    const sla = await seedSlaWorkspace(db());
    const low = await ingest(sla);
    const owner = await ownerAccess(db(), sla.workspace.id);
    await updateTicket(db(), owner, low.ticketId, { priority: "low" });
    expect(await dueTimes(low.ticketId)).toMatchObject({ firstResponseDueAt: null, resolutionDueAt: null, slaDueAt: null });
  });
});

describe("the SLA check job", () => {
  it("tells the assignee once per due time, and does nothing once the due time changed", async () => {
    const ws = await seedSlaWorkspace(db());
    const { ticketId } = await ingest(ws);
    await runPendingJobs(db(), handlers);
    const owner = await ownerAccess(db(), ws.workspace.id);
    await updateTicket(db(), owner, ticketId, { assigneeId: ws.member.user.id });
    const { firstResponseDueAt } = await dueTimes(ticketId);
    const firstBreach = await db().job.findFirstOrThrow({
      where: {
        workspaceId: ws.workspace.id,
        type: "sla.check",
        AND: [{ payload: { path: ["stage"], equals: "breach" } }, { payload: { path: ["dueAt"], equals: firstResponseDueAt!.toISOString() } }],
      },
    });

    // Run the job as if its due time had come, twice (a retried job).
    const runNow = async (jobId: string) => {
      await db().job.update({ where: { id: jobId }, data: { runAfter: new Date(), status: "pending" } });
      await runPendingJobs(db(), handlers);
    };
    await runNow(firstBreach.id);
    await runNow(firstBreach.id);
    const notices = await db().notification.findMany({ where: { userId: ws.member.user.id, type: "sla_breached" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ ticketId, title: expect.stringMatching(/^First reply target breached on #\d+$/) });

    // A new priority gives new due times; the older warning job now tells nobody.
    const oldWarning = await db().job.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, type: "sla.check", payload: { path: ["stage"], equals: "warning" } },
    });
    await updateTicket(db(), owner, ticketId, { priority: "urgent" });
    await runNow(oldWarning.id);
    expect(await db().notification.count({ where: { userId: ws.member.user.id, type: "sla_warning" } })).toBe(0);
  });
});

describe("the ticket list's SLA order and filters", () => {
  it("puts a breached ticket first under sort=due, filters due and breached, and pages by cursor", async () => {
    const ws = await seedSlaWorkspace(db());
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await ingest(ws)).ticketId);
    await runPendingJobs(db(), handlers);
    const owner = await ownerAccess(db(), ws.workspace.id);
    // The last ticket is made breached: its first reply was due an hour ago.
    const breachedId = ids[2]!;
    await db().ticket.update({ where: { id: breachedId }, data: { firstResponseDueAt: after(new Date(), -60) } });
    await changeTicketStatus(db(), owner, ids[1]!, { toStatus: "closed" });

    const due = await listTickets(db(), owner, { sort: "due", limit: 1 });
    expect(due.tickets.map((t) => t.id)).toEqual([breachedId]);
    expect(due.tickets[0]!.sla.dueAt).toBe(due.tickets[0]!.sla.firstResponseDueAt);
    const next = await listTickets(db(), owner, { sort: "due", limit: 5, cursor: due.nextCursor! });
    expect(next.tickets.map((t) => t.id)).toEqual([ids[0]]);
    expect((await listTickets(db(), owner, { sla: "breached" })).tickets.map((t) => t.id)).toEqual([breachedId]);
    expect((await listTickets(db(), owner, { sla: "due" })).tickets.map((t) => t.id).sort()).toEqual([ids[0], breachedId].sort());
    await expect(listTickets(db(), owner, { sort: "activity", cursor: due.nextCursor! })).rejects.toThrow();
  });
});

describe("the SLA router", () => {
  it("creates a schedule and a policy through tRPC, as the settings page does", async () => {
    const ws = await seedInboundWorkspace(db());
    const owner = trpcAs(db(), ws.owner.user.id);
    const workspaceSlug = ws.workspace.slug;
    const schedule = await owner.sla.createSchedule({
      workspaceSlug,
      name: "Office",
      timeZone: "UTC",
      intervals: [{ weekday: 1, start: "09:00", end: "17:00" }],
      holidays: [],
    });
    const policy = await owner.sla.createPolicy({ workspaceSlug, name: "Urgent", priority: "urgent", scheduleId: schedule.id, firstResponseMinutes: 30 });
    const renamed = await owner.sla.updatePolicy({
      workspaceSlug,
      policyId: policy.id,
      policy: { name: "Urgent 2", priority: "urgent", scheduleId: schedule.id, resolutionMinutes: 60 },
    });
    expect(renamed).toMatchObject({ name: "Urgent 2", firstResponseMinutes: null, resolutionMinutes: 60 });
    const member = trpcAs(db(), ws.member.user.id);
    expect(await member.sla.policies({ workspaceSlug })).toEqual([renamed]);
    await expect(member.sla.deletePolicy({ workspaceSlug, policyId: policy.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
