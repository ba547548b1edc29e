import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedMember, seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard, trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { seedTicket } from "@/test/tickets";
import { POST as applyRoute } from "./[macroId]/apply/route";
import { POST as previewRoute } from "./[macroId]/preview/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "./[macroId]/route";
import { GET as listRoute, POST as createRoute } from "./route";

const db = useTestDatabase();

async function seedEscalation(undoSendSeconds = 0) {
  const ws = await seedWorkspace(db(), { name: "Acme Support", undoSendSeconds });
  const workspaceId = ws.workspace.id;
  const agent = await seedMember(db(), workspaceId, "member");
  const saved = await db().savedReply.create({ data: { workspaceId, name: "On it", body: "Hi {{contact.name}}, #{{ticket.number}} is with our team." } });
  const first = (await seedTicket(db(), workspaceId, { subject: "Broken", from: "jo@example.com" })).ticket;
  const second = (await seedTicket(db(), workspaceId, { subject: "Also broken", from: "kim@example.com" })).ticket;
  const billing = await db().tag.create({ data: { workspaceId, name: "billing" } });
  await db().ticketTag.create({ data: { ticketId: first.id, tagId: billing.id } });
  const actions = [
    { type: "set_status", status: "pending" },
    { type: "set_priority", priority: "urgent" },
    { type: "assign", assigneeId: agent.user.id },
    { type: "add_tag", tag: "Escalated" },
    { type: "remove_tag", tag: "BILLING" },
    { type: "add_note", body: "Escalated #{{ticket.number}} for {{contact.email}}" },
    { type: "reply", savedReplyId: saved.id },
  ];
  const created = await callRoute(createRoute, "POST", "/", { token: ws.owner.token, params: { workspaceId }, body: { name: "Escalate", actions } });
  expect(created.status).toBe(201);
  return { ...ws, agent, first, second, macroId: created.json.id as string, params: { workspaceId, macroId: created.json.id as string } };
}

describe("POST /api/v1/workspaces/:workspaceId/macros/:macroId/apply", () => {
  it("applies a macro with five and more actions to two tickets in one call, one timeline entry per change", async () => {
    const fx = await seedEscalation(30);
    const ticketIds = [fx.first.id, fx.second.id];
    const applied = await callRoute(applyRoute, "POST", "/", { token: fx.member.token, params: fx.params, body: { ticketIds } });
    expect(applied.status).toBe(200);
    expect(applied.json.applied).toBe(true);
    const [first, second] = applied.json.tickets;
    expect(first.changes.map((c: { type: string }) => c.type)).toEqual(["set_status", "set_priority", "assign", "add_tag", "remove_tag", "add_note", "reply"]);
    // The second ticket never carried "billing": nothing to remove.
    expect(second.changes.map((c: { type: string }) => c.type)).toEqual(["set_status", "set_priority", "assign", "add_tag", "add_note", "reply"]);
    expect(first.changes.at(-1)).toEqual({ type: "reply", to: "jo@example.com", text: `Hi , #${fx.first.ticketNumber} is with our team.` });

    for (const [ticket, removed] of [
      [fx.first, true],
      [fx.second, false],
    ] as const) {
      const row = await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, include: { tags: { include: { tag: true } } } });
      expect(row).toMatchObject({ status: "pending", priority: "urgent", assigneeId: fx.agent.user.id });
      expect(row.tags.map((t) => t.tag.name)).toEqual(["Escalated"]);
      const events = await db().activityEvent.findMany({ where: { ticketId: ticket.id, type: { not: "created" } }, orderBy: { createdAt: "asc" } });
      const types = events.map((e) => e.type).sort();
      expect(types).toEqual(["assigned", "note_added", "priority_changed", "replied", "status_changed", "tagged", ...(removed ? ["tagged"] : [])].sort());
      const messages = (await db().message.findMany({ where: { ticketId: ticket.id, direction: { not: "inbound" } } })).sort((a, b) =>
        a.direction.localeCompare(b.direction),
      );
      expect(messages.map((m) => m.direction)).toEqual(["note", "outbound"]);
      expect(messages[0]!.bodyText).toBe(`Escalated #${ticket.ticketNumber} for ${ticket.id === fx.first.id ? "jo" : "kim"}@example.com`);
      // The reply waits the undo window, as an agent's does.
      expect(messages[1]!.scheduledSendAt).not.toBeNull();
    }

    const again = await callRoute(applyRoute, "POST", "/", { token: fx.member.token, params: fx.params, body: { ticketIds: [fx.first.id] } });
    expect(again.json.tickets[0].changes.map((c: { type: string }) => c.type)).toEqual(["add_note", "reply"]);
  });

  it("changes nothing when an action fails part-way (one transaction)", async () => {
    const fx = await seedEscalation();
    await db().membership.deleteMany({ where: { workspaceId: fx.workspace.id, userId: fx.agent.user.id } });
    const failed = await callRoute(applyRoute, "POST", "/", { token: fx.member.token, params: fx.params, body: { ticketIds: [fx.first.id, fx.second.id] } });
    expect(failed.status).toBe(422);
    expect(await db().ticket.count({ where: { id: { in: [fx.first.id, fx.second.id] }, status: "open", priority: "normal" } })).toBe(2);
    expect(await db().activityEvent.count({ where: { ticketId: { in: [fx.first.id, fx.second.id] }, type: { not: "created" } } })).toBe(0);
  });

  it("previews the changes per ticket without making them, and skips merged tickets and unknown ids", async () => {
    const fx = await seedEscalation();
    await db().ticket.update({ where: { id: fx.second.id }, data: { status: "merged" } });
    const other = await seedWorkspace(db());
    const theirs = (await seedTicket(db(), other.workspace.id)).ticket;
    const preview = await callRoute(previewRoute, "POST", "/", {
      token: fx.member.token,
      params: fx.params,
      body: { ticketIds: [fx.first.id, fx.second.id, theirs.id] },
    });
    expect(preview.status).toBe(200);
    expect(preview.json.applied).toBe(false);
    expect(preview.json.tickets.map((t: { skipped: string | null }) => t.skipped)).toEqual([null, "merged", "not_found"]);
    expect(preview.json.tickets[0].changes.slice(0, 2)).toEqual([
      { type: "set_status", from: "open", to: "pending" },
      { type: "set_priority", from: "normal", to: "urgent" },
    ]);
    expect(preview.json.tickets[0].changes).toHaveLength(7);
    expect(await db().ticket.findUniqueOrThrow({ where: { id: fx.first.id } })).toMatchObject({ status: "open", priority: "normal", assigneeId: null });
    expect(await db().activityEvent.count({ where: { ticketId: fx.first.id, type: { not: "created" } } })).toBe(0);
    expect(await db().message.count({ where: { ticketId: fx.first.id } })).toBe(1);
    expect(await db().tag.count({ where: { workspaceId: fx.workspace.id, name: "Escalated" } })).toBe(0);

    expect((await callRoute(previewRoute, "POST", "/", { token: fx.member.token, params: fx.params, body: { ticketIds: [] } })).status).toBe(422);
  });
});

