// Saved views: shared (owners) and personal, each with its live count for the caller; the list's
// mailbox and unread filters they use.
import { describe, expect, it } from "vitest";
import { GET as listViewsRoute, POST as createViewRoute } from "@/app/api/v1/workspaces/[workspaceId]/views/route";
import { DELETE as deleteViewRoute, PATCH as updateViewRoute } from "@/app/api/v1/workspaces/[workspaceId]/views/[viewId]/route";
import { markTicketRead } from "@/server/tickets/read-state";
import { listTickets } from "@/server/tickets/tickets.service";
import { accessFor } from "@/test/access";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { seedInboundWorkspace } from "@/test/inbound";
import { seedTicket } from "@/test/tickets";
import { createView, deleteView, listViews, updateView } from "./saved-views";

describe("saved views", () => {
  const db = useTestDatabase();

  async function seed() {
    const ws = await seedInboundWorkspace(db());
    const workspaceId = ws.workspace.id;
    const owner = await accessFor(db(), workspaceId, ws.owner.user.id);
    const member = await accessFor(db(), workspaceId, ws.member.user.id);
    const viaTeam = await seedTicket(db(), workspaceId, { subject: "Team question" });
    await db().ticket.update({ where: { id: viaTeam.ticket.id }, data: { mailboxId: ws.inboxMailbox.id } });
    const urgent = await seedTicket(db(), workspaceId, { subject: "Server down" });
    await db().ticket.update({ where: { id: urgent.ticket.id }, data: { priority: "urgent", mailboxId: ws.ticketMailbox.id } });
    return { ws, owner, member, viaTeam: viaTeam.ticket, urgent: urgent.ticket };
  }

  it("lists shared views and the caller's own with their counts, and hides another member's own", async () => {
    const { ws, owner, member } = await seed();
    await createView(db(), owner, { name: "Urgent", shared: true, filters: { tab: "open", priority: ["urgent"] } });
    await createView(db(), owner, { name: "Owner's team inbox", filters: { tab: "all", mailbox: ws.inboxMailbox.id } });
    await createView(db(), member, { name: "Team inbox", filters: { tab: "open", mailbox: ws.inboxMailbox.id } });

    const seen = await listViews(db(), member);
    expect(seen.map((v) => [v.name, v.shared, v.count])).toEqual([
      ["Urgent", true, 1],
      ["Team inbox", false, 1],
    ]);
    expect((await listViews(db(), owner)).map((v) => v.name)).toEqual(["Urgent", "Owner's team inbox"]);
  });

  it("counts unread per caller: a customer's message after the caller's last visit", async () => {
    const { ws, owner, member, urgent } = await seed();
    const unread = await createView(db(), owner, { name: "Unread", shared: true, filters: { tab: "open", unread: true } });
    expect(unread.count).toBe(0);
    await markTicketRead(db(), member, urgent.id);
    await db().ticket.update({ where: { id: urgent.id }, data: { lastCustomerMessageAt: new Date(Date.now() + 60_000) } });
    expect((await listViews(db(), member)).find((v) => v.id === unread.id)!.count).toBe(1);
    expect((await listViews(db(), owner)).find((v) => v.id === unread.id)!.count).toBe(0);
    expect((await listTickets(db(), member, { unread: true })).tickets.map((t) => t.subject)).toEqual(["Server down"]);
    expect((await listTickets(db(), member, { mailbox: ws.inboxMailbox.id })).tickets.map((t) => t.subject)).toEqual(["Team question"]);
  });

  it("keeps shared views to owners and personal views to their owner", async () => {
    const { owner, member } = await seed();
    await expect(createView(db(), member, { name: "Everyone's", shared: true, filters: { tab: "open" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const shared = await createView(db(), owner, { name: "Shared", shared: true, filters: { tab: "open" } });
    await expect(updateView(db(), member, shared.id, { name: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteView(db(), member, shared.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const own = await createView(db(), member, { name: "Mine", filters: { tab: "pending" } });
    await expect(updateView(db(), owner, own.id, { name: "Taken" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await updateView(db(), member, own.id, { name: "Still mine", filters: { tab: "closed" } })).filters.tab).toBe("closed");
    expect(await deleteView(db(), member, own.id)).toEqual({ id: own.id, deleted: true });
    await expect(deleteView(db(), member, own.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers REST with 201, 422 for a bad filter, 404 for another workspace's view", async () => {
    const { ws } = await seed();
    const other = await seedInboundWorkspace(db());
    const params = { workspaceId: ws.workspace.id };
    const created = await callRoute(createViewRoute, "POST", "/", {
      token: ws.member.token,
      params,
      body: { name: "Mine", filters: { tab: "open", priority: ["high"] } },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    expect((await callRoute(createViewRoute, "POST", "/", { token: ws.member.token, params, body: { name: "Bad", filters: { tab: "nope" } } })).status).toBe(
      422,
    );
    expect(
      (await callRoute(createViewRoute, "POST", "/", { token: ws.member.token, params, body: { name: "Shared", shared: true, filters: {} } })).status,
    ).toBe(403);
    const listed = await callRoute(listViewsRoute, "GET", "/", { token: ws.member.token, params });
    expect((listed.json as { name: string; count: number }[]).map((v) => [v.name, v.count])).toEqual([["Mine", 0]]);

    const foreign = { workspaceId: other.workspace.id, viewId: id };
    expect((await callRoute(updateViewRoute, "PATCH", "/", { token: other.member.token, params: foreign, body: { name: "x" } })).status).toBe(404);
    expect((await callRoute(deleteViewRoute, "DELETE", "/", { token: other.member.token, params: foreign })).status).toBe(404);
    expect((await callRoute(updateViewRoute, "PATCH", "/", { token: ws.member.token, params: { ...params, viewId: id }, body: { name: "" } })).status).toBe(
      422,
    );
    expect((await callRoute(deleteViewRoute, "DELETE", "/", { token: ws.member.token, params: { ...params, viewId: id } })).status).toBe(200);
  });
});
