// Runs once when the Next.js server starts; the Node.js part lives in its own file so the Edge
// bundle never sees it. NEXT_RUNTIME is read from process.env, not src/env.ts: Next inlines it in
// each bundle, which is what keeps the import out of the Edge one.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
