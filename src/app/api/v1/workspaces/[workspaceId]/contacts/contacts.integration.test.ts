import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard, trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { GET as listContacts, POST as createContact } from "./route";

const db = useTestDatabase();

describe("POST /api/v1/workspaces/:workspaceId/contacts", () => {
  it("creates a contact (201), linked to the customer of its domain unless one is given", async () => {
    const a = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    const acme = await db().customer.create({
      data: { workspaceId: a.workspace.id, name: "Acme", domains: { create: { workspaceId: a.workspace.id, domain: "acme.com" } } },
    });
    const globex = await db().customer.create({ data: { workspaceId: a.workspace.id, name: "Globex" } });

    const byDomain = await callRoute(createContact, "POST", "/", { token: a.member.token, params, body: { email: " Ann@ACME.com ", name: "Ann" } });
    expect(byDomain.status).toBe(201);
    expect(byDomain.json).toEqual({
      id: expect.any(String),
      email: "ann@acme.com",
      name: "Ann",
      customerId: acme.id,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const given = await callRoute(createContact, "POST", "/", { token: a.member.token, params, body: { email: "bob@acme.com", customerId: globex.id } });
    expect(given.json).toMatchObject({ email: "bob@acme.com", name: null, customerId: globex.id });
    const none = await callRoute(createContact, "POST", "/", { token: a.member.token, params, body: { email: "cy@acme.com", customerId: null } });
    expect(none.json.customerId).toBeNull();
  });

  it("answers 409 for an email the workspace has, 422 for bad fields or another workspace's customer", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    await db().contact.create({ data: { workspaceId: b.workspace.id, email: "dup@example.com" } });
    expect((await callRoute(createContact, "POST", "/", { token: a.member.token, params, body: { email: "dup@example.com" } })).status).toBe(201);

    const twin = await callRoute(createContact, "POST", "/", { token: a.member.token, params, body: { email: "DUP@example.com" } });
    expect(twin.status).toBe(409);
    expect(twin.json.error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("dup@example.com") });

    const invalid = await callRoute(createContact, "POST", "/", { token: a.member.token, params, body: { email: "not-an-email", customerId: "x" } });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details.fields).sort()).toEqual(["customerId", "email"]);

    const theirs = await db().customer.create({ data: { workspaceId: b.workspace.id, name: "B's customer" } });
    const foreign = await callRoute(createContact, "POST", "/", { token: a.member.token, params, body: { email: "new@example.com", customerId: theirs.id } });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.details.fields).toHaveProperty("customerId");
    expect(await db().contact.count({ where: { workspaceId: a.workspace.id } })).toBe(1);
  });
});

describe("GET /api/v1/workspaces/:workspaceId/contacts", () => {
  it("pages the workspace's contacts by email, searching email and name in any case, total in X-Total-Count", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const emails = ["a1@x.test", "a2@x.test", "a3@x.test", "a4@x.test", "zed@y.test"];
    await db().contact.createMany({ data: emails.map((email) => ({ workspaceId: a.workspace.id, email, name: email === "zed@y.test" ? "Zoë X_Ray" : null })) });
    await db().contact.create({ data: { workspaceId: b.workspace.id, email: "a0@x.test" } });
    const get = (query: string) => callRoute(listContacts, "GET", `/contacts?${query}`, { token: a.member.token, params: { workspaceId: a.workspace.id } });

    const page = await get("limit=2&offset=1");
    expect(page.status).toBe(200);
    expect(page.headers.get("x-total-count")).toBe("5");
    expect(page.json.map((c: { email: string }) => c.email)).toEqual(["a2@x.test", "a3@x.test"]);

    const byName = await get("search=x_RAY");
    expect(byName.headers.get("x-total-count")).toBe("1");
    expect(byName.json.map((c: { email: string }) => c.email)).toEqual(["zed@y.test"]);
    // `_` is a literal, not LIKE's any-character wildcard.
    expect((await get("search=a_")).json).toEqual([]);
    expect((await get("search=%25")).json).toEqual([]);

    const byEmail = await get("search=X.TEST&offset=3");
    expect(byEmail.headers.get("x-total-count")).toBe("4");
    expect(byEmail.json.map((c: { email: string }) => c.email)).toEqual(["a4@x.test"]);

    const invalid = await get("limit=0&offset=-1");
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details.fields).sort()).toEqual(["limit", "offset"]);
    expect((await get("limit=501")).status).toBe(422);
  });
});

describe("contacts routes", () => {
  it("are guarded: 401 without a token, 404 for another workspace's token", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    await expectWorkspaceGuard(listContacts, "GET", { params, outsiderToken: b.owner.token });
    await expectWorkspaceGuard(createContact, "POST", { params, outsiderToken: b.owner.token, body: { email: "x@example.com" } });
    expect(await db().contact.count({ where: { workspaceId: a.workspace.id } })).toBe(0);
  });

  it("answer the same through tRPC", async () => {
    const a = await seedWorkspace(db());
    const trpc = trpcAs(db(), a.member.user.id);
    const created = await trpc.contact.create({ workspaceSlug: a.workspace.slug, email: "eve@example.com", name: "Eve" });
    const rest = await callRoute(listContacts, "GET", "/contacts?search=eve", { token: a.member.token, params: { workspaceId: a.workspace.id } });
    expect(rest.json).toEqual([created]);
    expect(await trpc.contact.list({ workspaceSlug: a.workspace.slug, search: "eve" })).toEqual({ contacts: rest.json, total: 1 });
  });
});
