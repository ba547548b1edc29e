// The search box finds what agents type: a sender's address or name, a customer, `#n`, and field
// operators on top of the full-text search, through the service and GET /tickets alike.
import { describe, expect, it } from "vitest";
import { accessFor } from "@/test/access";
import { useTestDatabase } from "@/test/database";
import { seedInboundWorkspace } from "@/test/inbound";
import { listTicketsHttp, seedTicket } from "@/test/tickets";
import { listTickets } from "./tickets.service";

describe("ticket search", () => {
  const db = useTestDatabase();

  async function seedTickets() {
    const ws = await seedInboundWorkspace(db());
    const workspaceId = ws.workspace.id;
    const acme = await db().customer.create({ data: { workspaceId, name: "Acme Rockets" } });
    const invoice = await seedTicket(db(), workspaceId, { from: "jane.doe@acme.example", subject: "Invoice is wrong", body: "The total is off." });
    await db().contact.update({ where: { id: invoice.ticket.contactId! }, data: { name: "Jane Doe", customerId: acme.id } });
    await db().ticket.update({ where: { id: invoice.ticket.id }, data: { customerId: acme.id, priority: "high", assigneeId: ws.member.user.id } });
    const login = await seedTicket(db(), workspaceId, { from: "bob@other.example", subject: "Cannot log in", body: "Password reset mail never came." });
    await db().ticket.update({ where: { id: login.ticket.id }, data: { status: "closed", mailboxId: ws.inboxMailbox.id } });
    const tag = await db().tag.create({ data: { workspaceId, name: "Billing" } });
    await db().ticketTag.create({ data: { ticketId: invoice.ticket.id, tagId: tag.id } });
    const member = await accessFor(db(), workspaceId, ws.member.user.id);
    const search = async (query: string) => (await listTickets(db(), member, { search: query })).tickets.map((t) => t.subject).sort();
    return { ws, invoice: invoice.ticket, login: login.ticket, search };
  }

  it("finds a ticket by its sender's address, part of it, its domain, or the sender's name", async () => {
    const { search } = await seedTickets();
    expect(await search("jane.doe@acme.example")).toEqual(["Invoice is wrong"]);
    expect(await search("jane.doe")).toEqual(["Invoice is wrong"]);
    expect(await search("acme.example")).toEqual(["Invoice is wrong"]);
    expect(await search("Jane Doe")).toEqual(["Invoice is wrong"]);
    expect(await search("from:bob")).toEqual(["Cannot log in"]);
    expect(await search("from:other.example")).toEqual(["Cannot log in"]);
    expect(await search("from:nobody@nowhere.example")).toEqual([]);
  });

  it("finds a ticket by #number, a bare number, or its customer's name", async () => {
    const { invoice, login, search } = await seedTickets();
    expect(await search(`#${login.ticketNumber}`)).toEqual(["Cannot log in"]);
    expect(await search(String(invoice.ticketNumber))).toEqual(["Invoice is wrong"]);
    expect(await search("rockets")).toEqual(["Invoice is wrong"]);
  });

  it("narrows by tag:, status:, priority:, assignee: and to:, combined with words", async () => {
    const { ws, search } = await seedTickets();
    expect(await search("tag:billing")).toEqual(["Invoice is wrong"]);
    expect(await search("tag:billing password")).toEqual([]);
    expect(await search("status:closed")).toEqual(["Cannot log in"]);
    expect(await search("status:closed status:open")).toEqual(["Cannot log in", "Invoice is wrong"]);
    expect(await search("status:nonsense")).toEqual([]);
    expect(await search("priority:high total")).toEqual(["Invoice is wrong"]);
    expect(await search("assignee:me")).toEqual(["Invoice is wrong"]);
    expect(await search("assignee:none")).toEqual(["Cannot log in"]);
    expect(await search(`to:${ws.inboxMailbox.address}`)).toEqual(["Cannot log in"]);
    expect(await search("password reset")).toEqual(["Cannot log in"]);
  });

  it("takes the same operators on GET /tickets, and a % in a name matches only a %", async () => {
    const { ws, search } = await seedTickets();
    const response = await listTicketsHttp(ws.workspace.id, ws.member.token, `?search=${encodeURIComponent("from:jane tag:billing")}`);
    expect(response.status).toBe(200);
    expect((response.json as { subject: string }[]).map((t) => t.subject)).toEqual(["Invoice is wrong"]);
    expect(await search("from:%")).toEqual([]);
  });
});

describe("ticket search by relevance", () => {
  const db = useTestDatabase();

  it("puts the sender's tickets, then subject matches, before newer tickets that only mention the words, and pages without repeats", async () => {
    const ws = await seedInboundWorkspace(db());
    const workspaceId = ws.workspace.id;
    await seedTicket(db(), workspaceId, { from: "jane@acme.example", subject: "Hello", body: "A question.", minutesAgo: 30 });
    await seedTicket(db(), workspaceId, { from: "bob@other.example", subject: "Refund please", body: "See above.", minutesAgo: 20 });
    await seedTicket(db(), workspaceId, {
      from: "eve@other.example",
      subject: "Misc",
      body: "Jane asked about a refund for jane@acme.example.",
      minutesAgo: 10,
    });
    const member = await accessFor(db(), workspaceId, ws.member.user.id);
    const subjects = async (search: string, sort: "activity" | "relevance") =>
      (await listTickets(db(), member, { search, sort })).tickets.map((t) => t.subject);

    expect(await subjects("refund", "activity")).toEqual(["Misc", "Refund please"]);
    expect(await subjects("refund", "relevance")).toEqual(["Refund please", "Misc"]);
    expect(await subjects("jane@acme.example", "activity")).toEqual(["Misc", "Hello"]);
    expect(await subjects("jane@acme.example", "relevance")).toEqual(["Hello", "Misc"]);

    const first = await listTickets(db(), member, { search: "refund", sort: "relevance", limit: 1 });
    const second = await listTickets(db(), member, { search: "refund", sort: "relevance", limit: 1, cursor: first.nextCursor! });
    expect([...first.tickets, ...second.tickets].map((t) => t.subject)).toEqual(["Refund please", "Misc"]);
    expect(second.nextCursor).toBeNull();
    await expect(listTickets(db(), member, { search: "refund", sort: "activity", cursor: first.nextCursor! })).rejects.toMatchObject({ name: "ZodError" });
  });
});
