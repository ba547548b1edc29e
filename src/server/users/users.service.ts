import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";

/** Creates a user, or returns the existing one with that email (emails are stored lower-cased). */
export async function ensureUser(db: Db, input: { email: string; name?: string | null; password?: string }) {
  const email = input.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return existing;
  return db.user.create({
    data: {
      email,
      name: input.name ?? null,
      passwordHash: input.password ? await hashPassword(input.password) : null,
    },
  });
}

export async function listUserWorkspaces(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { workspace: { select: { id: true, name: true, slug: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role }));
}
