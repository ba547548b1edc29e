import { describe, expect, it } from "vitest";
import { rateLimitedSignInError, signInErrorMessage } from "./sign-in-error";

describe("signInErrorMessage", () => {
  it("words a refused sign-in in whole minutes, and every other error as a wrong password", () => {
    expect(signInErrorMessage(rateLimitedSignInError(1))).toBe("Too many attempts; try again in 1 minute.");
    expect(signInErrorMessage(rateLimitedSignInError(61))).toBe("Too many attempts; try again in 2 minutes.");
    expect(signInErrorMessage(rateLimitedSignInError(900))).toBe("Too many attempts; try again in 15 minutes.");
    expect(signInErrorMessage("CredentialsSignin")).toBe("Wrong email or password.");
    expect(signInErrorMessage("RateLimited:soon")).toBe("Wrong email or password.");
  });
});
