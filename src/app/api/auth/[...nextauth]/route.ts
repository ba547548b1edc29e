import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/next-auth";
import { otherMethods } from "@/server/http/methods";

// GET|POST /api/auth/* — next-auth (sign-in, sign-out, session).
const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;
export { handler as GET, handler as POST };
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET: handler, POST: handler });
