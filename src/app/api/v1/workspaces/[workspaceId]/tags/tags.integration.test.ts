import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard, trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { DELETE as deleteTag } from "./[tagId]/route";
import { GET as listTags, POST as createTag } from "./route";

const db = useTestDatabase();

describe("GET|POST /api/v1/workspaces/:workspaceId/tags", () => {
  it("lets any member create tags and lists the workspace's own tags by name", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    await db().tag.create({ data: { workspaceId: b.workspace.id, name: "B only" } });
    const params = { workspaceId: a.workspace.id };

    const urgent = await callRoute(createTag, "POST", "/", { token: a.member.token, params, body: { name: " Urgent ", color: "#FF0000" } });
    expect(urgent.status).toBe(201);
    expect(urgent.json).toEqual({ id: expect.any(String), name: "Urgent", color: "#ff0000", createdAt: expect.any(String) });
    const billing = await callRoute(createTag, "POST", "/", { token: a.owner.token, params, body: { name: "billing" } });
    expect(billing.json).toMatchObject({ name: "billing", color: "#64748b" });

    const list = await callRoute(listTags, "GET", "/", { token: a.member.token, params });
    expect(list.status).toBe(200);
    expect(list.json).toEqual([billing.json, urgent.json]);
  });

  it("answers 409 for a name the workspace already has, in any case, and 422 naming bad fields", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    await db().tag.create({ data: { workspaceId: b.workspace.id, name: "VIP" } });
    const params = { workspaceId: a.workspace.id };
    expect((await callRoute(createTag, "POST", "/", { token: a.member.token, params, body: { name: "VIP" } })).status).toBe(201);

    for (const name of ["VIP", "vip"]) {
      const twin = await callRoute(createTag, "POST", "/", { token: a.member.token, params, body: { name } });
      expect(twin.status).toBe(409);
      expect(twin.json.error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("VIP") });
    }
    // `_` is no wildcard: "V_P" is a name of its own.
    expect((await callRoute(createTag, "POST", "/", { token: a.member.token, params, body: { name: "V_P" } })).status).toBe(201);
    const invalid = await callRoute(createTag, "POST", "/", { token: a.member.token, params, body: { name: " ", color: "red" } });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details.fields).sort()).toEqual(["color", "name"]);
    expect(await db().tag.count({ where: { workspaceId: a.workspace.id } })).toBe(2);
  });

  it("are guarded: 401 without a token, 404 for another workspace's token", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    await expectWorkspaceGuard(listTags, "GET", { params, outsiderToken: b.owner.token });
    await expectWorkspaceGuard(createTag, "POST", { params, outsiderToken: b.owner.token, body: { name: "x" } });
    expect(await db().tag.count({ where: { workspaceId: a.workspace.id } })).toBe(0);
  });
});

describe("DELETE /api/v1/workspaces/:workspaceId/tags/:tagId", () => {
  it("lets owners delete a tag (and untag its tickets), refuses members with 403", async () => {
    const a = await seedWorkspace(db());
    const tag = await db().tag.create({ data: { workspaceId: a.workspace.id, name: "Spam" } });
    const params = { workspaceId: a.workspace.id, tagId: tag.id };

    const asMember = await callRoute(deleteTag, "DELETE", "/", { token: a.member.token, params });
    expect(asMember.status).toBe(403);
    expect(asMember.json.error.code).toBe("FORBIDDEN");
    expect(await db().tag.count({ where: { id: tag.id } })).toBe(1);

    const asOwner = await callRoute(deleteTag, "DELETE", "/", { token: a.owner.token, params });
    expect(asOwner.status).toBe(200);
    expect(asOwner.json).toEqual({ id: tag.id, deleted: true });
    expect(await db().tag.count({ where: { id: tag.id } })).toBe(0);

    const again = await callRoute(deleteTag, "DELETE", "/", { token: a.owner.token, params });
    expect(again.status).toBe(404);
  });

  it("answers 404 for another workspace's tag or a malformed id, and leaves it alone", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const theirs = await db().tag.create({ data: { workspaceId: b.workspace.id, name: "Theirs" } });
    for (const tagId of [theirs.id, "not-a-uuid"]) {
      const res = await callRoute(deleteTag, "DELETE", "/", { token: a.owner.token, params: { workspaceId: a.workspace.id, tagId } });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ error: { code: "NOT_FOUND", message: "Tag not found" } });
    }
    expect(await db().tag.count({ where: { id: theirs.id } })).toBe(1);
    await expectWorkspaceGuard(deleteTag, "DELETE", { params: { workspaceId: b.workspace.id, tagId: theirs.id }, outsiderToken: a.owner.token });
  });
});

describe("tRPC tag router", () => {
  it("answers the same shapes as REST, with the same roles", async () => {
    const a = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    const member = trpcAs(db(), a.member.user.id);
    const created = await member.tag.create({ workspaceSlug: a.workspace.slug, name: "Refund", color: "#00AA00" });
    const rest = await callRoute(listTags, "GET", "/", { token: a.member.token, params });
    expect(await member.tag.list({ workspaceSlug: a.workspace.slug })).toEqual(rest.json);
    expect(rest.json).toEqual([created]);

    await expect(member.tag.delete({ workspaceSlug: a.workspace.slug, tagId: created.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const owner = trpcAs(db(), a.owner.user.id);
    expect(await owner.tag.delete({ workspaceSlug: a.workspace.slug, tagId: created.id })).toEqual({ id: created.id, deleted: true });
  });
});
