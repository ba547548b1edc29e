// Two app instances on one PostgreSQL database share their rate limits: hits split across A and B
// are counted together, for the REST API and an inbound webhook. PostgreSQL only (two processes
// cannot share the in-process PGlite).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "@/server/db/config";
import { startAppInstance, type AppInstance } from "@/test/app-instances";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { newMessageId, seedInboundWorkspace } from "@/test/inbound";

const LIMIT = 4;

describe.runIf(databaseConfig().kind === "postgres")("rate limits shared by two app instances", () => {
  let database: TestDatabase;
  const instances: AppInstance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { RATE_LIMIT_API_PER_TOKEN: String(LIMIT), RATE_LIMIT_INBOUND_PER_SECRET: String(LIMIT), JOB_WORKER: "off" };
    instances.push(...(await Promise.all([0, 1].map(() => startAppInstance({ databaseUrl: database.url!, env })))));
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.close();
  });

  /** LIMIT requests alternating between A and B pass; the next one is refused by both. */
  async function expectSharedLimit(send: (instance: AppInstance) => Promise<Response>) {
    // Every body is read: an unread one keeps its request open.
    const call = async (instance: AppInstance) => {
      const response = await send(instance);
      return { status: response.status, retryAfter: response.headers.get("retry-after"), json: (await response.json()) as unknown };
    };
    const passed = [];
    for (let i = 0; i < LIMIT; i++) passed.push((await call(instances[i % 2]!)).status);
    expect(passed).toEqual(Array(LIMIT).fill(200));
    for (const instance of instances) {
      const refused = await call(instance);
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(refused.json).toMatchObject({ error: { code: "RATE_LIMITED", details: { retryAfterSeconds: Number(refused.retryAfter) } } });
    }
  }

  it("counts a token's REST requests on A and B together", async () => {
    const ws = await seedInboundWorkspace(database.db);
    await expectSharedLimit((instance) => fetch(`${instance.url}/api/v1/workspaces`, { headers: { authorization: `Bearer ${ws.owner.token}` } }));
  });

  it("counts a mailbox secret's inbound emails on A and B together, storing only the accepted ones", async () => {
    const ws = await seedInboundWorkspace(database.db);
    await expectSharedLimit((instance) =>
      fetch(`${instance.url}/api/helpdesk/inbound-email`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-inbound-secret": ws.ticketMailbox.inboundSecret },
        body: JSON.stringify({ from: "customer@example.com", subject: "Help", message_id: newMessageId(), text: "Hello" }),
      }),
    );
    expect(await database.db.incomingMail.count({ where: { workspaceId: ws.workspace.id } })).toBe(LIMIT);
  });
});
