import { describe, expect, it } from "vitest";
import { POST as rate } from "@/app/api/rate/[token]/route";
import type { Db } from "@/server/db";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";
import { useTestDatabase } from "@/test/database";
import { trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { seedInboundWorkspace } from "@/test/inbound";
import { seedTicket } from "@/test/tickets";

const db = useTestDatabase();

async function seedSurveyedWorkspace(database: Db, surveys = true) {
  const ws = await seedInboundWorkspace(database);
  await database.workspace.update({ where: { id: ws.workspace.id }, data: { satisfactionSurveys: surveys } });
  const trpc = trpcAs(database, ws.member.user.id);
  const close = (ticketId: string) => trpc.ticket.setStatus({ workspaceSlug: ws.workspace.slug, ticketId, toStatus: "closed" });
  return { ws, trpc, close };
}

const surveys = (database: Db, ticketId: string) => database.outboundEmail.findMany({ where: { ticketId, kind: "survey" } });

/** The token of a survey email's "Great" link. */
function tokenOf(bodyText: string): string {
  const match = bodyText.match(/\/rate\/([\w-]+)\?rating=great/);
  expect(match, bodyText).not.toBeNull();
  return match![1]!;
}

const answer = (token: string, body: unknown) => callRoute(rate, "POST", "/", { params: { token }, body });

describe("satisfaction surveys", () => {
  it("closing a ticket emails its contact one link per rating, threaded under the customer's message; a click records the rating on the ticket", async () => {
    const { ws, trpc, close } = await seedSurveyedWorkspace(db());
    const { ticket } = await seedTicket(db(), ws.workspace.id, { from: "kim@customer.example", subject: "Broken invoice" });
    await close(ticket.id);
    await runPendingJobs(db(), jobHandlers());

    const [email, ...more] = await surveys(db(), ticket.id);
    expect(more).toHaveLength(0);
    const inbound = await db().message.findFirstOrThrow({ where: { ticketId: ticket.id, direction: "inbound" } });
    expect(email).toMatchObject({
      toAddress: "kim@customer.example",
      inReplyTo: inbound.messageIdHeader,
      subject: `Re: [#${ticket.ticketNumber}] Broken invoice`,
    });
    expect(email!.bodyText).toMatch(/Great: http\S+\/rate\/[\w-]+\?rating=great\nOkay: \S+\?rating=okay\nNot good: \S+\?rating=bad/);
    const token = tokenOf(email!.bodyText);
    // Only the token's hash is stored.
    expect(JSON.stringify(await db().satisfactionRating.findMany())).not.toContain(token);

    const rated = await answer(token, { rating: "great" });
    expect(rated.status).toBe(200);
    expect(rated.json).toMatchObject({ ticketNumber: ticket.ticketNumber, subject: "Broken invoice", rating: "great", comment: null });
    // The same answer again (a reload) changes nothing; a comment is added to it.
    await answer(token, { rating: "great" });
    await answer(token, { rating: "okay", comment: "  Slow, but fixed. " });
    const detail = await trpc.ticket.get({ workspaceSlug: ws.workspace.slug, ticketId: ticket.id });
    expect(detail.activity.filter((a) => a.type === "rated").map((a) => a.data)).toEqual([
      { rating: "great", comment: null },
      { rating: "okay", comment: "Slow, but fixed." },
    ]);
    expect(await db().satisfactionRating.findUniqueOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({ rating: "okay", comment: "Slow, but fixed." });

    // Reopened and closed again: no second survey.
    await trpc.ticket.setStatus({ workspaceSlug: ws.workspace.slug, ticketId: ticket.id, toStatus: "open" });
    await close(ticket.id);
    await runPendingJobs(db(), jobHandlers());
    expect(await surveys(db(), ticket.id)).toHaveLength(1);
  });

  it("sends nothing while surveys are off, to a suppressed address, for a team conversation, or when the ticket reopened before the job ran", async () => {
    const off = await seedSurveyedWorkspace(db(), false);
    const quiet = await seedTicket(db(), off.ws.workspace.id, { from: "a@customer.example" });
    await off.close(quiet.ticket.id);

    const on = await seedSurveyedWorkspace(db());
    const suppressed = await seedTicket(db(), on.ws.workspace.id, { from: "bounced@customer.example" });
    await db().suppressedAddress.create({ data: { workspaceId: on.ws.workspace.id, email: "bounced@customer.example", reason: "permanent_fail" } });
    await on.close(suppressed.ticket.id);
    const conversation = await seedTicket(db(), on.ws.workspace.id, { from: "colleague@customer.example" });
    await db().ticket.update({ where: { id: conversation.ticket.id }, data: { kind: "conversation" } });
    await on.close(conversation.ticket.id);
    const reopened = await seedTicket(db(), on.ws.workspace.id, { from: "changed-mind@customer.example" });
    await on.close(reopened.ticket.id);
    await on.trpc.ticket.setStatus({ workspaceSlug: on.ws.workspace.slug, ticketId: reopened.ticket.id, toStatus: "open" });

    await runPendingJobs(db(), jobHandlers());
    const workspaceId = { in: [off.ws.workspace.id, on.ws.workspace.id] };
    expect(await db().outboundEmail.count({ where: { workspaceId, kind: "survey" } })).toBe(0);
    expect(await db().satisfactionRating.count({ where: { workspaceId } })).toBe(0);
  });

  it("a bulk close surveys each ticket it closed, and a job run twice sends one survey", async () => {
    const { ws, trpc } = await seedSurveyedWorkspace(db());
    const first = await seedTicket(db(), ws.workspace.id, { from: "one@customer.example" });
    const second = await seedTicket(db(), ws.workspace.id, { from: "two@customer.example" });
    await trpc.ticket.bulkUpdate({ workspaceSlug: ws.workspace.slug, ticketIds: [first.ticket.id, second.ticket.id], action: { type: "close" } });
    const job = await db().job.findFirstOrThrow({ where: { type: "satisfaction.survey", payload: { equals: { ticketId: first.ticket.id } } } });
    await jobHandlers()["satisfaction.survey"](db(), job);
    await runPendingJobs(db(), jobHandlers());
    expect(await surveys(db(), first.ticket.id)).toHaveLength(1);
    expect(await surveys(db(), second.ticket.id)).toHaveLength(1);
  });

  it("answers 404 for an unknown token, 422 for a rating that is not one of the three, 429 for a flood", async () => {
    const { ws, close } = await seedSurveyedWorkspace(db());
    const { ticket } = await seedTicket(db(), ws.workspace.id, { from: "kim@customer.example" });
    await close(ticket.id);
    await runPendingJobs(db(), jobHandlers());
    const token = tokenOf((await surveys(db(), ticket.id))[0]!.bodyText);

    expect((await answer("no-such-token", { rating: "great" })).status).toBe(404);
    const bad = await answer(token, { rating: "superb" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.fields).toHaveProperty("rating");
    expect((await db().satisfactionRating.findUniqueOrThrow({ where: { ticketId: ticket.id } })).rating).toBeNull();

    const statuses = [];
    for (let i = 0; i < 22; i++) statuses.push((await answer(token, { rating: i % 2 ? "okay" : "bad" })).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
