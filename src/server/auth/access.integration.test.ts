import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { requireOwner, resolveWorkspaceAccess } from "./access";
import { callerFromApiToken } from "./api-tokens";
import { resolveCaller } from "./caller";
import { sessionCookie } from "@/test/factories";

const db = useTestDatabase();

describe("resolveWorkspaceAccess", () => {
  it("grants members their role and refuses the rest with the right error", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const member = { kind: "session" as const, userId: a.member.user.id };

    const access = await resolveWorkspaceAccess(db(), member, { id: a.workspace.id });
    expect(access).toMatchObject({ role: "member", workspace: { id: a.workspace.id }, user: { id: a.member.user.id } });
    expect((await resolveWorkspaceAccess(db(), member, { slug: a.workspace.slug })).workspace.id).toBe(a.workspace.id);

    await expect(resolveWorkspaceAccess(db(), null, { id: a.workspace.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(resolveWorkspaceAccess(db(), member, { id: b.workspace.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resolveWorkspaceAccess(db(), member, { id: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(() => requireOwner(access)).toThrow(expect.objectContaining({ code: "FORBIDDEN", message: "Only workspace owners can do this" }));
    const owner = { kind: "session" as const, userId: a.owner.user.id };
    const ownerAccess = await resolveWorkspaceAccess(db(), owner, { id: a.workspace.id });
    expect(ownerAccess.role).toBe("owner");
    expect(() => requireOwner(ownerAccess)).not.toThrow();
  });

  it("lets a token open only the workspace it was made for, even when its user belongs to others", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    await db().membership.create({ data: { workspaceId: b.workspace.id, userId: a.owner.user.id, role: "owner" } });
    const caller = { kind: "token" as const, ...(await callerFromApiToken(db(), a.owner.token)) };
    expect((await resolveWorkspaceAccess(db(), caller, { id: a.workspace.id })).role).toBe("owner");
    await expect(resolveWorkspaceAccess(db(), caller, { id: b.workspace.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("resolveCaller", () => {
  it("reads a bearer token, a session cookie, or nothing", async () => {
    const a = await seedWorkspace(db());
    const viaToken = await resolveCaller(db(), new Headers({ authorization: `Bearer ${a.member.token}` }));
    expect(viaToken).toMatchObject({ kind: "token", userId: a.member.user.id, workspaceId: a.workspace.id });

    const viaSession = await resolveCaller(db(), new Headers({ cookie: await sessionCookie(a.owner.user.id) }));
    expect(viaSession).toEqual({ kind: "session", userId: a.owner.user.id });

    expect(await resolveCaller(db(), new Headers())).toBeNull();
    expect(await resolveCaller(db(), new Headers({ cookie: "next-auth.session-token=forged" }))).toBeNull();
    await expect(resolveCaller(db(), new Headers({ authorization: "Bearer tl_wrong" }))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(resolveCaller(db(), new Headers({ authorization: "Basic abc" }))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a revoked token", async () => {
    const a = await seedWorkspace(db());
    await db().apiToken.updateMany({ where: { workspaceId: a.workspace.id }, data: { revokedAt: new Date() } });
    await expect(callerFromApiToken(db(), a.member.token)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
