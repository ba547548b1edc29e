// Runs once when the Next.js server starts; the Node.js part lives in its own file so the Edge
// bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
