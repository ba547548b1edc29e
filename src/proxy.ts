import { NextResponse, type NextRequest } from "next/server";
import { pageCsp } from "@/server/http/security-headers";

/** Gives each page render a fresh nonce: Next reads it from the request's CSP and puts it on its scripts. */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  // NODE_ENV, not src/env.ts: Next inlines it when it bundles the proxy apart from the server.
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: API answers and static files get their fixed headers from next.config.mjs.
  matcher: ["/((?!api/|v1/|_next/static/|_next/image|icon.svg|favicon.ico).*)"],
};
