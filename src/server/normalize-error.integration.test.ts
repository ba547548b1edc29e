import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { errorResponse } from "@/server/http/errors";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";

const db = useTestDatabase();

/** What `error`, thrown by a procedure, answers over tRPC's HTTP transport. */
async function trpcAnswer(error: unknown) {
  const router = createTRPCRouter({
    fail: publicProcedure.mutation(() => {
      throw error;
    }),
  });
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request("http://localhost/api/trpc/fail", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
    router,
    createContext: () => ({ db: db(), caller: null }),
  });
  const body = (await response.json()) as { error: { json: { message: string; data: { details: unknown } } } };
  return { status: response.status, message: body.error.json.message, details: body.error.json.data.details ?? undefined };
}

async function restAnswer(error: unknown) {
  const response = errorResponse(error);
  const body = (await response.json()) as { error: { code: string; message: string; details?: unknown } };
  return { status: response.status, code: body.error.code, message: body.error.message, details: body.error.details };
}

/** Real errors, as services let them through. */
async function thrownErrors() {
  const { workspace } = await seedWorkspace(db());
  await db().tag.create({ data: { workspaceId: workspace.id, name: "dup" } });
  const caught = (work: () => Promise<unknown>) =>
    work().then(
      () => expect.unreachable("it should fail"),
      (error: unknown) => error,
    );
  return {
    zod: z.object({ name: z.string(), tags: z.array(z.string()) }).safeParse({ tags: [1] }).error,
    uniqueViolation: await caught(() => db().tag.create({ data: { workspaceId: workspace.id, name: "dup" } })),
    malformedUuid: await caught(() => db().ticket.findFirst({ where: { id: "not-a-uuid" } })),
    malformedUuidInRawQuery: await caught(() => db().$queryRaw`SELECT id FROM "Ticket" WHERE id = ${"not-a-uuid"}::uuid`),
  };
}

describe("normalizeError, behind both transports", () => {
  it("answers each error with the same status, message and fields on REST and tRPC", async () => {
    const errors = await thrownErrors();
    const expected = {
      zod: { status: 422, code: "VALIDATION", message: "Invalid input", details: { fields: { name: expect.any(String), "tags.0": expect.any(String) } } },
      uniqueViolation: { status: 409, code: "CONFLICT", message: "A record with these values already exists", details: undefined },
      malformedUuid: { status: 404, code: "NOT_FOUND", message: "Record not found", details: undefined },
      malformedUuidInRawQuery: { status: 404, code: "NOT_FOUND", message: "Record not found", details: undefined },
    };
    for (const [name, error] of Object.entries(errors)) {
      const { code, ...overTrpc } = expected[name as keyof typeof expected];
      expect(await restAnswer(error), name).toEqual({ code, ...overTrpc });
      expect(await trpcAnswer(error), name).toEqual(overTrpc);
    }
  });

  it("leaves an error no rule knows a 500 that does not show its message on REST", async () => {
    const error = new Error("secret internals");
    const original = console.error;
    console.error = () => {};
    try {
      expect(await restAnswer(error)).toEqual({ status: 500, code: "INTERNAL", message: "Internal server error", details: undefined });
      expect((await trpcAnswer(error)).status).toBe(500);
    } finally {
      console.error = original;
    }
  });
});
