import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@/server/errors";
import type { MailgunSignature } from "./delivery.schema";

// Mailgun signs every request afresh; an older one is a capture being replayed (or a clock far off).
const MAX_AGE_SECONDS = 15 * 60;
const MAX_SKEW_SECONDS = 5 * 60;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export type SignatureFailure = "missing" | "invalid" | "stale" | "replayed";

export function signatureRefused(reason: SignatureFailure) {
  const messages: Record<SignatureFailure, string> = {
    missing: "The webhook signature is missing",
    invalid: "The webhook signature is not valid",
    stale: "The webhook timestamp is too old or too far in the future",
    replayed: "This signed webhook request was already received",
  };
  return new AppError("UNAUTHORIZED", messages[reason], { reason });
}

/**
 * Mailgun's webhook signature: HMAC-SHA256 of `timestamp + token` under the signing key, in hex,
 * compared in constant time; then the timestamp must be recent. (The token's single use is checked
 * when the event is recorded, in the same transaction.)
 */
export function verifyMailgunSignature(key: string, signature: MailgunSignature | undefined, now: Date, maxAgeSeconds = MAX_AGE_SECONDS): void {
  if (!signature) throw signatureRefused("missing");
  if (!HEX_SHA256.test(signature.signature)) throw signatureRefused("invalid");
  const expected = createHmac("sha256", key).update(signature.timestamp + signature.token).digest();
  if (!timingSafeEqual(Buffer.from(signature.signature, "hex"), expected)) throw signatureRefused("invalid");
  const age = now.getTime() / 1000 - Number(signature.timestamp);
  if (!Number.isFinite(age) || age > maxAgeSeconds || age < -MAX_SKEW_SECONDS) throw signatureRefused("stale");
}
