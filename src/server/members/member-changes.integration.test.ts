import { describe, expect, it } from "vitest";
import { GET as listWorkspacesRoute } from "@/app/api/v1/workspaces/route";
import { verifyCredentials } from "@/server/auth/credentials";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { seedMember, seedWorkspace } from "@/test/factories";
import { trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";

const db = useTestDatabase();

describe("inviting, re-roling and removing members", () => {
  it("adds an existing user without touching their password, and creates an account with a password shown once", async () => {
    const ws = await seedWorkspace(db());
    const other = await seedWorkspace(db());
    const owner = trpcAs(db(), ws.owner.user.id);
    const workspaceSlug = ws.workspace.slug;

    const existing = await owner.member.invite({ workspaceSlug, email: ` ${other.owner.user.email.toUpperCase()} ` });
    expect(existing).toEqual({
      member: { id: other.owner.user.id, email: other.owner.user.email, name: other.owner.user.name, role: "member" },
      initialPassword: null,
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: other.owner.user.id } })).passwordHash).toBe(other.owner.user.passwordHash);

    const created = await owner.member.invite({ workspaceSlug, email: "new.agent@example.test", name: "New Agent", role: "owner" });
    expect(created.member).toMatchObject({ email: "new.agent@example.test", name: "New Agent", role: "owner" });
    expect(created.initialPassword).toMatch(/^[\w-]{16}$/);
    expect(await verifyCredentials(db(), "new.agent@example.test", created.initialPassword!)).toMatchObject({ id: created.member.id });
    expect((await db().user.findUniqueOrThrow({ where: { id: created.member.id } })).passwordHash).not.toContain(created.initialPassword);

    await expect(owner.member.invite({ workspaceSlug, email: "new.agent@example.test" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "new.agent@example.test is already a member of this workspace",
    });
    await expect(owner.member.invite({ workspaceSlug, email: "not an email" })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      cause: { details: { fields: { email: expect.any(String) } } },
    });
    expect((await owner.member.list({ workspaceSlug })).map((m) => m.email).sort()).toEqual(
      [ws.owner.user.email, ws.member.user.email, other.owner.user.email, "new.agent@example.test"].sort(),
    );
  });

  it("changes roles and removes members, revoking their tokens for the workspace", async () => {
    const ws = await seedWorkspace(db());
    const owner = trpcAs(db(), ws.owner.user.id);
    const workspaceSlug = ws.workspace.slug;
    expect(await owner.member.changeRole({ workspaceSlug, userId: ws.member.user.id, role: "owner" })).toMatchObject({ role: "owner" });
    // Now an owner, the former member may demote the first owner.
    await trpcAs(db(), ws.member.user.id).member.changeRole({ workspaceSlug, userId: ws.owner.user.id, role: "member" });
    await expect(owner.member.list({ workspaceSlug })).resolves.toContainEqual(expect.objectContaining({ id: ws.owner.user.id, role: "member" }));

    const boss = trpcAs(db(), ws.member.user.id);
    expect(await boss.member.remove({ workspaceSlug, userId: ws.owner.user.id })).toEqual({ id: ws.owner.user.id, removed: true });
    const rest = await callRoute(listWorkspacesRoute, "GET", "/api/v1/workspaces", { token: ws.owner.token });
    expect(rest.status).toBe(401);
    await expect(boss.member.remove({ workspaceSlug, userId: ws.owner.user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(boss.member.changeRole({ workspaceSlug, userId: "nope", role: "owner" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never leaves a workspace without an owner: demoting or removing the last one is a 409", async () => {
    const ws = await seedWorkspace(db());
    const owner = trpcAs(db(), ws.owner.user.id);
    const workspaceSlug = ws.workspace.slug;
    const lastOwner = { code: "CONFLICT", message: expect.stringMatching(/^The last owner cannot be (demoted|removed)/) };
    await expect(owner.member.changeRole({ workspaceSlug, userId: ws.owner.user.id, role: "member" })).rejects.toMatchObject(lastOwner);
    await expect(owner.member.remove({ workspaceSlug, userId: ws.owner.user.id })).rejects.toMatchObject(lastOwner);
    // Making the last owner an owner again changes nothing and is allowed.
    expect(await owner.member.changeRole({ workspaceSlug, userId: ws.owner.user.id, role: "owner" })).toMatchObject({ role: "owner" });
    expect(await db().membership.count({ where: { workspaceId: ws.workspace.id, role: "owner" } })).toBe(1);
  });

  it.runIf(hasConcurrentConnections)(
    "lets only one of two concurrent demotions of the last two owners through (PostgreSQL: needs several connections)",
    async () => {
      for (let round = 0; round < 3; round++) {
        const ws = await seedWorkspace(db());
        const second = await seedMember(db(), ws.workspace.id, "member");
        await db().membership.update({ where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: second.user.id } }, data: { role: "owner" } });
        const workspaceSlug = ws.workspace.slug;
        const results = await Promise.allSettled([
          trpcAs(db(), ws.owner.user.id).member.changeRole({ workspaceSlug, userId: second.user.id, role: "member" }),
          trpcAs(db(), second.user.id).member.changeRole({ workspaceSlug, userId: ws.owner.user.id, role: "member" }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
        expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
        expect(await db().membership.count({ where: { workspaceId: ws.workspace.id, role: "owner" } })).toBe(1);
      }
    },
  );
});
