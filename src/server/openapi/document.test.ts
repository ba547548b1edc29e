import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

// Not REST API: sign-in, the UI's tRPC endpoint, the JSON 404 catch-all, and this document itself.
const UNDOCUMENTED = new Set(["/api/auth/{nextauth}", "/api/trpc/{trpc}", "/api/v1/{path}", "/api/v1/openapi.json"]);

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : [];
  });
}

/** Every (method, path) served by a route handler under src/app. */
function servedOperations() {
  return routeFiles("src/app").flatMap((file) => {
    const route = path
      .dirname(file)
      .slice("src/app".length)
      .replace(/\[(?:\.\.\.)?(\w+)\]/g, "{$1}");
    const source = fs.readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b|as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) =>
      (m[1] ?? m[2])!.toLowerCase(),
    );
    return [...new Set(methods)].map((method) => `${method} ${route || "/"}`);
  });
}

describe("the OpenAPI document", () => {
  const document = openApiDocument();
  const documented = Object.entries(document.paths).flatMap(([route, ops]) => Object.keys(ops).map((method) => `${method} ${route}`));

  it("documents every REST route the app serves, and nothing it does not", () => {
    const served = servedOperations().filter((op) => !UNDOCUMENTED.has(op.split(" ")[1]!));
    expect(served.length).toBeGreaterThan(20);
    expect(documented.sort()).toEqual(served.sort());
  });

  it("describes request bodies and query parameters from the handlers' zod schemas", () => {
    const list = document.paths["/api/v1/workspaces/{workspaceId}/tickets"]!.get as { parameters: { name: string; in: string }[] };
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(["path:workspaceId", "query:status", "query:tags", "query:search", "query:limit", "query:offset", "query:archived"]),
    );
    const create = document.paths["/api/v1/workspaces/{workspaceId}/tickets"]!.post as {
      requestBody: { content: { "application/json": { schema: { required: string[] } } } };
    };
    expect(create.requestBody.content["application/json"].schema.required).toEqual(["subject", "body"]);
    const inbound = document.paths["/api/rpc/tickets/email/inbound"]!.post as {
      requestBody: { content: { "application/json": { schema: { required: string[] } } } };
    };
    expect(inbound.requestBody.content["application/json"].schema.required).toEqual(["organizationId", "from", "to"]);
  });
});
