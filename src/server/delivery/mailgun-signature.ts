import { createHmac, timingSafeEqual } from "node:crypto";
import { appConfig } from "@/env";
import { AppError } from "@/server/errors";
import type { MailgunSignature } from "./delivery.schema";

// Mailgun signs every request afresh; an older one is a capture being replayed (or a clock far off).
const MAX_AGE_SECONDS = 15 * 60;
const MAX_SKEW_SECONDS = 5 * 60;
/** Mailgun retries a route's POST for up to 8 hours, with the first signature. */
export const ROUTE_MAX_AGE_SECONDS = 9 * 60 * 60;
/** A used token is kept until no signature carrying it can pass the age check any more. */
export const USED_TOKEN_RETENTION_MS = (ROUTE_MAX_AGE_SECONDS + MAX_SKEW_SECONDS) * 1000;
/**
 * One namespace for the tokens of everything signed with the key (event webhooks, routes,
 * /mail-report): the same HMAC scheme, so a token used on one must not pass on another.
 */
const SIGNED_TOKENS = "mailgun";
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

/** MAILGUN_WEBHOOK_SIGNING_KEY, or undefined when requests are not signed (development). */
export function webhookSigningKey(): string | undefined {
  return appConfig().MAILGUN_WEBHOOK_SIGNING_KEY;
}

/**
 * With the signing key set, verifies the request's signature (401 otherwise) and answers its token,
 * which the caller claims with claimReplayToken; without a key, undefined (nothing to check).
 */
export function verifiedSignatureToken(
  signature: MailgunSignature | undefined,
  now: Date,
  maxAgeSeconds = MAX_AGE_SECONDS,
): { provider: string; token: string } | undefined {
  const key = webhookSigningKey();
  if (!key) return undefined;
  verifyMailgunSignature(key, signature, now, maxAgeSeconds);
  return { provider: SIGNED_TOKENS, token: signature!.token };
}

/**
 * Mailgun's webhook signature: HMAC-SHA256 of `timestamp + token` under the signing key, in hex,
 * compared in constant time; then the timestamp must be recent. (The token's single use is checked
 * by claimReplayToken.)
 */
export function verifyMailgunSignature(key: string, signature: MailgunSignature | undefined, now: Date, maxAgeSeconds = MAX_AGE_SECONDS): void {
  if (!signature) throw signatureRefused("missing");
  if (!HEX_SHA256.test(signature.signature)) throw signatureRefused("invalid");
  const expected = createHmac("sha256", key)
    .update(signature.timestamp + signature.token)
    .digest();
  if (!timingSafeEqual(Buffer.from(signature.signature, "hex"), expected)) throw signatureRefused("invalid");
  const age = now.getTime() / 1000 - Number(signature.timestamp);
  if (!Number.isFinite(age) || age > maxAgeSeconds || age < -MAX_SKEW_SECONDS) throw signatureRefused("stale");
}
