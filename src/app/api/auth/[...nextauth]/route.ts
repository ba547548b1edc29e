import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/next-auth";

// GET|POST /api/auth/* — next-auth (sign-in, sign-out, session).
const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;
export { handler as GET, handler as POST };
