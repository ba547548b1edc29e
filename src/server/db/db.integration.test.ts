import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { createTicketInTx } from "@/server/tickets/create-ticket";
import { PGliteAdapterFactory } from "./pglite-adapter";

const db = useTestDatabase();

describe("database module", () => {
  it("reports a unique violation as Prisma's P2002 naming the fields", async () => {
    const { workspace } = await seedWorkspace(db());
    await db().tag.create({ data: { workspaceId: workspace.id, name: "vip" } });
    const duplicate = db().tag.create({ data: { workspaceId: workspace.id, name: "vip" } });
    await expect(duplicate).rejects.toMatchObject({ code: "P2002" });
  });

  it("rolls back an interactive transaction that throws", async () => {
    const { workspace } = await seedWorkspace(db());
    await expect(
      db().$transaction(async (tx) => {
        await tx.tag.create({ data: { workspaceId: workspace.id, name: "rolled-back" } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db().tag.count({ where: { workspaceId: workspace.id, name: "rolled-back" } })).toBe(0);
  });

  it.runIf(hasConcurrentConnections)(
    "hands out gap-free per-workspace ticket numbers to concurrent creators, even after a rollback (PostgreSQL: needs several connections)",
    async () => {
      const { workspace } = await seedWorkspace(db());
      const create = () =>
        db().$transaction((tx) =>
          createTicketInTx(tx, {
            workspaceId: workspace.id,
            subject: "concurrent",
            firstMessage: { direction: "inbound", bodyText: "hi" },
          }),
        );
      await expect(
        db().$transaction(async (tx) => {
          await createTicketInTx(tx, { workspaceId: workspace.id, subject: "x", firstMessage: { direction: "inbound", bodyText: "x" } });
          throw new Error("abandon");
        }),
      ).rejects.toThrow("abandon");
      await Promise.all(Array.from({ length: 12 }, create));
      const numbers = (await db().ticket.findMany({ where: { workspaceId: workspace.id }, select: { ticketNumber: true } }))
        .map((t) => t.ticketNumber)
        .sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    },
  );
});

describe("PGlite adapter fixes", () => {
  it("fails a migration script that fails (the library reported success)", async () => {
    const pglite = await PGlite.create();
    const adapter = await new PGliteAdapterFactory(pglite).connect();
    await expect(adapter.executeScript("CREATE TABLE a (id int); SELECT * FROM missing_table;")).rejects.toThrow(/missing_table/);
    await adapter.executeScript("CREATE TABLE b (id int); INSERT INTO b VALUES (1), (2);");
    expect(await adapter.executeRaw({ sql: "UPDATE b SET id = id + 1", args: [], argTypes: [] })).toBe(2);
    await pglite.close();
  });
});
