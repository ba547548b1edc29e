// With the database unreachable every transport answers "unavailable, retry" at once: REST 503
// with Retry-After (a provider retries the mail later), tRPC SERVICE_UNAVAILABLE. Needs no server:
// the database is a PostgreSQL URL on a port nobody listens on.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { createCaller } from "@/server/api/root";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/server/db";
import { callRoute } from "@/test/http";
import { postRpc } from "@/test/inbound";
import { freePort } from "@/test/postgres-server";

describe("an unreachable database", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = openDatabase({ kind: "postgres", url: `postgresql://postgres@127.0.0.1:${await freePort()}/threadline` });
    setDatabase(handle);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await handle.close();
  });

  it("answers inbound mail and the health check 503 with Retry-After, quickly", async () => {
    const started = Date.now();
    const inbound = await postRpc({ organizationId: randomUUID(), from: "jane@acme.com", to: "help@acme.test", subject: "Hi", text: "x" });
    expect(inbound.status).toBe(503);
    expect(inbound.headers.get("retry-after")).toBe("5");
    expect(inbound.json.error).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/nothing was stored/) });

    const check = await callRoute(health, "GET", "/api/health");
    expect(check.status).toBe(503);
    expect(check.json.error.code).toBe("UNAVAILABLE");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("answers tRPC procedures SERVICE_UNAVAILABLE", async () => {
    const trpc = createCaller({ db: handle.db, caller: { kind: "session", userId: randomUUID() } });
    await expect(trpc.workspace.get({ workspaceSlug: "acme" })).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });
});
