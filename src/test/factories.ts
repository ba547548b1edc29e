import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Role } from "@/generated/prisma/client";
import { issueApiToken } from "@/server/auth/api-tokens";
import { authSecret } from "@/server/auth/secret";
import type { Db } from "@/server/db";
import { ensureUser } from "@/server/users/users.service";
import { createWorkspace } from "@/server/workspaces/workspaces.service";

export const TEST_PASSWORD = "correct horse battery";

/** A user with a membership in the workspace and an API token for it. */
export async function seedMember(db: Db, workspaceId: string, role: Role, email = `${role}-${randomUUID().slice(0, 8)}@example.test`) {
  const user = await ensureUser(db, { email, name: `${role} ${email.split("@")[0]}`, password: TEST_PASSWORD });
  if (role === "member") await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  const { token } = await issueApiToken(db, { workspaceId, userId: user.id, name: "test" });
  return { user, token };
}

/**
 * A workspace with an owner and a member, each with an API token. Replies are sent at once
 * (`undoSendSeconds` 0) unless a test asks for an undo window: tests run the send jobs right away.
 */
export async function seedWorkspace(db: Db, options: { slug?: string; name?: string; undoSendSeconds?: number } = {}) {
  const slug = options.slug ?? `ws-${randomUUID().slice(0, 8)}`;
  const ownerUser = await ensureUser(db, { email: `owner-${slug}@example.test`, name: `Owner of ${slug}`, password: TEST_PASSWORD });
  const created = await createWorkspace(db, { name: options.name ?? `Workspace ${slug}`, slug, ownerUserId: ownerUser.id });
  const workspace = await db.workspace.update({ where: { id: created.id }, data: { undoSendSeconds: options.undoSendSeconds ?? 0 } });
  const owner = { user: ownerUser, token: (await issueApiToken(db, { workspaceId: workspace.id, userId: ownerUser.id, name: "test" })).token };
  const member = await seedMember(db, workspace.id, "member");
  return { workspace, owner, member };
}

/** A next-auth session cookie for the user, as the browser would send it. */
export async function sessionCookie(userId: string): Promise<string> {
  const jwt = await encode({ token: { sub: userId }, secret: authSecret() });
  return `next-auth.session-token=${jwt}`;
}
