/**
 * Where to send a browser after signing in: only ever a path on this app. Anything else — another
 * host (`//evil`, `/\evil`, `https://evil`), a scheme (`javascript:`), control characters or
 * whitespace that browsers strip before parsing (`/<TAB>/evil`), or an encoded form of these — is
 * replaced by the fallback.
 */
export function safeCallbackPath(value: string | null | undefined, fallback = "/"): string {
  if (!value) return fallback;
  // Decoded a few times so `%2F%2F`, `%5C` and `%09` (or their double encodings) are judged as what they become.
  let decoded = value;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    decoded = next;
  }
  for (const candidate of [value, decoded]) {
    // Browsers drop tabs and newlines anywhere and treat `\` as `/`, so `/\t/evil` is `//evil`.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f\\]/.test(candidate)) return fallback;
    if (!candidate.startsWith("/") || candidate.startsWith("//")) return fallback;
  }
  // Resolving against a placeholder origin catches whatever URL parsing would still take off-site.
  const base = "http://callback.invalid";
  const url = new URL(value, base);
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** next-auth's `redirect` callback: a path on `baseUrl`, whatever URL it was handed. */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, "");
  let path = url;
  // next-auth hands over absolute URLs too; only those on the app itself keep their path.
  if (/^https?:\/\//i.test(url)) {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    path = parsed?.origin === new URL(base).origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : "/";
  }
  return `${base}${safeCallbackPath(path)}`;
}
