import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { signatureRefused, USED_TOKEN_RETENTION_MS } from "./mailgun-signature";

export interface ReplayToken {
  provider: string;
  /** A verified signature's token. */
  token: string;
  /**
   * A hash of what the request carries. A token seen before passes again only with the fingerprint
   * it was first used with (a provider's redelivery of the same thing, answered by dedup); without a
   * fingerprint a token is strictly single-use.
   */
  fingerprint?: string;
}

/**
 * Claims a signed request's token, or throws 401 "replayed". In a transaction the claim commits
 * with the work it guards, so a request that fails can be retried by the provider.
 */
export async function claimReplayToken(db: Db | Prisma.TransactionClient, guard: ReplayToken): Promise<void> {
  const { provider, token, fingerprint = null } = guard;
  await db.webhookReplayGuard.deleteMany({ where: { provider, createdAt: { lt: new Date(Date.now() - USED_TOKEN_RETENTION_MS) } } });
  // ON CONFLICT DO NOTHING: a second use inserts nothing, and a transaction stays usable.
  const { count } = await db.webhookReplayGuard.createMany({ data: [{ provider, token, fingerprint }], skipDuplicates: true });
  if (count > 0) return;
  const first = await db.webhookReplayGuard.findUnique({ where: { provider_token: { provider, token } }, select: { fingerprint: true } });
  if (fingerprint === null || first?.fingerprint !== fingerprint) throw signatureRefused("replayed");
}
