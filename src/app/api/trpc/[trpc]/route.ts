import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { resolveCaller, type Caller } from "@/server/auth/caller";
import { assertSameOriginWrite } from "@/server/auth/same-origin";
import { db, type Db } from "@/server/db";
import { errorResponse } from "@/server/http/errors";
import { otherMethods } from "@/server/http/methods";

// GET|POST /api/trpc/:procedure — the UI's API.
async function handler(req: Request) {
  let database: Db;
  let caller: Caller | null;
  try {
    database = db();
    caller = await resolveCaller(database, req.headers).catch(() => null);
    // Mutations are POSTs; with the session cookie they must come from the app's own pages (CSRF).
    if (caller?.kind === "session") assertSameOriginWrite(req.method, req.headers);
  } catch (error) {
    return errorResponse(error);
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => ({ db: database, caller }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed`, error);
    },
  });
}

export { handler as GET, handler as POST };
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET: handler, POST: handler });
