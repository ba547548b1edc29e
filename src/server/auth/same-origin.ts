import { AppError } from "@/server/errors";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);
// What the app's own pages send. A cross-site form can send text/plain, urlencoded and multipart
// without asking first, so the Origin check below is the real guard; this narrows the rest.
const BROWSER_WRITE_TYPES = ["application/json", "multipart/form-data"];

/**
 * Whether the request comes from this app's own pages: `Sec-Fetch-Site: same-origin` where the
 * browser sends it, else an `Origin` on the host the request was made to. Another port or a sibling
 * subdomain is another origin, even though the browser sends it the session cookie.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin || !URL.canParse(origin)) return false;
  // A proxy in front names the host the browser asked for; a browser cannot set this header cross-origin.
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim().toLowerCase();
  return Boolean(host) && new URL(origin).host === host;
}

/** A write authenticated by the session cookie must come from the app itself (CSRF): 403 otherwise. */
export function assertSameOriginWrite(method: string, headers: Headers): void {
  if (READS.has(method.toUpperCase())) return;
  if (!isSameOriginRequest(headers)) {
    throw new AppError("FORBIDDEN", "A signed-in browser may only write from this app's own pages (send Authorization: Bearer from elsewhere)");
  }
  const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== undefined && !BROWSER_WRITE_TYPES.includes(type)) {
    throw new AppError("FORBIDDEN", `A signed-in browser writes JSON or a file upload, not ${type}`);
  }
}
