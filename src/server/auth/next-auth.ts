import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { appConfig } from "@/env";
import { db } from "@/server/db";
import { isDatabaseUnavailable } from "@/server/db/unavailable";
import { clientIp } from "@/server/auth/client-ip";
import { retryAfterOf } from "@/server/rate-limit/rate-limit";
import { sameOriginRedirect } from "./callback-url";
import { signInWithPassword } from "./credentials";
import { currentSessionVersion, endSessions, isSessionCurrent } from "./sessions";
import { configuredAuthSecret } from "./secret";
import { rateLimitedSignInError } from "./sign-in-error";

// 320: the longest address SMTP allows; the email is part of its rate limit's key.
const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1) });

/** One header of next-auth's request (a plain object in the App Router, possibly a Headers). */
function headerOf(headers: unknown, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value.join(",") : (value ?? null);
}

export const authOptions: NextAuthOptions = {
  // Read when this module loads; `npm start` provides one when the environment has none.
  secret: configuredAuthSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const ip = clientIp(headerOf(request.headers, "x-forwarded-for"), appConfig().TRUST_PROXY);
        try {
          return await signInWithPassword(db(), { ...parsed.data, ip });
        } catch (error) {
          const retryAfter = retryAfterOf(error);
          // next-auth passes the thrown message to the form, which words it (sign-in-error.ts).
          throw retryAfter === null ? error : new Error(rateLimitedSignInError(retryAfter));
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = await currentSessionVersion(db(), user.id);
        return token;
      }
      // next-auth answers "no session" (and clears the cookie) when this throws. A database outage
      // keeps the cookie: every page reads the database anyway and answers 503 until it is back.
      const current = await isSessionCurrent(db(), token).catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) return true;
        throw error;
      });
      if (!current) throw new Error("The session was ended");
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
    redirect({ url, baseUrl }) {
      return sameOriginRedirect(url, baseUrl);
    },
  },
  events: {
    // Sign-out ends the session on the server too, so a copied cookie stops working with it.
    async signOut({ token }) {
      if (typeof token?.sub === "string") await endSessions(db(), token.sub);
    },
  },
};
