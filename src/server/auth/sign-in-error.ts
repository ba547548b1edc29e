// Shared by the server (next-auth's authorize) and the sign-in form: next-auth hands the form only
// the message of the error authorize threw, so a refusal travels as this code, not as prose.

const RATE_LIMITED = /^RateLimited:(\d+)$/;

/** The error message authorize throws for a refused sign-in. */
export const rateLimitedSignInError = (retryAfterSeconds: number) => `RateLimited:${retryAfterSeconds}`;

/** The sentence the sign-in form shows for next-auth's error. */
export function signInErrorMessage(error: string): string {
  const match = RATE_LIMITED.exec(error);
  if (!match) return "Wrong email or password.";
  const minutes = Math.max(1, Math.ceil(Number(match[1]) / 60));
  return `Too many attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