describe("macros CRUD", () => {
  it("lets owners manage macros; members list and apply them but get 403 on writes", async () => {
    const fx = await seedEscalation();
    const { workspaceId } = fx.params;
    const body = { name: "Close", actions: [{ type: "set_status", status: "closed" }] };
    expect((await callRoute(createRoute, "POST", "/", { token: fx.member.token, params: { workspaceId }, body })).status).toBe(403);
    expect((await callRoute(patchRoute, "PATCH", "/", { token: fx.member.token, params: fx.params, body: { name: "Mine" } })).status).toBe(403);
    expect((await callRoute(deleteRoute, "DELETE", "/", { token: fx.member.token, params: fx.params })).status).toBe(403);

    const list = await callRoute(listRoute, "GET", "/", { token: fx.member.token, params: { workspaceId } });
    expect(list.json).toEqual([expect.objectContaining({ id: fx.macroId, name: "Escalate" })]);
    const renamed = await callRoute(patchRoute, "PATCH", "/", { token: fx.owner.token, params: fx.params, body: { name: "Escalate now" } });
    expect(renamed.json).toMatchObject({ name: "Escalate now", actions: list.json[0].actions });
    expect((await callRoute(deleteRoute, "DELETE", "/", { token: fx.owner.token, params: fx.params })).json).toEqual({ id: fx.macroId, deleted: true });
  });

  it("answers 422 for bad actions or references, and 404 for another workspace's macro", async () => {
    const fx = await seedEscalation();
    const { workspaceId } = fx.params;
    const personal = await db().savedReply.create({ data: { workspaceId, ownerUserId: fx.owner.user.id, name: "Mine", body: "x" } });
    const stranger = await seedWorkspace(db());
    for (const [actions, field] of [
      [[], "actions"],
      [[{ type: "set_status", status: "merged" }], "actions.0.status"],
      [[{ type: "reply", savedReplyId: personal.id }], "actions.0.savedReplyId"],
      [
        [
          { type: "add_tag", tag: "x" },
          { type: "assign", assigneeId: stranger.owner.user.id },
        ],
        "actions.1.assigneeId",
      ],
    ] as const) {
      const res = await callRoute(createRoute, "POST", "/", { token: fx.owner.token, params: { workspaceId }, body: { name: "Bad", actions } });
      expect(res.status, field).toBe(422);
      expect(Object.keys(res.json.error.details.fields)).toContain(field);
    }
    const theirs = await db().macro.create({
      data: { workspaceId: stranger.workspace.id, name: "Theirs", actions: [{ type: "set_status", status: "closed" }] },
    });
    const params = { workspaceId, macroId: theirs.id };
    expect((await callRoute(applyRoute, "POST", "/", { token: fx.owner.token, params, body: { ticketIds: [fx.first.id] } })).status).toBe(404);
    expect((await callRoute(patchRoute, "PATCH", "/", { token: fx.owner.token, params, body: { name: "Mine" } })).status).toBe(404);
    await expectWorkspaceGuard(applyRoute, "POST", { params: fx.params, outsiderToken: stranger.owner.token, body: { ticketIds: [fx.first.id] } });
    await expectWorkspaceGuard(listRoute, "GET", { params: { workspaceId }, outsiderToken: stranger.owner.token });
    expect(await db().ticket.findUniqueOrThrow({ where: { id: fx.first.id } })).toMatchObject({ status: "open" });
  });

  it("tRPC answers as REST does", async () => {
    const fx = await seedEscalation();
    const member = trpcAs(db(), fx.member.user.id);
    const workspaceSlug = fx.workspace.slug;
    const rest = await callRoute(listRoute, "GET", "/", { token: fx.member.token, params: { workspaceId: fx.workspace.id } });
    expect(await member.macro.list({ workspaceSlug })).toEqual(rest.json);
    const preview = await member.macro.preview({ workspaceSlug, macroId: fx.macroId, ticketIds: [fx.first.id] });
    const applied = await member.macro.applyToTickets({ workspaceSlug, macroId: fx.macroId, ticketIds: [fx.first.id] });
    expect(applied.tickets).toEqual(preview.tickets);
    await expect(member.macro.delete({ workspaceSlug, macroId: fx.macroId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
