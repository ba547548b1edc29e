/**
 * A page's CSP, set with a fresh nonce per request by src/proxy.ts (the fixed headers of every
 * answer, and the CSP of API answers, are in next.config.mjs).
 *
 * Scripts: only Next's own, which carry the nonce ('strict-dynamic' lets them load their chunks).
 * Styles allow 'unsafe-inline' because the mail view's sandboxed srcdoc frame inherits this policy
 * and its styles are inline (the frame's <style> and the email's style attributes, which the
 * sanitizer keeps); styles cannot run code, and scripts stay nonce-only. Images allow remote http(s)
 * for the same frame, which holds them back with its own stricter CSP until the agent clicks
 * "Show images".
 */
export function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: cid: https: http:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
