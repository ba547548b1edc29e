import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard, trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { GET as listCustomers, POST as createCustomer } from "./route";

const db = useTestDatabase();

describe("POST /api/v1/workspaces/:workspaceId/customers", () => {
  it("creates a customer with lower-cased domains and links the workspace's unlinked contacts of those domains", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const ws = a.workspace.id;
    const other = await db().customer.create({ data: { workspaceId: ws, name: "Other" } });
    await db().contact.createMany({
      data: [
        { workspaceId: ws, email: "ann@acme.com" },
        { workspaceId: ws, email: "bob@acme.io" },
        { workspaceId: ws, email: "cy@acme.com", customerId: other.id },
        { workspaceId: ws, email: "dan@notacme.com" },
        { workspaceId: ws, email: "eve@sub.acme.com" },
        { workspaceId: b.workspace.id, email: "zed@acme.com" },
      ],
    });

    const res = await callRoute(createCustomer, "POST", "/", {
      token: a.owner.token,
      params: { workspaceId: ws },
      body: { name: " Acme Inc ", domains: ["Acme.COM", "acme.io", "acme.com"] },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.any(String), name: "Acme Inc", domains: ["acme.com", "acme.io"], contactCount: 2, createdAt: expect.any(String) });
    const linked = await db().contact.findMany({ where: { customerId: res.json.id }, orderBy: { email: "asc" } });
    expect(linked.map((c) => c.email)).toEqual(["ann@acme.com", "bob@acme.io"]);
    expect((await db().contact.findFirstOrThrow({ where: { email: "cy@acme.com" } })).customerId).toBe(other.id);
    expect((await db().contact.findFirstOrThrow({ where: { email: "zed@acme.com" } })).customerId).toBeNull();
  });

  it("answers 409 naming a domain another customer has, 403 to members, 422 naming bad fields; nothing is created", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    const post = (token: string, body: unknown) => callRoute(createCustomer, "POST", "/", { token, params, body });
    expect((await post(a.owner.token, { name: "Acme", domains: ["acme.io"] })).status).toBe(201);

    const taken = await post(a.owner.token, { name: "Copycat", domains: ["new.example", "ACME.io"] });
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("acme.io"), details: { domains: ["acme.io"] } });
    const asMember = await post(a.member.token, { name: "Mine", domains: [] });
    expect(asMember.status).toBe(403);
    const invalid = await post(a.owner.token, { name: "", domains: ["ok.example", "not a domain", "@acme.com"] });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details.fields).sort()).toEqual(["domains.1", "domains.2", "name"]);
    expect(await db().customer.count({ where: { workspaceId: a.workspace.id } })).toBe(1);

    // Domains are unique per workspace only.
    const elsewhere = await callRoute(createCustomer, "POST", "/", {
      token: b.owner.token,
      params: { workspaceId: b.workspace.id },
      body: { name: "Acme", domains: ["acme.io"] },
    });
    expect(elsewhere.status).toBe(201);
  });
});

describe("GET /api/v1/workspaces/:workspaceId/customers", () => {
  it("lists the workspace's customers by name with domains and contact counts", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    await db().customer.create({ data: { workspaceId: b.workspace.id, name: "B's customer" } });
    const ws = a.workspace.id;
    const zeta = await db().customer.create({ data: { workspaceId: ws, name: "zeta", domains: { create: [{ workspaceId: ws, domain: "z.example" }] } } });
    const alpha = await db().customer.create({ data: { workspaceId: ws, name: "Alpha" } });
    await db().contact.create({ data: { workspaceId: ws, email: "x@z.example", customerId: zeta.id } });

    const res = await callRoute(listCustomers, "GET", "/", { token: a.member.token, params: { workspaceId: ws } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual([
      { id: alpha.id, name: "Alpha", domains: [], contactCount: 0, createdAt: alpha.createdAt.toISOString() },
      { id: zeta.id, name: "zeta", domains: ["z.example"], contactCount: 1, createdAt: zeta.createdAt.toISOString() },
    ]);
  });
});

describe("customers routes", () => {
  it("are guarded: 401 without a token, 404 for another workspace's token", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    await expectWorkspaceGuard(listCustomers, "GET", { params, outsiderToken: b.owner.token });
    await expectWorkspaceGuard(createCustomer, "POST", { params, outsiderToken: b.owner.token, body: { name: "x", domains: [] } });
    expect(await db().customer.count({ where: { workspaceId: a.workspace.id } })).toBe(0);
  });

  it("answer the same through tRPC, create for owners only", async () => {
    const a = await seedWorkspace(db());
    const created = await trpcAs(db(), a.owner.user.id).customer.create({ workspaceSlug: a.workspace.slug, name: "Initech", domains: ["initech.example"] });
    const rest = await callRoute(listCustomers, "GET", "/", { token: a.member.token, params: { workspaceId: a.workspace.id } });
    expect(rest.json).toEqual([created]);
    const member = trpcAs(db(), a.member.user.id);
    expect(await member.customer.list({ workspaceSlug: a.workspace.slug })).toEqual(rest.json);
    await expect(member.customer.create({ workspaceSlug: a.workspace.slug, name: "No", domains: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
