// Two app instances on one PostgreSQL database: an email ingested through instance A reaches a
// live-event stream held on instance B, through B's own LISTEN. PostgreSQL only (two processes
// cannot share the in-process PGlite).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "@/server/db/config";
import { startAppInstance, type AppInstance } from "@/test/app-instances";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { newMessageId, seedInboundWorkspace } from "@/test/inbound";
import { readLiveEvents } from "@/test/live";

const onPostgres = databaseConfig().kind === "postgres";
if (!onPostgres) console.info("Skipped: live events across two app instances need PostgreSQL (set DATABASE_URL to a PostgreSQL server).");

describe.runIf(onPostgres)("live events across two app instances", () => {
  let database: TestDatabase;
  const instances: AppInstance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    instances.push(...(await Promise.all([0, 1].map(() => startAppInstance({ databaseUrl: database.url!, env: { JOB_WORKER: "off" } })))));
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.close();
  });

  it("delivers an email ingested on A to a stream on B, and ends the stream when B stops", async () => {
    const ws = await seedInboundWorkspace(database.db);
    const [a, b] = instances as [AppInstance, AppInstance];
    const response = await fetch(`${b.url}/api/v1/workspaces/${ws.workspace.id}/events`, { headers: { authorization: `Bearer ${ws.member.token}` } });
    expect(response.status).toBe(200);
    const stream = readLiveEvents(response);
    await expect.poll(() => stream.text()).toContain(": connected");

    const posted = await fetch(`${a.url}/api/helpdesk/inbound-email`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-inbound-secret": ws.ticketMailbox.inboundSecret },
      body: JSON.stringify({ from: "customer@example.com", subject: "Live across instances", message_id: newMessageId(), text: "Hello" }),
    });
    expect(posted.status).toBe(200);
    const ticket = await database.db.ticket.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, subject: "Live across instances" } });
    expect(await stream.next((event) => event.ticketId === ticket.id)).toEqual({ kind: "ticket", ticketId: ticket.id });

    // A stop signal ends the open stream at once instead of letting it hold the drain.
    const started = Date.now();
    await b.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
