import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { POST as trpc } from "@/app/api/trpc/[trpc]/route";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { trpcAs } from "@/test/guards";

const db = useTestDatabase();

describe("tRPC input holding NUL or a lone surrogate", () => {
  it("is refused before the procedure runs, as UNPROCESSABLE_CONTENT naming the field, and stores nothing", async () => {
    const a = await seedWorkspace(db());
    const caller = trpcAs(db(), a.owner.user.id);
    for (const name of ["a\u0000b", "a\uD800b", "\uDC00"]) {
      const error = await caller.tag.create({ workspaceSlug: a.workspace.slug, name }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect(error).toMatchObject({
        code: "UNPROCESSABLE_CONTENT",
        cause: { details: { fields: { name: "must not contain NUL characters or invalid Unicode" } } },
      });
    }
    expect(await db().tag.count({ where: { workspaceId: a.workspace.id } })).toBe(0);
  });

  it("answers 422 over HTTP with the field in the error's data, like a failing input schema and like REST", async () => {
    const a = await seedWorkspace(db());
    const request = new Request("http://localhost/api/trpc/ticket.create", {
      method: "POST",
      headers: { authorization: `Bearer ${a.owner.token}`, "content-type": "application/json" },
      body: JSON.stringify({ json: { workspaceSlug: a.workspace.slug, subject: "S", body: "B", contact: { email: "c@example.test", name: "x\u0000" } } }),
    });
    const response = await trpc(request);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { json: { data: unknown } } };
    expect(body.error.json.data).toMatchObject({ code: "UNPROCESSABLE_CONTENT", httpStatus: 422, details: { fields: { "contact.name": expect.any(String) } } });
    expect(await db().ticket.count({ where: { workspaceId: a.workspace.id } })).toBe(0);
  });
});
