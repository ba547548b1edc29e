import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard, trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { GET as getCustomer } from "../../customers/[customerId]/route";
import { GET as listTickets } from "../../tickets/route";
import { GET as getContact, PATCH as patchContact } from "./route";

const db = useTestDatabase();

/** A workspace with Kim (three tickets: open, closed, merged), Lee (one) and two customers. */
async function seedPeople(database: Db) {
  const a = await seedWorkspace(database);
  const workspaceId = a.workspace.id;
  const acme = await database.customer.create({ data: { workspaceId, name: "Acme" } });
  const globex = await database.customer.create({ data: { workspaceId, name: "Globex" } });
  const kim = await database.contact.create({ data: { workspaceId, email: "kim@acme.test", name: "Kim", customerId: acme.id } });
  const lee = await database.contact.create({ data: { workspaceId, email: "lee@acme.test", customerId: acme.id } });
  const ticket = (n: number, contactId: string, status: "open" | "closed" | "merged", at: string) =>
    database.ticket.create({
      data: { workspaceId, ticketNumber: n, subject: `Ticket ${n}`, contactId, customerId: acme.id, status, lastActivityAt: new Date(at) },
    });
  const tickets = [
    await ticket(1, kim.id, "open", "2026-11-01T10:00:00Z"),
    await ticket(2, kim.id, "closed", "2026-11-03T10:00:00Z"),
    await ticket(3, kim.id, "merged", "2026-11-04T10:00:00Z"),
    await ticket(4, lee.id, "open", "2026-11-02T10:00:00Z"),
  ];
  return { a, acme, globex, kim, lee, tickets };
}

const subjects = (res: { json: { subject: string }[] }) => res.json.map((t) => t.subject);

describe("a contact's and a customer's profile", () => {
  it("shows the contact with its customer and ticket counts; the ticket list filters by contact and by customer", async () => {
    const { a, acme, kim } = await seedPeople(db());
    const params = { workspaceId: a.workspace.id, contactId: kim.id };
    const res = await callRoute(getContact, "GET", "/", { token: a.member.token, params });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: kim.id,
      email: "kim@acme.test",
      name: "Kim",
      customer: { id: acme.id, name: "Acme" },
      ticketCount: 2,
      openTicketCount: 1,
    });

    const list = (query: string) => callRoute(listTickets, "GET", `/?${query}`, { token: a.member.token, params: { workspaceId: a.workspace.id } });
    expect(subjects(await list(`contact=${kim.id}`))).toEqual(["Ticket 2", "Ticket 1"]);
    expect(subjects(await list(`customer=${acme.id}`))).toEqual(["Ticket 2", "Ticket 4", "Ticket 1"]);
    expect(subjects(await list(`customer=${acme.id}&status=open`))).toEqual(["Ticket 4", "Ticket 1"]);
    expect((await list("contact=not-a-uuid")).status).toBe(422);

    const customer = await callRoute(getCustomer, "GET", "/", { token: a.member.token, params: { workspaceId: a.workspace.id, customerId: acme.id } });
    expect(customer.status).toBe(200);
    expect(customer.json).toMatchObject({ name: "Acme", contactCount: 2 });
    expect(customer.json.contacts.map((c: { email: string }) => c.email)).toEqual(["kim@acme.test", "lee@acme.test"]);
  });

  it("lets any member rename a contact and move it to another customer, carrying its tickets along", async () => {
    const { a, acme, globex, kim, lee, tickets } = await seedPeople(db());
    const params = { workspaceId: a.workspace.id, contactId: kim.id };
    const res = await callRoute(patchContact, "PATCH", "/", { token: a.member.token, params, body: { name: "  Kim Lee ", customerId: globex.id } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: "Kim Lee", customer: { id: globex.id, name: "Globex" }, ticketCount: 2 });
    const kimTickets = await db().ticket.findMany({ where: { contactId: kim.id } });
    expect(kimTickets.map((t) => t.customerId)).toEqual([globex.id, globex.id, globex.id]);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: tickets[3]!.id } })).customerId).toBe(acme.id);
    expect((await db().contact.findUniqueOrThrow({ where: { id: lee.id } })).customerId).toBe(acme.id);

    const cleared = await callRoute(patchContact, "PATCH", "/", { token: a.member.token, params, body: { name: "", customerId: null } });
    expect(cleared.json).toMatchObject({ name: null, customer: null });
    expect((await db().ticket.findFirstOrThrow({ where: { contactId: kim.id } })).customerId).toBeNull();
  });

  it("refuses another workspace's customer as a 422 on the field and changes nothing; other workspaces' ids answer 404", async () => {
    const { a, kim, acme } = await seedPeople(db());
    const b = await seedWorkspace(db());
    const foreign = await db().customer.create({ data: { workspaceId: b.workspace.id, name: "Foreign" } });
    const params = { workspaceId: a.workspace.id, contactId: kim.id };
    const res = await callRoute(patchContact, "PATCH", "/", { token: a.owner.token, params, body: { name: "Changed", customerId: foreign.id } });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "VALIDATION", details: { fields: { customerId: "no such customer" } } });
    expect(await db().contact.findUniqueOrThrow({ where: { id: kim.id } })).toMatchObject({ name: "Kim", customerId: acme.id });

    const asOutsider = (contactId: string) => callRoute(getContact, "GET", "/", { token: b.owner.token, params: { workspaceId: b.workspace.id, contactId } });
    expect((await asOutsider(kim.id)).status).toBe(404);
    expect((await asOutsider("nope")).status).toBe(404);
    const foreignCustomer = await callRoute(getCustomer, "GET", "/", { token: a.owner.token, params: { workspaceId: a.workspace.id, customerId: foreign.id } });
    expect(foreignCustomer.status).toBe(404);
    await expectWorkspaceGuard(getContact, "GET", { params, outsiderToken: b.owner.token });
    await expectWorkspaceGuard(patchContact, "PATCH", { params, outsiderToken: b.owner.token, body: { name: "x" } });
  });

  it("answers the same through tRPC", async () => {
    const { a, kim, globex } = await seedPeople(db());
    const trpc = trpcAs(db(), a.member.user.id);
    const updated = await trpc.contact.update({ workspaceSlug: a.workspace.slug, contactId: kim.id, customerId: globex.id });
    expect(updated).toEqual(await trpc.contact.get({ workspaceSlug: a.workspace.slug, contactId: kim.id }));
    expect(updated.customer).toEqual({ id: globex.id, name: "Globex" });
    const customer = await trpc.customer.get({ workspaceSlug: a.workspace.slug, customerId: globex.id });
    expect(customer.contacts.map((c) => c.id)).toEqual([kim.id]);
    const page = await trpc.ticket.list({ workspaceSlug: a.workspace.slug, customer: globex.id, count: "none" });
    expect(page.tickets.map((t) => t.subject)).toEqual(["Ticket 2", "Ticket 1"]);
  });
});
