import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { callRoute } from "@/test/http";
import { createTicketHttp, listTicketsHttp, seedTicket } from "@/test/tickets";
import { GET as getTicket, PATCH as patchTicket } from "./[ticketId]/route";
import { POST as setStatus } from "./[ticketId]/status/route";
import { POST as archive } from "./[ticketId]/archive/route";
import { POST as unarchive } from "./[ticketId]/unarchive/route";

const db = useTestDatabase();
const subjects = (res: { json: { subject: string }[] }) => res.json.map((t) => t.subject);

describe("POST /tickets and GET /tickets/:id", () => {
  it("creates tickets with per-workspace numbers and shows them with messages and timeline", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const first = await createTicketHttp(a.workspace.id, a.member.token, { subject: "API ticket", body: "Opened by script" });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ id: expect.any(String), ticketNumber: 1, subject: "API ticket", status: "open", priority: "normal", contact: null });
    const withContact = await createTicketHttp(a.workspace.id, a.owner.token, {
      subject: "For a customer",
      body: "Their words",
      contact: { email: "Cust@Example.com", name: "Cust" },
      priority: "high",
      assigneeId: a.member.user.id,
      tags: ["vip", "Billing"],
    });
    expect(withContact.json).toMatchObject({ ticketNumber: 2, priority: "high", assigneeId: a.member.user.id, contact: { email: "cust@example.com" } });
    expect(withContact.json.tags.map((t: { name: string }) => t.name)).toEqual(["Billing", "vip"]);
    expect((await createTicketHttp(b.workspace.id, b.owner.token, { subject: "B", body: "b" })).json.ticketNumber).toBe(1);

    const detail = await callRoute(getTicket, "GET", "/", { token: a.member.token, params: { workspaceId: a.workspace.id, ticketId: first.json.id } });
    expect(detail.status).toBe(200);
    expect(detail.json.messages).toEqual([
      expect.objectContaining({ direction: "note", isInternal: true, body: "Opened by script", author: expect.objectContaining({ id: a.member.user.id }) }),
    ]);
    expect(detail.json.activity).toEqual([expect.objectContaining({ type: "created" })]);
  });

  it.runIf(hasConcurrentConnections)("gives gap-free numbers to concurrent creations (PostgreSQL: needs several connections)", async () => {
    const a = await seedWorkspace(db());
    const created = await Promise.all(Array.from({ length: 15 }, (_, i) => createTicketHttp(a.workspace.id, a.member.token, { subject: `T${i}`, body: "x" })));
    expect(created.map((c) => c.json.ticketNumber).sort((x, y) => x - y)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it("validates with 422 naming the fields", async () => {
    const a = await seedWorkspace(db());
    const res = await createTicketHttp(a.workspace.id, a.member.token, { subject: "", assigneeId: "nope" });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.details.fields).sort()).toEqual(["assigneeId", "body", "subject"]);
    const stranger = await seedWorkspace(db());
    const notMember = await createTicketHttp(a.workspace.id, a.member.token, { subject: "x", body: "y", assigneeId: stranger.owner.user.id });
    expect(notMember.status).toBe(422);
  });
});

describe("GET /tickets filters", () => {
  it("filters by status, assignee, priority, tags and search; pages with X-Total-Count; hides archived", async () => {
    const a = await seedWorkspace(db());
    const mk = async (subject: string, body: string, minutesAgo: number) => (await seedTicket(db(), a.workspace.id, { subject, body, minutesAgo })).ticket.id;
    const refund = await mk("Refund for order 1042", "I was charged twice", 50);
    const login = await mk("Cannot log in", "The password reset email never arrives", 40);
    const invoice = await mk("Invoice question", "Please send the invoice as PDF", 30);
    const archived = await mk("Old refund", "refunds please", 20);
    const params = { workspaceId: a.workspace.id };
    await callRoute(patchTicket, "PATCH", "/", {
      token: a.owner.token,
      params: { ...params, ticketId: refund },
      body: { assigneeId: a.member.user.id, priority: "urgent", tags: ["billing", "vip"] },
    });
    await callRoute(patchTicket, "PATCH", "/", { token: a.owner.token, params: { ...params, ticketId: invoice }, body: { tags: ["billing"] } });
    await callRoute(setStatus, "POST", "/", { token: a.owner.token, params: { ...params, ticketId: login }, body: { toStatus: "pending" } });
    await callRoute(archive, "POST", "/", { token: a.owner.token, params: { ...params, ticketId: archived } });

    const all = await listTicketsHttp(a.workspace.id, a.member.token);
    expect(subjects(all)).toEqual(["Invoice question", "Cannot log in", "Refund for order 1042"]);
    expect(all.headers.get("x-total-count")).toBe("3");

    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?status=pending"))).toEqual(["Cannot log in"]);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?status=open&status=pending"))).toHaveLength(3);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, `?assignee=${a.member.user.id}`))).toEqual(["Refund for order 1042"]);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?assignee=me"))).toEqual(["Refund for order 1042"]);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?assignee=none"))).toEqual(["Invoice question", "Cannot log in"]);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?priority=urgent"))).toEqual(["Refund for order 1042"]);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?tags=billing"))).toEqual(["Invoice question", "Refund for order 1042"]);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?tags=billing&tags=VIP"))).toEqual(["Refund for order 1042"]);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?status=open&tags=billing&assignee=" + a.member.user.id))).toEqual([
      "Refund for order 1042",
    ]);

    // Full text over subjects and bodies, with stemming ("charged" ~ "charge", "refunds" ~ "refund").
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?search=charge"))).toEqual(["Refund for order 1042"]);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?search=password%20email"))).toEqual(["Cannot log in"]);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?search=refunds&archived=true"))).toEqual(["Old refund"]);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?search=nothing-matches"))).toEqual([]);

    const page = await listTicketsHttp(a.workspace.id, a.member.token, "?limit=2&offset=2");
    expect(subjects(page)).toEqual(["Refund for order 1042"]);
    expect(page.headers.get("x-total-count")).toBe("3");
    const beyond = await listTicketsHttp(a.workspace.id, a.member.token, "?limit=2&offset=10");
    expect([beyond.json, beyond.headers.get("x-total-count")]).toEqual([[], "3"]);
    expect(subjects(await listTicketsHttp(a.workspace.id, a.member.token, "?archived=true"))).toEqual(["Old refund"]);

    const bad = await listTicketsHttp(a.workspace.id, a.member.token, "?limit=501&status=weird&assignee=bob");
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.details.fields).sort()).toEqual(["assignee", "limit", "status.0"]);
  });
});

