import { isIP } from "node:net";

/**
 * The client's address from X-Forwarded-For, or null when it cannot be trusted. Route handlers see no
 * socket, and Next.js sets the header to the socket's address only when the request has none, so
 * without a proxy (trustedProxies 0) it is whatever the client wrote. Each trusted proxy appends the
 * address it was connected from, so the client is that many entries from the right; entries further
 * left are the client's own word.
 */
export function clientIp(forwardedFor: string | null | undefined, trustedProxies: number): string | null {
  if (trustedProxies === 0 || !forwardedFor) return null;
  const entries = forwardedFor.split(",").map((entry) => entry.trim());
  const address = entries[Math.max(0, entries.length - trustedProxies)] ?? "";
  return isIP(address) ? address.toLowerCase() : null;
}
