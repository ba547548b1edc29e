import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard, trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { DELETE as deleteList } from "./[listId]/route";
import { GET as listLists, POST as createList } from "./route";

const db = useTestDatabase();

async function seedList(workspaceId: string, name: string, emails: string[] = []) {
  return db().contactList.create({
    data: { workspaceId, name, members: { create: emails.map((email) => ({ contact: { create: { workspaceId, email } } })) } },
  });
}

describe("GET|POST /api/v1/workspaces/:workspaceId/contact-lists", () => {
  it("lets owners create lists and members read them with their memberCount, by name", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    await seedList(b.workspace.id, "B's list");
    await seedList(a.workspace.id, "vip", ["one@example.com", "two@example.com"]);
    const params = { workspaceId: a.workspace.id };

    const created = await callRoute(createList, "POST", "/", { token: a.owner.token, params, body: { name: " Beta testers " } });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: expect.any(String), name: "Beta testers", memberCount: 0, createdAt: expect.any(String) });

    const list = await callRoute(listLists, "GET", "/", { token: a.member.token, params });
    expect(list.status).toBe(200);
    expect(list.json).toEqual([created.json, { id: expect.any(String), name: "vip", memberCount: 2, createdAt: expect.any(String) }]);
  });

  it("refuses members with 403, answers 409 for a taken name (any case) and 422 naming bad fields", async () => {
    const a = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    await seedList(a.workspace.id, "Partners");

    const asMember = await callRoute(createList, "POST", "/", { token: a.member.token, params, body: { name: "Mine" } });
    expect(asMember.status).toBe(403);
    expect(asMember.json.error.code).toBe("FORBIDDEN");
    const twin = await callRoute(createList, "POST", "/", { token: a.owner.token, params, body: { name: "PARTNERS" } });
    expect(twin.status).toBe(409);
    expect(twin.json.error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Partners") });
    const invalid = await callRoute(createList, "POST", "/", { token: a.owner.token, params, body: { name: 42 } });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.details.fields).toHaveProperty("name");
    expect(await db().contactList.count({ where: { workspaceId: a.workspace.id } })).toBe(1);
  });

  it("are guarded: 401 without a token, 404 for another workspace's token", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    await expectWorkspaceGuard(listLists, "GET", { params, outsiderToken: b.owner.token });
    await expectWorkspaceGuard(createList, "POST", { params, outsiderToken: b.owner.token, body: { name: "x" } });
    expect(await db().contactList.count({ where: { workspaceId: a.workspace.id } })).toBe(0);
  });
});

describe("DELETE /api/v1/workspaces/:workspaceId/contact-lists/:listId", () => {
  it("lets owners delete a list (its memberships, not its contacts); members get 403", async () => {
    const a = await seedWorkspace(db());
    const list = await seedList(a.workspace.id, "Old", ["keep@example.com"]);
    const params = { workspaceId: a.workspace.id, listId: list.id };

    expect((await callRoute(deleteList, "DELETE", "/", { token: a.member.token, params })).status).toBe(403);
    expect(await db().contactList.count({ where: { id: list.id } })).toBe(1);

    const res = await callRoute(deleteList, "DELETE", "/", { token: a.owner.token, params });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: list.id, deleted: true });
    expect(await db().contactList.count({ where: { id: list.id } })).toBe(0);
    expect(await db().contact.count({ where: { workspaceId: a.workspace.id, email: "keep@example.com" } })).toBe(1);
  });

  it("answers 409 naming the rules while automation rules reference the list", async () => {
    const a = await seedWorkspace(db());
    const list = await seedList(a.workspace.id, "Used");
    const other = await seedList(a.workspace.id, "Unused");
    const rule = (name: string, listId: string) =>
      db().automationRule.create({
        data: {
          workspaceId: a.workspace.id,
          name,
          event: "ticket_created",
          conditions: [{ type: "contact_list", operator: "in", list_id: listId }],
          actions: [],
        },
      });
    const first = await rule("Route VIPs", list.id);
    await rule("Unrelated", other.id);

    const res = await callRoute(deleteList, "DELETE", "/", { token: a.owner.token, params: { workspaceId: a.workspace.id, listId: list.id } });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Route VIPs"),
      details: { rules: [{ id: first.id, name: "Route VIPs" }] },
    });
    expect(await db().contactList.count({ where: { id: list.id } })).toBe(1);

    await db().automationRule.delete({ where: { id: first.id } });
    expect((await callRoute(deleteList, "DELETE", "/", { token: a.owner.token, params: { workspaceId: a.workspace.id, listId: list.id } })).status).toBe(200);
  });

  it("answers 404 for another workspace's list or a malformed id, and leaves it alone", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const theirs = await seedList(b.workspace.id, "Theirs");
    for (const listId of [theirs.id, "42"]) {
      const res = await callRoute(deleteList, "DELETE", "/", { token: a.owner.token, params: { workspaceId: a.workspace.id, listId } });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ error: { code: "NOT_FOUND", message: "Contact list not found" } });
    }
    expect(await db().contactList.count({ where: { id: theirs.id } })).toBe(1);
    await expectWorkspaceGuard(deleteList, "DELETE", { params: { workspaceId: b.workspace.id, listId: theirs.id }, outsiderToken: a.owner.token });
  });
});

describe("tRPC contactList router", () => {
  it("answers the same shapes as REST, with the same roles", async () => {
    const a = await seedWorkspace(db());
    const owner = trpcAs(db(), a.owner.user.id);
    const created = await owner.contactList.create({ workspaceSlug: a.workspace.slug, name: "Press" });
    const rest = await callRoute(listLists, "GET", "/", { token: a.member.token, params: { workspaceId: a.workspace.id } });
    expect(rest.json).toEqual([created]);
    expect(await trpcAs(db(), a.member.user.id).contactList.list({ workspaceSlug: a.workspace.slug })).toEqual(rest.json);
    await expect(trpcAs(db(), a.member.user.id).contactList.delete({ workspaceSlug: a.workspace.slug, listId: created.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await owner.contactList.delete({ workspaceSlug: a.workspace.slug, listId: created.id })).toEqual({ id: created.id, deleted: true });
  });
});
