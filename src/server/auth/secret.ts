import { appConfig } from "@/env";

/** NEXTAUTH_SECRET, else AUTH_SECRET: the secret that signs session JWTs, when there is one. */
export function configuredAuthSecret(): string | undefined {
  const { NEXTAUTH_SECRET, AUTH_SECRET } = appConfig();
  return NEXTAUTH_SECRET ?? AUTH_SECRET;
}

/** The secret that signs session JWTs (NEXTAUTH_SECRET or AUTH_SECRET). */
export function authSecret(): string {
  const secret = configuredAuthSecret();
  if (!secret) throw new Error("NEXTAUTH_SECRET (or AUTH_SECRET) must be set; `npm start` creates one in .data/");
  return secret;
}
