import { describe, expect, it } from "vitest";
import { POST as bulkRoute } from "@/app/api/v1/workspaces/[workspaceId]/tickets/bulk/route";
import { createCaller } from "@/server/api/root";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { callRoute } from "@/test/http";
import { seedTicket } from "@/test/tickets";

const db = useTestDatabase();

async function seedTickets(count: number) {
  const ws = await seedWorkspace(db());
  const tickets = [];
  for (let i = 0; i < count; i++) tickets.push((await seedTicket(db(), ws.workspace.id, { subject: `Ticket ${i}`, from: `c${i}@customer.test` })).ticket);
  const trpc = createCaller({ db: db(), caller: { kind: "session", userId: ws.member.user.id } });
  return { ws, tickets, ids: tickets.map((ticket) => ticket.id), trpc, workspaceSlug: ws.workspace.slug };
}

const tagNames = async (ticketId: string) => (await db().ticketTag.findMany({ where: { ticketId }, include: { tag: true } })).map((row) => row.tag.name).sort();
const timeline = (ticketId: string, type: string) => db().activityEvent.findMany({ where: { ticketId, type }, orderBy: { createdAt: "asc" } });

describe("bulkUpdateTickets", () => {
  it("closes many tickets in one call, one timeline entry each, skipping closed, merged and unknown ones", async () => {
    const { ws, tickets, ids, trpc, workspaceSlug } = await seedTickets(4);
    const [a, b, closed, merged] = tickets as [(typeof tickets)[0], (typeof tickets)[0], (typeof tickets)[0], (typeof tickets)[0]];
    await db().ticket.update({ where: { id: closed.id }, data: { status: "closed" } });
    await db().ticket.update({ where: { id: merged.id }, data: { status: "merged", mergedIntoId: a.id } });
    await db().ticket.update({ where: { id: b.id }, data: { status: "pending", closureScheduledAt: new Date(Date.now() + 86_400_000) } });
    const other = await seedTickets(1);
    const unknown = crypto.randomUUID();

    const result = await trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: [...ids, other.ids[0]!, unknown], action: { type: "close" } });
    expect(result.changed.sort()).toEqual([a.id, b.id].sort());
    expect(result.unchanged).toEqual([closed.id]);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { ticketId: merged.id, reason: "merged" },
        { ticketId: other.ids[0], reason: "not_found" },
        { ticketId: unknown, reason: "not_found" },
      ]),
    );
    expect(result.skipped).toHaveLength(3);

    const after = await db().ticket.findMany({ where: { id: { in: ids } } });
    expect(Object.fromEntries(after.map((t) => [t.id, t.status]))).toEqual({
      [a.id]: "closed",
      [b.id]: "closed",
      [closed.id]: "closed",
      [merged.id]: "merged",
    });
    expect(after.find((t) => t.id === b.id)?.closureScheduledAt).toBeNull();
    expect((await timeline(b.id, "status_changed")).map((e) => [e.actorUserId, e.data])).toEqual([
      [ws.member.user.id, { from: "pending", to: "closed", reason: null }],
    ]);
    expect(await timeline(closed.id, "status_changed")).toEqual([]);
    // Another workspace's ticket is untouched.
    expect((await db().ticket.findUniqueOrThrow({ where: { id: other.ids[0]! } })).status).toBe("open");
  });

  it("reopens pending and closed tickets in one call, cancelling a scheduled closure, and leaves open and merged ones", async () => {
    const { ws, tickets, ids, trpc, workspaceSlug } = await seedTickets(4);
    const [open, pending, closed, merged] = tickets as [(typeof tickets)[0], (typeof tickets)[0], (typeof tickets)[0], (typeof tickets)[0]];
    await db().ticket.update({ where: { id: pending.id }, data: { status: "pending", closureScheduledAt: new Date(Date.now() + 86_400_000) } });
    await db().ticket.update({ where: { id: closed.id }, data: { status: "closed" } });
    await db().ticket.update({ where: { id: merged.id }, data: { status: "merged", mergedIntoId: open.id } });

    const result = await trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: ids, action: { type: "reopen" } });
    expect(result.changed.sort()).toEqual([pending.id, closed.id].sort());
    expect(result.unchanged).toEqual([open.id]);
    expect(result.skipped).toEqual([{ ticketId: merged.id, reason: "merged" }]);
    const after = new Map((await db().ticket.findMany({ where: { id: { in: ids } } })).map((t) => [t.id, t]));
    expect([...after.values()].map((t) => [t.id, t.status]).sort()).toEqual(
      [
        [open.id, "open"],
        [pending.id, "open"],
        [closed.id, "open"],
        [merged.id, "merged"],
      ].sort(),
    );
    expect(after.get(pending.id)!.closureScheduledAt).toBeNull();
    expect((await timeline(closed.id, "status_changed")).map((e) => [e.actorUserId, e.data])).toEqual([
      [ws.member.user.id, { from: "closed", to: "open", reason: null }],
    ]);
  });

  it("assigns and unassigns, and refuses an assignee who is not a member with 422 and no change", async () => {
    const { ws, ids, trpc, workspaceSlug } = await seedTickets(3);
    const assigned = await trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: ids, action: { type: "assign", assigneeId: ws.owner.user.id } });
    expect(assigned.changed).toHaveLength(3);
    expect(await db().ticket.count({ where: { id: { in: ids }, assigneeId: ws.owner.user.id } })).toBe(3);
    expect((await timeline(ids[0]!, "assigned")).map((e) => e.data)).toEqual([{ from: null, to: ws.owner.user.id }]);

    const outsider = await seedWorkspace(db());
    await expect(
      trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: ids, action: { type: "assign", assigneeId: outsider.owner.user.id } }),
    ).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: "The assignee must be a member of the workspace",
    });
    expect(await db().ticket.count({ where: { id: { in: ids }, assigneeId: ws.owner.user.id } })).toBe(3);

    const unassigned = await trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: ids, action: { type: "assign", assigneeId: null } });
    expect(unassigned.changed).toHaveLength(3);
    expect(await db().ticket.count({ where: { id: { in: ids }, assigneeId: null } })).toBe(3);
  });

  it("adds and removes one tag without touching a ticket's other tags, even ones set after the inbox loaded", async () => {
    const { ids, trpc, workspaceSlug } = await seedTickets(2);
    const [first, second] = ids as [string, string];
    await trpc.ticket.update({ workspaceSlug, ticketId: first, tags: ["billing"] });
    // The inbox showed `first` with [billing]; meanwhile another agent tags it `vip`.
    await trpc.ticket.update({ workspaceSlug, ticketId: first, tags: ["billing", "vip"] });

    const added = await trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: ids, action: { type: "add_tag", tag: "Urgent" } });
    expect(added.changed.sort()).toEqual([...ids].sort());
    expect(await tagNames(first)).toEqual(["Urgent", "billing", "vip"]);
    expect(await tagNames(second)).toEqual(["Urgent"]);
    expect((await timeline(second, "tagged")).map((e) => e.data)).toEqual([{ added: ["Urgent"], removed: [] }]);
    // Adding it again changes nothing; the name matches case-insensitively.
    expect(await trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: ids, action: { type: "add_tag", tag: "urgent" } })).toMatchObject({
      changed: [],
      unchanged: expect.arrayContaining(ids),
    });

    const removed = await trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: ids, action: { type: "remove_tag", tag: "URGENT" } });
    expect(removed.changed.sort()).toEqual([...ids].sort());
    expect(await tagNames(first)).toEqual(["billing", "vip"]);
    expect(await tagNames(second)).toEqual([]);
    expect(await trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: ids, action: { type: "remove_tag", tag: "never-made" } })).toMatchObject({ changed: [] });
  });

  it("is POST /tickets/bulk on REST, with 422 naming the field for a bad body and 404 for another workspace", async () => {
    const { ws, ids } = await seedTickets(2);
    const params = { workspaceId: ws.workspace.id };
    const ok = await callRoute(bulkRoute, "POST", "/", { token: ws.member.token, params, body: { ticketIds: ids, action: { type: "add_tag", tag: "vip" } } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ changed: expect.arrayContaining(ids), unchanged: [], skipped: [] });

    const bad = await callRoute(bulkRoute, "POST", "/", { token: ws.member.token, params, body: { ticketIds: ["nope"], action: { type: "explode" } } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.details.fields)).toEqual(expect.arrayContaining(["ticketIds.0", "action.type"]));
    const empty = await callRoute(bulkRoute, "POST", "/", { token: ws.member.token, params, body: { ticketIds: [], action: { type: "close" } } });
    expect(empty.status).toBe(422);

    const outsider = await seedWorkspace(db());
    const foreign = await callRoute(bulkRoute, "POST", "/", { token: outsider.owner.token, params, body: { ticketIds: ids, action: { type: "close" } } });
    expect(foreign.status).toBe(404);
    expect(await db().ticket.count({ where: { id: { in: ids }, status: "closed" } })).toBe(0);
  });
});

// Two agents' bulk actions over overlapping selections at the same moment: each ticket locked in id
// order, so neither deadlocks nor loses the other's change.
describe.runIf(hasConcurrentConnections)("bulkUpdateTickets at the same time (PostgreSQL: needs several connections)", () => {
  it("applies both overlapping bulk tag actions to every ticket", async () => {
    const { ids, trpc, workspaceSlug } = await seedTickets(30);
    const reversed = [...ids].reverse();
    await Promise.all([
      trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: ids, action: { type: "add_tag", tag: "one" } }),
      trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: reversed, action: { type: "add_tag", tag: "two" } }),
      trpc.ticket.bulkUpdate({ workspaceSlug, ticketIds: ids.slice(10), action: { type: "close" } }),
    ]);
    for (const id of ids) expect(await tagNames(id)).toEqual(["one", "two"]);
    expect(await db().ticket.count({ where: { id: { in: ids }, status: "closed" } })).toBe(20);
  });
});
