import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard, trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { GET as listMembers, POST as addMember } from "./route";

const db = useTestDatabase();

async function seedWithList() {
  const seeded = await seedWorkspace(db());
  const list = await db().contactList.create({ data: { workspaceId: seeded.workspace.id, name: "VIP" } });
  return { ...seeded, list, params: { workspaceId: seeded.workspace.id, listId: list.id } };
}

describe("POST /api/v1/workspaces/:workspaceId/contact-lists/:listId/members", () => {
  it("adds a contact by email, creating it linked to its customer; adding twice answers the same member", async () => {
    const a = await seedWithList();
    const acme = await db().customer.create({
      data: { workspaceId: a.workspace.id, name: "Acme", domains: { create: { workspaceId: a.workspace.id, domain: "acme.com" } } },
    });

    const first = await callRoute(addMember, "POST", "/", { token: a.owner.token, params: a.params, body: { email: "Ann@Acme.com" } });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({
      id: expect.any(String),
      email: "ann@acme.com",
      name: null,
      customerId: acme.id,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      addedAt: expect.any(String),
    });
    const again = await callRoute(addMember, "POST", "/", { token: a.owner.token, params: a.params, body: { email: "ann@acme.com" } });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(await db().contactListMember.count({ where: { listId: a.list.id } })).toBe(1);
    expect(await db().contact.count({ where: { workspaceId: a.workspace.id } })).toBe(1);

    // An existing contact is reused, not duplicated.
    const known = await db().contact.create({ data: { workspaceId: a.workspace.id, email: "known@example.com", name: "Known" } });
    const added = await callRoute(addMember, "POST", "/", { token: a.owner.token, params: a.params, body: { email: "known@example.com" } });
    expect(added.json).toMatchObject({ id: known.id, name: "Known" });
  });

  it("refuses members with 403, answers 422 naming the field, 404 for another workspace's list", async () => {
    const a = await seedWithList();
    const b = await seedWithList();
    const asMember = await callRoute(addMember, "POST", "/", { token: a.member.token, params: a.params, body: { email: "x@example.com" } });
    expect(asMember.status).toBe(403);
    const invalid = await callRoute(addMember, "POST", "/", { token: a.owner.token, params: a.params, body: { email: "not an email" } });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details.fields)).toEqual(["email"]);

    for (const listId of [b.list.id, "nope"]) {
      const res = await callRoute(addMember, "POST", "/", {
        token: a.owner.token,
        params: { workspaceId: a.workspace.id, listId },
        body: { email: "x@example.com" },
      });
      expect(res.status).toBe(404);
      expect(res.json.error.message).toBe("Contact list not found");
    }
    await expectWorkspaceGuard(addMember, "POST", { params: a.params, outsiderToken: b.owner.token, body: { email: "x@example.com" } });
    expect(await db().contact.count({ where: { workspaceId: { in: [a.workspace.id, b.workspace.id] } } })).toBe(0);
  });
});

describe("GET /api/v1/workspaces/:workspaceId/contact-lists/:listId/members", () => {
  it("pages the members, latest added first, total in X-Total-Count", async () => {
    const a = await seedWithList();
    const emails = ["m1@example.com", "m2@example.com", "m3@example.com"];
    for (const [i, email] of emails.entries()) {
      const contact = await db().contact.create({ data: { workspaceId: a.workspace.id, email } });
      await db().contactListMember.create({ data: { listId: a.list.id, contactId: contact.id, createdAt: new Date(Date.UTC(2026, 0, i + 1)) } });
    }
    const page = await callRoute(listMembers, "GET", "/m?limit=2&offset=1", { token: a.member.token, params: a.params });
    expect(page.status).toBe(200);
    expect(page.headers.get("x-total-count")).toBe("3");
    expect(page.json.map((m: { email: string }) => m.email)).toEqual(["m2@example.com", "m1@example.com"]);
    expect(page.json[0].addedAt).toBe("2026-01-02T00:00:00.000Z");

    const b = await seedWithList();
    expect((await callRoute(listMembers, "GET", "/", { token: a.member.token, params: { workspaceId: a.workspace.id, listId: b.list.id } })).status).toBe(404);
    expect((await callRoute(listMembers, "GET", "/m?limit=abc", { token: a.member.token, params: a.params })).status).toBe(422);
    await expectWorkspaceGuard(listMembers, "GET", { params: a.params, outsiderToken: b.member.token });
  });
});

describe("tRPC contactList.addMember and members", () => {
  it("answer the same shapes as REST", async () => {
    const a = await seedWithList();
    const owner = trpcAs(db(), a.owner.user.id);
    const added = await owner.contactList.addMember({ workspaceSlug: a.workspace.slug, listId: a.list.id, email: "t@example.com" });
    const rest = await callRoute(listMembers, "GET", "/", { token: a.owner.token, params: a.params });
    expect(rest.json).toEqual([added]);
    expect(await owner.contactList.members({ workspaceSlug: a.workspace.slug, listId: a.list.id })).toEqual({ members: rest.json, total: 1 });
  });
});
