import { describe, expect, it } from "vitest";
import { DELETE as unsnoozeRoute, POST as snoozeRoute } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/snooze/route";
import type { Db } from "@/server/db";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";
import { useTestDatabase } from "@/test/database";
import { seedMember } from "@/test/factories";
import { callRoute } from "@/test/http";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { listTicketsHttp } from "@/test/tickets";

const db = useTestDatabase();
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function inboundTicket(ws: Awaited<ReturnType<typeof seedInboundWorkspace>>) {
  const mail = { organizationId: ws.workspace.id, from: "Jane <jane@acme.test>", to: ws.ticketMailbox.address, subject: "Invoice", text: "Where is it?" };
  const messageId = newMessageId();
  const created = await postRpc({ ...mail, messageId });
  const ticketId = created.json.ticketId as string;
  await db().ticket.update({ where: { id: ticketId }, data: { assigneeId: ws.owner.user.id } });
  await runPendingJobs(db(), jobHandlers());
  const reply = (overrides: Record<string, unknown> = {}) =>
    postRpc({ ...mail, subject: "Re: Invoice", text: "Any news?", messageId: newMessageId(), inReplyTo: messageId, references: messageId, ...overrides });
  return { ticketId, reply };
}

function snooze(ws: { workspace: { id: string } }, token: string, ticketId: string, until: string) {
  return callRoute(snoozeRoute, "POST", "/", { token, params: { workspaceId: ws.workspace.id, ticketId }, body: { until } });
}

/** Makes the ticket's wake-up jobs due now, as if their time had come. */
const dueNow = (db: Db, ticketId: string) =>
  db.$executeRaw`UPDATE "Job" SET "runAfter" = now() - interval '1 second' WHERE "type" = 'ticket.wake' AND "payload"->>'ticketId' = ${ticketId}`;

const timeline = (ticketId: string) =>
  db().activityEvent.findMany({ where: { ticketId, type: { in: ["snoozed", "unsnoozed"] } }, orderBy: { createdAt: "asc" } });
const snoozeNotices = (ticketId: string) => db().notification.findMany({ where: { ticketId, type: "snooze_ended" } });

describe("snooze", () => {
  it("leaves the open tab for the snoozed one, wakes at its time through the job queue, and tells the assignee", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId } = await inboundTicket(ws);
    const until = inAnHour();

    const snoozed = await snooze(ws, ws.member.token, ticketId, until);
    expect(snoozed.status).toBe(200);
    expect(snoozed.json).toMatchObject({ status: "open", snoozedUntil: until });
    const ids = async (query: string) => ((await listTicketsHttp(ws.workspace.id, ws.member.token, query)).json as { id: string }[]).map((t) => t.id);
    expect(await ids("?status=open&snoozed=false")).not.toContain(ticketId);
    expect(await ids("?snoozed=true")).toEqual([ticketId]);

    // Not due yet: the job waits for its time.
    await runPendingJobs(db(), jobHandlers());
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).snoozedUntil?.toISOString()).toBe(until);

    await dueNow(db(), ticketId);
    await runPendingJobs(db(), jobHandlers());
    expect(await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({ status: "open", snoozedUntil: null, snoozedById: null });
    expect(await ids("?status=open&snoozed=false")).toContain(ticketId);
    expect((await timeline(ticketId)).map((e) => [e.type, e.data])).toEqual([
      ["snoozed", { until }],
      ["unsnoozed", { until, reason: "time" }],
    ]);
    expect(await snoozeNotices(ticketId)).toEqual([expect.objectContaining({ userId: ws.owner.user.id, title: expect.stringContaining("woke up") })]);
  });

  it("a snooze again makes the older job a no-op; an unsnooze makes every job one", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId } = await inboundTicket(ws);
    await snooze(ws, ws.member.token, ticketId, inAnHour());
    const later = new Date(Date.now() + 7_200_000).toISOString();
    await snooze(ws, ws.member.token, ticketId, later);
    const [older, newer] = await db().job.findMany({ where: { type: "ticket.wake", workspaceId: ws.workspace.id }, orderBy: { createdAt: "asc" } });
    await db().job.update({ where: { id: older!.id }, data: { runAfter: new Date(Date.now() - 1000) } });
    await runPendingJobs(db(), jobHandlers());
    expect(newer).toMatchObject({ status: "pending", payload: { ticketId, until: later } });
    expect((await db().job.findUniqueOrThrow({ where: { id: older!.id } })).status).toBe("done");
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).snoozedUntil?.toISOString()).toBe(later);

    const woken = await callRoute(unsnoozeRoute, "DELETE", "/", { token: ws.member.token, params: { workspaceId: ws.workspace.id, ticketId } });
    expect(woken.json).toMatchObject({ snoozedUntil: null });
    await dueNow(db(), ticketId);
    await runPendingJobs(db(), jobHandlers());
    expect((await timeline(ticketId)).map((e) => (e.data as { reason?: string }).reason ?? e.type)).toEqual(["snoozed", "snoozed", "agent"]);
    expect(await snoozeNotices(ticketId)).toEqual([]);
  });

  it("wakes early when the customer replies through the inbound route (not on an auto-reply)", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId, reply } = await inboundTicket(ws);
    const until = inAnHour();
    await snooze(ws, ws.member.token, ticketId, until);

    await reply({ headers: { "Auto-Submitted": "auto-replied" }, text: "I am out of office" });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).snoozedUntil).not.toBeNull();

    expect((await reply()).json.ticketId).toBe(ticketId);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).snoozedUntil).toBeNull();
    const entries = await timeline(ticketId);
    expect(entries.at(-1)).toMatchObject({ type: "unsnoozed", data: { until, reason: "customer_replied" } });
    // Its wake-up job finds it awake: no second entry, no notice of a snooze ending.
    await dueNow(db(), ticketId);
    await runPendingJobs(db(), jobHandlers());
    expect(await timeline(ticketId)).toHaveLength(entries.length);
    expect(await snoozeNotices(ticketId)).toEqual([]);
  });

  it("REST: 422 for a time not in the future, 409 for a closed ticket, 404 across workspaces, any member may snooze", async () => {
    const ws = await seedInboundWorkspace(db());
    const other = await seedInboundWorkspace(db());
    const { ticketId } = await inboundTicket(ws);

    const past = await snooze(ws, ws.member.token, ticketId, new Date(Date.now() - 60_000).toISOString());
    expect(past.status).toBe(422);
    expect((await snooze(ws, ws.member.token, ticketId, "tomorrow")).status).toBe(422);
    expect((await snooze(ws, other.owner.token, ticketId, inAnHour())).status).toBe(404);
    expect((await snooze(other, other.owner.token, ticketId, inAnHour())).status).toBe(404);
    const outsider = await seedMember(db(), other.workspace.id, "member");
    expect((await callRoute(unsnoozeRoute, "DELETE", "/", { token: outsider.token, params: { workspaceId: ws.workspace.id, ticketId } })).status).not.toBe(200);

    await db().ticket.update({ where: { id: ticketId }, data: { status: "closed" } });
    expect((await snooze(ws, ws.member.token, ticketId, inAnHour())).status).toBe(409);
    expect(await db().job.count({ where: { type: "ticket.wake", workspaceId: ws.workspace.id } })).toBe(0);
  });
});
