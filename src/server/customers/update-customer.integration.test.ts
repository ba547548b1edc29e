import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { trpcAs } from "@/test/guards";

const db = useTestDatabase();

describe("editing a customer", () => {
  it("replaces a customer's domains, linking contacts of an added domain, and refuses a domain another customer has", async () => {
    const ws = await seedWorkspace(db());
    const owner = trpcAs(db(), ws.owner.user.id);
    const workspaceSlug = ws.workspace.slug;
    const workspaceId = ws.workspace.id;
    const acme = await owner.customer.create({ workspaceSlug, name: "Acme", domains: ["acme.com"] });
    const globex = await owner.customer.create({ workspaceSlug, name: "Globex", domains: ["globex.io"] });
    const loose = await db().contact.create({ data: { workspaceId, email: "jo@acme.io" } });

    const updated = await owner.customer.update({ workspaceSlug, customerId: acme.id, name: "Acme Inc.", domains: ["ACME.io", "acme.io", "acme.co.uk"] });
    expect(updated).toMatchObject({ id: acme.id, name: "Acme Inc.", domains: ["acme.co.uk", "acme.io"], contactCount: 1 });
    expect(await db().contact.findUniqueOrThrow({ where: { id: loose.id } })).toMatchObject({ customerId: acme.id });

    await expect(owner.customer.update({ workspaceSlug, customerId: acme.id, domains: ["acme.io", "globex.io"] })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Another customer already has the domain globex.io",
    });
    expect((await owner.customer.update({ workspaceSlug, customerId: acme.id, name: "Acme" })).domains).toEqual(["acme.co.uk", "acme.io"]);
    expect((await owner.customer.update({ workspaceSlug, customerId: globex.id, domains: [] })).domains).toEqual([]);
    await expect(owner.customer.update({ workspaceSlug, customerId: acme.id, domains: ["not a domain"] })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      cause: { details: { fields: { "domains.0": expect.any(String) } } },
    });

    const other = await seedWorkspace(db());
    await expect(
      trpcAs(db(), other.owner.user.id).customer.update({ workspaceSlug: other.workspace.slug, customerId: acme.id, name: "Mine" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
