/** The secret that signs session JWTs (NEXTAUTH_SECRET or AUTH_SECRET). */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET (or AUTH_SECRET) must be set; `npm start` creates one in .data/");
  return secret;
}
