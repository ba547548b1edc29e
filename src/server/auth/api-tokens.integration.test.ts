import { describe, expect, it } from "vitest";
import { GET as listWorkspacesRoute } from "@/app/api/v1/workspaces/route";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";

const db = useTestDatabase();
const restWith = (token: string) => callRoute(listWorkspacesRoute, "GET", "/api/v1/workspaces", { token });

describe("API tokens in settings", () => {
  it("creates a token shown once, lists the caller's own tokens, and a revoked token gets 401 at once", async () => {
    const ws = await seedWorkspace(db());
    const owner = trpcAs(db(), ws.owner.user.id);
    const workspaceSlug = ws.workspace.slug;
    const created = await owner.apiToken.create({ workspaceSlug, name: " CI deploys " });
    expect(created).toEqual({ id: expect.any(String), name: "CI deploys", prefix: created.token.slice(0, 10), token: expect.stringMatching(/^tl_/) });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).tokenHash).not.toContain(created.token);

    const used = await restWith(created.token);
    expect(used.status).toBe(200);
    expect(used.json).toEqual([expect.objectContaining({ id: ws.workspace.id, role: "owner" })]);

    const listed = await owner.apiToken.list({ workspaceSlug });
    // The seeded "test" token and the new one; never the member's, never a token or its hash.
    expect(listed.map((t) => t.name).sort()).toEqual(["CI deploys", "test"]);
    expect(listed.find((t) => t.id === created.id)).toEqual({
      id: created.id,
      name: "CI deploys",
      prefix: created.prefix,
      createdAt: expect.any(String),
      lastUsedAt: expect.any(String),
      revokedAt: null,
    });

    const revoked = await owner.apiToken.revoke({ workspaceSlug, tokenId: created.id });
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect(await restWith(created.token)).toMatchObject({ status: 401, json: { error: { code: "UNAUTHORIZED" } } });
    // Revoking again answers the same token; the list still shows it, as revoked.
    expect((await owner.apiToken.revoke({ workspaceSlug, tokenId: created.id })).revokedAt).toBe(revoked.revokedAt);
    expect((await owner.apiToken.list({ workspaceSlug })).find((t) => t.id === created.id)?.revokedAt).toBe(revoked.revokedAt);
    expect((await restWith(ws.owner.token)).status).toBe(200);
  });

  it("never reaches another user's or another workspace's tokens", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    await db().membership.update({ where: { workspaceId_userId: { workspaceId: a.workspace.id, userId: a.member.user.id } }, data: { role: "owner" } });
    const memberToken = await db().apiToken.findFirstOrThrow({ where: { workspaceId: a.workspace.id, userId: a.member.user.id } });
    const owner = trpcAs(db(), a.owner.user.id);
    expect((await owner.apiToken.list({ workspaceSlug: a.workspace.slug })).map((t) => t.id)).not.toContain(memberToken.id);
    await expect(owner.apiToken.revoke({ workspaceSlug: a.workspace.slug, tokenId: memberToken.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(trpcAs(db(), b.owner.user.id).apiToken.revoke({ workspaceSlug: b.workspace.slug, tokenId: memberToken.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(owner.apiToken.revoke({ workspaceSlug: a.workspace.slug, tokenId: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await restWith(a.member.token)).status).toBe(200);
  });
});
