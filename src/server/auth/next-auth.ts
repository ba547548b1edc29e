import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/server/db";
import { isDatabaseUnavailable } from "@/server/db/unavailable";
import { sameOriginRedirect } from "./callback-url";
import { verifyCredentials } from "./credentials";
import { currentSessionVersion, endSessions, isSessionCurrent } from "./sessions";

const credentialsSchema = z.object({ email: z.string().trim().min(1), password: z.string().min(1) });

export const authOptions: NextAuthOptions = {
  // Read at request time; `npm start` provides one when the environment has none.
  secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        return verifyCredentials(db(), parsed.data.email, parsed.data.password);
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
