import { createHash, randomBytes } from "node:crypto";

/** A new mailbox inbound secret and the hash inbound requests are matched on. */
export function newInboundSecret(): { inboundSecret: string; inboundSecretHash: string } {
  const inboundSecret = `whsec_${randomBytes(24).toString("base64url")}`;
  return { inboundSecret, inboundSecretHash: hashInboundSecret(inboundSecret) };
}

export function hashInboundSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
