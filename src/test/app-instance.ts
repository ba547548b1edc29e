// One app instance for multi-instance tests: the App Router's API route handlers served by a plain
// Node HTTP server, with the job poller the Next.js server starts (instrumentation-node.ts). It
// runs the same handlers, services, db module and job worker as `npm start`, without a `next build`.
//   tsx src/test/app-instance.ts <port>    (DATABASE_URL names the database)
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { closeDatabase } from "@/server/db";
import { startJobPoller } from "@/server/jobs/worker";
import { closeOnStopSignals } from "@/server/shutdown";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
interface Route {
  segments: string[];
  module: string;
}

const appDir = path.resolve(import.meta.dirname, "../app");
// next-auth and tRPC need Next.js's request context; the REST, inbound and webhook routes do not.
const SKIPPED = new Set(["api/auth/[...nextauth]", "api/trpc/[trpc]"]);

function findRoutes(dir: string, prefix: string[] = []): Route[] {
  const routes: Route[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) routes.push(...findRoutes(path.join(dir, entry.name), [...prefix, entry.name]));
    else if (entry.name === "route.ts" && !SKIPPED.has(prefix.join("/"))) routes.push({ segments: prefix, module: path.join(dir, entry.name) });
  }
  return routes;
}

/** Static segments before dynamic ones before catch-alls, as Next.js matches. */
const rank = (segment: string | undefined) => (segment === undefined ? -1 : segment.startsWith("[...") ? 2 : segment.startsWith("[") ? 1 : 0);
const routes = findRoutes(appDir).sort((a, b) => {
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
    const difference = rank(a.segments[i]) - rank(b.segments[i]);
    if (difference !== 0) return difference;
  }
  return b.segments.length - a.segments.length;
});

function matchRoute(route: Route, parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (const [i, segment] of route.segments.entries()) {
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.startsWith("[...")) {
      params[segment.slice(4, -1)] = parts.slice(i);
      return params;
    }
    if (segment.startsWith("[")) params[segment.slice(1, -1)] = part;
    else if (segment !== part) return null;
  }
  return parts.length === route.segments.length ? params : null;
}

function match(pathname: string): { route: Route; params: Record<string, string | string[]> } | null {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  for (const route of routes) {
    const params = matchRoute(route, parts);
    if (params) return { route, params };
  }
  return null;
}

const modules = new Map<string, Promise<Record<string, Handler>>>();
const load = (file: string) => {
  let loaded = modules.get(file);
  if (!loaded) modules.set(file, (loaded = import(file) as Promise<Record<string, Handler>>));
  return loaded;
};

const server = http.createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    const found = match(url.pathname);
    const handler = found && (await load(found.route.module))[req.method ?? "GET"];
    if (!found || !handler) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_FOUND", message: "No such route" } }));
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    // A client that goes away aborts the request, as under Next.js (live event streams end on it).
    const gone = new AbortController();
    res.once("close", () => gone.abort());
    const request = new Request(url, {
      method: req.method,
      signal: gone.signal,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
    } as RequestInit);
    const response = await handler(request, { params: Promise.resolve(found.params) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) await finished(Readable.fromWeb(response.body as WebReadableStream).pipe(res));
    else res.end();
  })().catch((error: unknown) => {
    console.error("app-instance: request failed", error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});

const stopJobPoller = startJobPoller();
server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  console.log(`ready ${(server.address() as AddressInfo).port}`);
});

closeOnStopSignals(stopJobPoller, closeDatabase);