describe("PATCH, status, archive", () => {
  it("assigns members only, unassigns with null, replaces tags by name, and records each change", async () => {
    const a = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id);
    const params = { workspaceId: a.workspace.id, ticketId: ticket.id };
    const patch = (body: unknown) => callRoute(patchTicket, "PATCH", "/", { token: a.member.token, params, body });

    expect((await patch({ assigneeId: a.owner.user.id, tags: ["one", "two"] })).json).toMatchObject({
      assigneeId: a.owner.user.id,
      tags: [{ name: "one" }, { name: "two" }],
    });
    expect((await patch({ tags: ["two", "three"] })).json.tags.map((t: { name: string }) => t.name)).toEqual(["three", "two"]);
    expect((await patch({ assigneeId: null })).json.assigneeId).toBeNull();
    const outsider = await seedWorkspace(db());
    const refused = await patch({ assigneeId: outsider.owner.user.id });
    expect(refused.status).toBe(422);
    expect(refused.json.error.details.fields).toHaveProperty("assigneeId");

    const detail = await callRoute(getTicket, "GET", "/", { token: a.member.token, params });
    expect(detail.json.activity.map((e: { type: string }) => e.type)).toEqual(["created", "assigned", "tagged", "tagged", "assigned"]);
    expect(detail.json.activity[3]).toMatchObject({ data: { added: ["three"], removed: ["one"] }, actor: { id: a.member.user.id } });
  });

  it("allows open ⇄ pending ⇄ closed, refuses a no-op or a merged ticket with 409, and archives idempotently", async () => {
    const a = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id);
    const params = { workspaceId: a.workspace.id, ticketId: ticket.id };
    const to = (toStatus: string) => callRoute(setStatus, "POST", "/", { token: a.member.token, params, body: { toStatus, reason: "test" } });
    for (const status of ["pending", "closed", "open", "closed", "pending", "open"]) {
      const res = await to(status);
      expect([res.status, res.json.status]).toEqual([200, status]);
    }
    expect((await to("open")).status).toBe(409);
    expect((await to("merged")).status).toBe(422);
    await db().ticket.update({ where: { id: ticket.id }, data: { status: "merged" } });
    expect((await to("closed")).status).toBe(409);

    const archived = await callRoute(archive, "POST", "/", { token: a.member.token, params });
    expect(archived.json.archivedAt).not.toBeNull();
    expect((await callRoute(archive, "POST", "/", { token: a.member.token, params })).json.archivedAt).toBe(archived.json.archivedAt);
    expect((await callRoute(unarchive, "POST", "/", { token: a.member.token, params })).json.archivedAt).toBeNull();
  });
});

describe("REST and tRPC", () => {
  it("answer the same for the same ticket and list", async () => {
    const a = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id, { subject: "Same answer" });
    const trpc = createCaller({ db: db(), caller: { kind: "session", userId: a.member.user.id } });
    const rest = await callRoute(getTicket, "GET", "/", { token: a.member.token, params: { workspaceId: a.workspace.id, ticketId: ticket.id } });
    expect(JSON.parse(JSON.stringify(await trpc.ticket.get({ workspaceSlug: a.workspace.slug, ticketId: ticket.id })))).toEqual(rest.json);
    const restList = await listTicketsHttp(a.workspace.id, a.member.token, "?status=open");
    const trpcList = await trpc.ticket.list({ workspaceSlug: a.workspace.slug, status: ["open"] });
    expect(JSON.parse(JSON.stringify(trpcList.tickets))).toEqual(restList.json);
    expect(String(trpcList.total)).toBe(restList.headers.get("x-total-count"));
  });
});
