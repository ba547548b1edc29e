import { NextResponse } from "next/server";
import { jsonError } from "./errors";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = (request: Request) => Promise<Response>;

/**
 * The handlers of the methods a route file does not implement: 405 with the JSON error and `Allow`
 * (Next.js answers them 405 with an empty body and no `Allow`), and OPTIONS 204 with the same
 * `Allow` (as Next.js's own, which would list these handlers too). Every API route file ends with
 * `export const { PUT, DELETE, OPTIONS, … } = otherMethods({ GET, POST });`.
 */
export function otherMethods<H extends Partial<Record<Method, unknown>>>(implemented: H): Record<Exclude<Method, keyof H> | "OPTIONS", Handler> {
  const names = Object.keys(implemented);
  const allow = [...names, ...(names.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  const notAllowed: Handler = (request) =>
    Promise.resolve(withAllow(jsonError(405, "METHOD_NOT_ALLOWED", `${request.method} is not allowed here; use ${allow}`), allow));
  const handlers: Record<string, Handler> = { OPTIONS: () => Promise.resolve(withAllow(new NextResponse(null, { status: 204 }), allow)) };
  for (const method of METHODS) if (!names.includes(method)) handlers[method] = notAllowed;
  return handlers;
}

function withAllow(response: Response, allow: string): Response {
  response.headers.set("Allow", allow);
  return response;
}
