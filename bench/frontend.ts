// What the inbox and a ticket cost in the browser: the gzip size of the JS each route's HTML loads,
// beside the framework floor (the JS of the bare app shell: the not-found page, measured in the
// same run), and, in Chromium, first contentful paint against the moment the first list row / the
// first message is on screen (ratio = visible / FCP). Starts `npm start` (which builds when the
// sources are newer than .next) on a fresh database seeded with the demo workspace.
//   npm run bench:frontend [-- <runs>]      (default 5 page loads per route; medians printed)
//   BENCH_PORT (default 3121), CHROMIUM_PATH (default /usr/bin/chromium), BENCH_CHUNKS=1 lists each script
import { gzipSync } from "node:zlib";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { freshBenchDatabase, percentile, startServer } from "./lib";

const runs = Number(process.argv[2] ?? 5);
const port = Number(process.env.BENCH_PORT ?? 3121);

/** Every script the served HTML of `path` loads (its src tags; not the nomodule polyfills a modern browser skips), summed as gzip. */
async function scriptBytes(page: Page, path: string): Promise<{ kb: number; chunks: number }> {
  const html = await (await page.request.get(path)).text();
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replaceAll("&amp;", "&") ?? []))];
  let bytes = 0;
  for (const src of sources) {
    const size = gzipSync(await (await page.request.get(src)).body(), { level: 9 }).length;
    if (process.env.BENCH_CHUNKS) console.log(`  ${path} ${src} ${(size / 1024).toFixed(1)} KB`);
    bytes += size;
  }
  return { kb: bytes / 1024, chunks: sources.length };
}

// Runs before the page's own scripts: stamps the first moment `selector` is in the DOM, whether the
// parser put it there (server-rendered) or React did (client-rendered). A string, not a function:
// tsx's name helpers do not exist in the page.
const watch = (selector: string) => `
  const check = () => {
    if (window.__seen === undefined && document.querySelector(${JSON.stringify(selector)})) window.__seen = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  check();`;

/** ms of first contentful paint and of the first `selector` on screen (no earlier than a paint). */
async function paintTimes(context: BrowserContext, path: string, selector: string) {
  const page = await context.newPage();
  // The procedures the browser asks for as the page loads: prefetched ones should not be among them.
  const fetched = new Set<string>();
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/api/trpc/")) for (const name of pathname.slice("/api/trpc/".length).split(",")) fetched.add(name);
  });
  await page.addInitScript(watch(selector));
  await page.goto(path);
  await page.locator(selector).first().waitFor();
  await page.waitForTimeout(1_000);
  const { fcp, seen } = await page.evaluate(async () => {
    const entry = await new Promise<PerformanceEntry>((resolve) => {
      new PerformanceObserver((list, observer) => {
        const found = list.getEntriesByName("first-contentful-paint")[0];
        if (!found) return;
        observer.disconnect();
        resolve(found);
      }).observe({ type: "paint", buffered: true });
    });
    return { fcp: entry.startTime, seen: (window as unknown as { __seen: number }).__seen };
  });
  await page.close();
  return { fcp, visible: Math.max(fcp, seen), fetched: [...fetched].sort().join(" ") };
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

async function main() {
  const { url: databaseUrl, label } = await freshBenchDatabase("frontend");
  console.log(`Database: ${label}; starting the app (building first if the sources changed)…`);
  const server = await startServer(databaseUrl, port);
  const browser = await chromium
    .launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] })
    .catch(async (error) => {
      await server.stop();
      throw error;
    });
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email").fill("owner@demo.test");
    await page.getByLabel("Password").fill("demo1234");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/w\/demo\/inbox$/);
    const ticketPath = await page.getByTestId("ticket-row").first().getByRole("link").getAttribute("href");
    if (!ticketPath) throw new Error("No ticket in the demo inbox");

    const floor = await scriptBytes(page, "/no-such-page");
    console.log(`\nFramework floor (bare app shell): ${floor.kb.toFixed(1)} KB gzip in ${floor.chunks} scripts`);
    const routes = [
      { name: "inbox", path: "/w/demo/inbox", selector: '[data-testid="ticket-row"]' },
      { name: "ticket", path: ticketPath, selector: '[data-testid="message"]' },
    ];
    console.log("\nroute    JS gzip   over floor  scripts   FCP ms  visible ms  visible/FCP");
    for (const route of routes) {
      const js = await scriptBytes(page, route.path);
      const times = [];
      for (let i = 0; i < runs; i++) times.push(await paintTimes(context, route.path, route.selector));
      const fcp = median(times.map((t) => t.fcp));
      const visible = median(times.map((t) => t.visible));
      const ratio = median(times.map((t) => t.visible / t.fcp));
      console.log(
        `${route.name.padEnd(8)} ${js.kb.toFixed(1).padStart(6)} KB ${(js.kb - floor.kb).toFixed(1).padStart(8)} KB ${String(js.chunks).padStart(8)} ${fcp.toFixed(0).padStart(8)} ${visible.toFixed(0).padStart(11)} ${ratio.toFixed(2).padStart(12)}`,
      );
      console.log(`         tRPC calls at load: ${times.at(-1)?.fetched || "none"}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
