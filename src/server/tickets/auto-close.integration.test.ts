import { describe, expect, it } from "vitest";
import { PATCH as patchWorkspace } from "@/app/api/v1/workspaces/[workspaceId]/route";
import { POST as setStatus } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/status/route";
import type { Db } from "@/server/db";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";

const db = useTestDatabase();
const DAY_MS = 86_400_000;

async function pendingTicket(days: number | null) {
  const ws = await seedInboundWorkspace(db());
  const settings = await callRoute(patchWorkspace, "PATCH", "/", {
    token: ws.owner.token,
    params: { workspaceId: ws.workspace.id },
    body: { settings: { pendingAutoCloseDays: days, satisfactionSurveys: true } },
  });
  expect(settings.json.settings).toMatchObject({ pendingAutoCloseDays: days || null });
  const mail = { organizationId: ws.workspace.id, from: "Jane <jane@acme.test>", to: ws.ticketMailbox.address, subject: "Refund", text: "Please" };
  const messageId = newMessageId();
  const ticketId = (await postRpc({ ...mail, messageId })).json.ticketId as string;
  await runPendingJobs(db(), jobHandlers());
  const params = { workspaceId: ws.workspace.id, ticketId };
  const toStatus = (status: string) => callRoute(setStatus, "POST", "/", { token: ws.member.token, params, body: { toStatus: status } });
  expect((await toStatus("pending")).status).toBe(200);
  const reply = () =>
    postRpc({ ...mail, subject: "Re: Refund", text: "Still waiting", messageId: newMessageId(), inReplyTo: messageId, references: messageId });
  return { ws, ticketId, toStatus, reply };
}

/** Makes the ticket's auto-close jobs due now, as if the days had passed. */
const dueNow = (db: Db, ticketId: string) =>
  db.$executeRaw`UPDATE "Job" SET "runAfter" = now() - interval '1 second' WHERE "type" = 'ticket.auto_close' AND "payload"->>'ticketId' = ${ticketId}`;
const ticketOf = (ticketId: string) => db().ticket.findUniqueOrThrow({ where: { id: ticketId } });
const surveys = (ticketId: string) => db().job.count({ where: { type: "satisfaction.survey", payload: { path: ["ticketId"], equals: ticketId } } });

describe("pending until auto-close", () => {
  it("schedules the closure N days ahead when a ticket becomes pending, and closes it then through the close path", async () => {
    const { ticketId } = await pendingTicket(3);
    const scheduled = (await ticketOf(ticketId)).closureScheduledAt!;
    expect(Math.abs(scheduled.getTime() - (Date.now() + 3 * DAY_MS))).toBeLessThan(60_000);
    const [job] = await db().job.findMany({ where: { type: "ticket.auto_close", payload: { path: ["ticketId"], equals: ticketId } } });
    expect(job).toMatchObject({ status: "pending", runAfter: scheduled });

    await runPendingJobs(db(), jobHandlers());
    expect((await ticketOf(ticketId)).status).toBe("pending");

    await dueNow(db(), ticketId);
    await runPendingJobs(db(), jobHandlers());
    expect(await ticketOf(ticketId)).toMatchObject({ status: "closed", closureScheduledAt: null });
    const closed = await db().activityEvent.findFirstOrThrow({ where: { ticketId, type: "status_changed", actorUserId: null } });
    expect(closed.data).toEqual({ from: "pending", to: "closed", reason: "closed automatically after 3 days pending" });
    expect(await surveys(ticketId)).toBe(1);
  });

  it("does not close a ticket the customer replied to, nor one moved away from pending; a new pending schedules anew", async () => {
    const { ticketId, toStatus, reply } = await pendingTicket(2);
    await reply();
    expect(await ticketOf(ticketId)).toMatchObject({ status: "open", closureScheduledAt: null });
    expect((await toStatus("pending")).status).toBe(200);
    expect((await toStatus("open")).status).toBe(200);
    expect((await ticketOf(ticketId)).closureScheduledAt).toBeNull();
    expect((await toStatus("pending")).status).toBe(200);
    expect((await ticketOf(ticketId)).closureScheduledAt).not.toBeNull();

    await reply();
    expect(await ticketOf(ticketId)).toMatchObject({ status: "open", closureScheduledAt: null });

    // Every job's time has come: each finds its closure cancelled and closes nothing.
    await dueNow(db(), ticketId);
    await runPendingJobs(db(), jobHandlers());
    expect(await ticketOf(ticketId)).toMatchObject({ status: "open" });
    expect(await db().job.count({ where: { type: "ticket.auto_close", status: "done", payload: { path: ["ticketId"], equals: ticketId } } })).toBe(3);
    expect(await surveys(ticketId)).toBe(0);
  });

  it("schedules nothing when the workspace leaves pending tickets alone (0 is off)", async () => {
    const { ticketId } = await pendingTicket(0);
    expect((await ticketOf(ticketId)).closureScheduledAt).toBeNull();
    expect(await db().job.count({ where: { type: "ticket.auto_close", payload: { path: ["ticketId"], equals: ticketId } } })).toBe(0);
  });
});
