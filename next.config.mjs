// Sent with every answer: no framing (clickjacking), no MIME sniffing, no full URLs to other sites.
// Pages add their nonce CSP in src/proxy.ts (src/server/http/security-headers.ts).
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];
// JSON and files load nothing and run nothing, even when opened as a page.
const apiHeaders = [
  ...securityHeaders,
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package folder at run time; undici (pinned
  // attachment downloads) is loaded as Node's own package rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "undici"],
  typedRoutes: false,
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: apiHeaders },
      { source: "/v1/:path*", headers: apiHeaders },
    ];
  },
  async rewrites() {
    // `/v1/...` is an alias of `/api/v1/...` (SPEC §3).
    return [{ source: "/v1/:path*", destination: "/api/v1/:path*" }];
  },
};

export default nextConfig;
