import { describe, expect, it } from "vitest";
import { removeMember } from "@/server/members/member-changes";
import { accessFor } from "@/test/access";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace, sessionCookie } from "@/test/factories";
import { resolveCaller } from "./caller";
import { authOptions } from "./next-auth";

const db = useTestDatabase();

const callerFor = async (cookie: string) => resolveCaller(db(), new Headers({ cookie }));

/** next-auth's jwt callback for a session request (no `user`: not a sign-in). */
const refreshToken = (token: { sub: string; sv?: number }) =>
  authOptions.callbacks!.jwt!({ token, account: null, user: undefined as never, trigger: undefined });

describe("server-side session end", () => {
  it("refuses a session cookie captured before sign-out, on REST/tRPC and in next-auth", async () => {
    const { owner } = await seedWorkspace(db());
    const captured = await sessionCookie(owner.user.id);
    expect(await callerFor(captured)).toEqual({ kind: "session", userId: owner.user.id });
    await expect(refreshToken({ sub: owner.user.id, sv: 0 })).resolves.toMatchObject({ sub: owner.user.id });

    await authOptions.events!.signOut!({ token: { sub: owner.user.id, sv: 0 }, session: undefined as never });

    expect(await callerFor(captured)).toBeNull();
    await expect(refreshToken({ sub: owner.user.id, sv: 0 })).rejects.toThrow("The session was ended");
    // Signing in again starts a session at the new version.
    const fresh = (await authOptions.callbacks!.jwt!({ token: {}, user: { id: owner.user.id }, account: null })) as { sv: number };
    expect(fresh.sv).toBe(1);
    await expect(refreshToken({ sub: owner.user.id, sv: fresh.sv })).resolves.toMatchObject({ sub: owner.user.id });
  });

  it("ends a removed member's sessions and no one else's", async () => {
    const { workspace, owner, member } = await seedWorkspace(db());
    const memberCookie = await sessionCookie(member.user.id);
    const ownerCookie = await sessionCookie(owner.user.id);

    await removeMember(db(), await accessFor(db(), workspace.id, owner.user.id), member.user.id);

    expect(await callerFor(memberCookie)).toBeNull();
    await expect(refreshToken({ sub: member.user.id })).rejects.toThrow("The session was ended");
    expect(await callerFor(ownerCookie)).toEqual({ kind: "session", userId: owner.user.id });
  });
});
