import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { seedWorkspace } from "@/test/factories";
import { useTestDatabase } from "@/test/database";
import { isRetryableConflict, retryOnConflict, sqlStateOf } from "./conflict-retry";

// The shapes Prisma 6.19 throws through @prisma/adapter-pg (captured from a PostgreSQL server).
const driverError = (cause: Record<string, unknown>) => Object.assign(new Error("driver"), { name: "DriverAdapterError", cause });
const prismaError = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error(code), { code, meta: { driverAdapterError: driverError(cause) } });
const uniqueViolation = prismaError("P2002", { originalCode: "23505", kind: "UniqueConstraintViolation" });
const rawUniqueViolation = prismaError("P2010", { originalCode: "23505", kind: "UniqueConstraintViolation" });
const writeConflict = prismaError("P2034", { originalCode: "40001", kind: "TransactionWriteConflict" });
const deadlock = driverError({ originalCode: "40P01", kind: "postgres", code: "40P01" });
const rawDeadlock = prismaError("P2010", { originalCode: "40P01", kind: "postgres", code: "40P01" });
// The PGlite adapter maps SQLSTATEs to the same kinds without keeping the original code.
const pgliteDeadlock = driverError({ kind: "postgres", code: "40P01" });
const foreignKey = prismaError("P2003", { originalCode: "23503", kind: "ForeignKeyConstraintViolation" });

describe("isRetryableConflict", () => {
  it("knows unique violations, serialization failures and deadlocks from model and raw queries", () => {
    for (const error of [uniqueViolation, rawUniqueViolation, writeConflict, deadlock, rawDeadlock, pgliteDeadlock]) {
      expect(isRetryableConflict(error), JSON.stringify(error)).toBe(true);
    }
    expect(sqlStateOf(rawDeadlock)).toBe("40P01");
    expect(sqlStateOf(driverError({ kind: "UniqueConstraintViolation" }))).toBe("23505");
  });

  it("leaves every other failure alone", () => {
    for (const error of [foreignKey, new Error("boom"), null, undefined, "text", driverError({ kind: "DatabaseNotReachable" })]) {
      expect(isRetryableConflict(error), JSON.stringify(error)).toBe(false);
    }
  });
});

describe("retryOnConflict", () => {
  it("runs the work again after conflicts until it succeeds", async () => {
    let calls = 0;
    const result = await retryOnConflict(
      () => {
        calls++;
        return calls < 3 ? Promise.reject(calls === 1 ? uniqueViolation : deadlock) : Promise.resolve("done");
      },
      { baseDelayMs: 1 },
    );
    expect([result, calls]).toEqual(["done", 3]);
  });

  it("answers a conflict that outlives the attempts as UNAVAILABLE (503), never as a conflict", async () => {
    let calls = 0;
    const failing = retryOnConflict(
      () => {
        calls++;
        return Promise.reject(writeConflict);
      },
      { attempts: 3, baseDelayMs: 1 },
    );
    await expect(failing).rejects.toSatisfy((error) => error instanceof AppError && error.code === "UNAVAILABLE");
    expect(calls).toBe(3);
  });

  it("does not retry other failures", async () => {
    let calls = 0;
    const failing = retryOnConflict(
      () => {
        calls++;
        return Promise.reject(foreignKey);
      },
      { baseDelayMs: 1 },
    );
    await expect(failing).rejects.toBe(foreignKey);
    expect(calls).toBe(1);
  });
});

describe("isRetryableConflict on the test database's own errors", () => {
  const db = useTestDatabase();

  it("recognizes a unique violation from a model query, a raw query and inside a transaction", async () => {
    const { workspace } = await seedWorkspace(db());
    await db().contact.create({ data: { workspaceId: workspace.id, email: "twice@example.test" } });
    const errors = await Promise.all([
      db()
        .contact.create({ data: { workspaceId: workspace.id, email: "twice@example.test" } })
        .catch((e: unknown) => e),
      db()
        .$executeRaw`INSERT INTO "Contact" ("id", "workspaceId", "email", "updatedAt") VALUES (gen_random_uuid(), ${workspace.id}::uuid, 'twice@example.test', now())`.catch(
        (e: unknown) => e,
      ),
      db()
        .$transaction((tx) => tx.contact.create({ data: { workspaceId: workspace.id, email: "twice@example.test" } }))
        .catch((e: unknown) => e),
    ]);
    expect(errors.map((error) => [isRetryableConflict(error), sqlStateOf(error)])).toEqual([
      [true, "23505"],
      [true, "23505"],
      [true, "23505"],
    ]);
  });
});
