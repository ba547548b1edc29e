// Committed changes reach the workspace's open streams through LISTEN/NOTIFY; rolled-back ones do
// not; a notification reaches its own user only. Runs on PGlite and on PostgreSQL.
import { afterEach, describe, expect, it } from "vitest";
import { GET as liveEvents } from "@/app/api/v1/workspaces/[workspaceId]/events/route";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { trpcAs } from "@/test/guards";
import { readLiveEvents, type LiveEventReader } from "@/test/live";
import { seedTicket } from "@/test/tickets";
import { MAX_STREAMS_PER_USER } from "./live-events";

const db = useTestDatabase();
const readers: LiveEventReader[] = [];

afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.close()));
});

async function openStream(workspaceId: string, token: string) {
  const response = await liveEvents(
    new Request(`http://localhost/api/v1/workspaces/${workspaceId}/events`, { headers: { authorization: `Bearer ${token}` } }),
    {
      params: Promise.resolve({ workspaceId }),
    },
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = readLiveEvents(response);
  readers.push(reader);
  return reader;
}

describe("live events", () => {
  it("announces a committed ticket and its changes, and nothing of a rolled-back one", async () => {
    const { workspace, owner } = await seedWorkspace(db());
    const stream = await openStream(workspace.id, owner.token);
    await expect.poll(() => stream.text()).toMatch(/^retry: \d+\n/);

    const { ticket } = await seedTicket(db(), workspace.id);
    expect(await stream.next((event) => event.ticketId === ticket.id)).toEqual({ kind: "ticket", ticketId: ticket.id });

    await db().ticket.update({ where: { id: ticket.id }, data: { status: "pending" } });
    expect(await stream.next()).toEqual({ kind: "ticket", ticketId: ticket.id });

    await expect(
      db().$transaction(async (tx) => {
        await tx.ticket.update({ where: { id: ticket.id }, data: { priority: "urgent" } });
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(await stream.arrivesWithin(300)).toBe(false);

    await db().activityEvent.create({ data: { workspaceId: workspace.id, ticketId: ticket.id, type: "email_opened" } });
    expect(await stream.next()).toEqual({ kind: "ticket", ticketId: ticket.id });

    // A write that changes nothing a page shows announces nothing.
    await db().ticket.update({ where: { id: ticket.id }, data: { exchangeCount: { increment: 1 } } });
    expect(await stream.arrivesWithin(300)).toBe(false);
  });

  it("scopes events to the workspace, and a notification to its user", async () => {
    const first = await seedWorkspace(db());
    const other = await seedWorkspace(db());
    const ownerStream = await openStream(first.workspace.id, first.owner.token);
    const memberStream = await openStream(first.workspace.id, first.member.token);

    await seedTicket(db(), other.workspace.id);
    await db().notification.create({ data: { workspaceId: first.workspace.id, userId: first.member.user.id, type: "test", title: "For the member" } });

    expect(await memberStream.next()).toEqual({ kind: "notification", ticketId: null });
    expect(await ownerStream.arrivesWithin(300)).toBe(false);

    await db().incomingMail.create({
      data: {
        workspaceId: first.workspace.id,
        source: "test",
        contentHash: "h",
        sender: "someone@example.com",
        recipient: "support@example.com",
        subject: "Logged",
        body: "Hi",
      },
    });
    expect(await ownerStream.next()).toEqual({ kind: "incoming", ticketId: null });
  });

  it("answers 404 to a non-member and 429 past the streams one user may hold", async () => {
    const first = await seedWorkspace(db());
    const other = await seedWorkspace(db());
    const refused = await liveEvents(
      new Request(`http://localhost/api/v1/workspaces/${other.workspace.id}/events`, { headers: { authorization: `Bearer ${first.owner.token}` } }),
      {
        params: Promise.resolve({ workspaceId: other.workspace.id }),
      },
    );
    expect(refused.status).toBe(404);

    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) await openStream(first.workspace.id, first.owner.token);
    const tooMany = await liveEvents(
      new Request(`http://localhost/api/v1/workspaces/${first.workspace.id}/events`, { headers: { authorization: `Bearer ${first.owner.token}` } }),
      {
        params: Promise.resolve({ workspaceId: first.workspace.id }),
      },
    );
    expect(tooMany.status).toBe(429);
    await readers.pop()!.close();
    // A closed stream frees its place.
    await expect.poll(async () => (await openStream(first.workspace.id, first.owner.token)) !== undefined).toBe(true);
  });

  it("tells the workspace who else is on a ticket and typing, until they leave; another workspace's ticket is 404", async () => {
    const { workspace, owner, member } = await seedWorkspace(db());
    const other = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), workspace.id);
    const { ticket: foreign } = await seedTicket(db(), other.workspace.id);
    const ownerStream = await openStream(workspace.id, owner.token);
    const asMember = trpcAs(db(), member.user.id);
    const asOwner = trpcAs(db(), owner.user.id);
    const workspaceSlug = workspace.slug;

    await asMember.presence.report({ workspaceSlug, ticketId: ticket.id, state: "typing-note" });
    expect(await ownerStream.next()).toEqual({ kind: "presence", ticketId: ticket.id });
    const memberName = member.user.name;
    expect(await asOwner.presence.list({ workspaceSlug, ticketId: ticket.id })).toEqual([
      { ticketId: ticket.id, userId: member.user.id, name: memberName, state: "typing-note" },
    ]);
    // Nobody sees themselves.
    expect(await asMember.presence.list({ workspaceSlug })).toEqual([]);

    await asMember.presence.report({ workspaceSlug, ticketId: ticket.id, state: "left" });
    expect(await ownerStream.next()).toEqual({ kind: "presence", ticketId: ticket.id });
    expect(await asOwner.presence.list({ workspaceSlug })).toEqual([]);

    await expect(asMember.presence.report({ workspaceSlug, ticketId: foreign.id, state: "viewing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.runIf(hasConcurrentConnections)(
    "reconnects a listener whose connection was cut, and tells the streams to fetch again (PostgreSQL: a separate connection)",
    async () => {
      const { workspace, owner } = await seedWorkspace(db());
      const stream = await openStream(workspace.id, owner.token);
      const cut = await db().$queryRaw<{ cut: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`;
      expect(cut).toEqual([{ cut: true }]);
      expect(await stream.next((event) => event.kind === "resync", 10_000)).toEqual({ kind: "resync", ticketId: null });
      const { ticket } = await seedTicket(db(), workspace.id);
      expect(await stream.next()).toEqual({ kind: "ticket", ticketId: ticket.id });
    },
  );
});
