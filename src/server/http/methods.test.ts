import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const appDir = path.resolve(import.meta.dirname, "../../app");
const routeFiles = (fs.readdirSync(appDir, { recursive: true }) as string[]).filter((file) => path.basename(file) === "route.ts").sort();
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const call = (handler: unknown, method: string, route: string) =>
  (handler as Handler)(new Request(`http://localhost/${route}`, { method }), { params: Promise.resolve({}) });

// Next.js answers a method a route file does not export with an empty 405 (and a 204 OPTIONS listing
// what it exports), so every route file exports them all.
describe("methods a route does not implement", () => {
  it("finds the route files", () => {
    expect(routeFiles).toEqual(expect.arrayContaining(["api/inbound/mime/route.ts", "api/v1/[...path]/route.ts", "api/trpc/[trpc]/route.ts"]));
  });

  it.each(routeFiles.filter((file) => !file.includes("[...path]")))("%s: 405 with the JSON error and Allow; OPTIONS 204 with Allow", async (file) => {
    const module = (await import(path.join(appDir, file))) as Record<string, Handler | undefined>;
    const route = path.dirname(file);
    for (const method of [...METHODS, "OPTIONS"]) expect(module[method], `${route} exports ${method}`).toBeTypeOf("function");
    const options = await call(module.OPTIONS!, "OPTIONS", route);
    expect(options.status).toBe(204);
    const allow = options.headers.get("allow")!.split(", ");
    expect(allow).toContain("OPTIONS");
    const unsupported = METHODS.filter((method) => !allow.includes(method));
    expect(unsupported.length).toBeGreaterThan(0);
    for (const method of unsupported) {
      const answer = await call(module[method]!, method, route);
      expect(answer.status, `${method} ${route}`).toBe(405);
      expect(answer.headers.get("allow")).toBe(options.headers.get("allow"));
      expect(await answer.json()).toEqual({ error: { code: "METHOD_NOT_ALLOWED", message: expect.stringContaining(method) } });
    }
  });

  it("lists what a route implements in Allow, HEAD with GET", async () => {
    const ticket = await import("@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/route");
    const inbound = await import("@/app/api/inbound/mime/route");
    expect((await call(ticket.DELETE, "DELETE", "ticket")).headers.get("allow")).toBe("GET, HEAD, OPTIONS, PATCH");
    expect((await call(inbound.GET, "GET", "mime")).headers.get("allow")).toBe("OPTIONS, POST");
  });

  it("answers every method on an unknown /api/v1 path with the JSON 404", async () => {
    const catchAll = (await import("@/app/api/v1/[...path]/route")) as Record<string, Handler | undefined>;
    for (const method of [...METHODS, "OPTIONS"]) {
      const answer = await call(catchAll[method]!, method, "api/v1/nope");
      expect(answer.status).toBe(404);
      expect(await answer.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    }
  });
});
