import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedMember, seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard, trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { GET as listMembers } from "./route";

const db = useTestDatabase();

describe("GET /api/v1/workspaces/:workspaceId/members", () => {
  it("lists the workspace's members with their user id and role, owners first", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    // A member of both workspaces appears in each with that workspace's role.
    await db().membership.create({ data: { workspaceId: b.workspace.id, userId: a.member.user.id, role: "owner" } });
    const second = await seedMember(db(), a.workspace.id, "member", "aaa-second@example.test");

    const res = await callRoute(listMembers, "GET", "/", { token: a.member.token, params: { workspaceId: a.workspace.id } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual([
      { id: a.owner.user.id, email: a.owner.user.email, name: a.owner.user.name, role: "owner" },
      { id: second.user.id, email: "aaa-second@example.test", name: second.user.name, role: "member" },
      { id: a.member.user.id, email: a.member.user.email, name: a.member.user.name, role: "member" },
    ]);
    for (const member of res.json) expect(Object.keys(member).sort()).toEqual(["email", "id", "name", "role"]);
  });

  it("is guarded: 401 without a token, 404 for another workspace's token", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    await expectWorkspaceGuard(listMembers, "GET", { params: { workspaceId: a.workspace.id }, outsiderToken: b.member.token });
  });

  it("answers the same through tRPC", async () => {
    const a = await seedWorkspace(db());
    const rest = await callRoute(listMembers, "GET", "/", { token: a.owner.token, params: { workspaceId: a.workspace.id } });
    expect(await trpcAs(db(), a.member.user.id).member.list({ workspaceSlug: a.workspace.slug })).toEqual(rest.json);
    expect(rest.json).toHaveLength(2);
  });
});
