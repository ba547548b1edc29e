import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { TAB_COUNT_CAP } from "@/server/tickets/ticket-counts";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { callRoute } from "@/test/http";
import { listTicketsHttp, seedTicket } from "@/test/tickets";
import { PATCH as patchTicket } from "./[ticketId]/route";
import { POST as addMessage } from "./[ticketId]/messages/route";
import { POST as mergeTicket } from "./[ticketId]/merge/route";
import { POST as splitTicket } from "./[ticketId]/split/route";
import { POST as snoozeTicket } from "./[ticketId]/snooze/route";
import { POST as setStatus } from "./[ticketId]/status/route";
import { GET as getCounts } from "./counts/route";

const db = useTestDatabase();
const subjects = (res: { json: { subject: string }[] }) => res.json.map((t) => t.subject);

/** Tickets T0 (oldest) … T<n-1>, with T2 and T3 sharing one activity time so the number breaks the tie. */
async function seedSeven(workspaceId: string) {
  const at = new Date("2026-11-01T10:00:00.000Z").getTime();
  for (let i = 0; i < 7; i++) await seedTicket(db(), workspaceId, { subject: `T${i}` });
  for (let i = 0; i < 7; i++) {
    await db().ticket.updateMany({ where: { workspaceId, subject: `T${i}` }, data: { lastActivityAt: new Date(at + (i === 3 ? 2 : i) * 60_000) } });
  }
}

describe("GET /tickets by cursor", () => {
  it("walks every ticket once by X-Next-Cursor, in the order offset pages give, and ends without a cursor", async () => {
    const a = await seedWorkspace(db());
    await seedSeven(a.workspace.id);
    const walked: string[] = [];
    let query = "?limit=3";
    for (let pages = 0; pages < 10; pages++) {
      const page = await listTicketsHttp(a.workspace.id, a.member.token, query);
      expect(page.status).toBe(200);
      walked.push(...subjects(page));
      const next = page.headers.get("x-next-cursor");
      if (!next) break;
      query = `?limit=3&cursor=${encodeURIComponent(next)}`;
    }
    expect(walked).toEqual(["T6", "T5", "T4", "T3", "T2", "T1", "T0"]);
    const byOffset = [0, 3, 6].map((offset) => listTicketsHttp(a.workspace.id, a.member.token, `?limit=3&offset=${offset}`));
    expect((await Promise.all(byOffset)).flatMap(subjects)).toEqual(walked);
  });

  it("continues after the last row seen when newer tickets arrive meanwhile", async () => {
    const a = await seedWorkspace(db());
    await seedSeven(a.workspace.id);
    const first = await listTicketsHttp(a.workspace.id, a.member.token, "?limit=3");
    await seedTicket(db(), a.workspace.id, { subject: "Newer" });
    const second = await listTicketsHttp(a.workspace.id, a.member.token, `?limit=3&cursor=${encodeURIComponent(first.headers.get("x-next-cursor")!)}`);
    expect(subjects(second)).toEqual(["T3", "T2", "T1"]);
    const byOffset = await listTicketsHttp(a.workspace.id, a.member.token, "?limit=3&offset=3");
    expect(subjects(byOffset)).toEqual(["T4", "T3", "T2"]);
  });

  it("keeps the filters on every page and refuses a forged cursor or a cursor with an offset", async () => {
    const a = await seedWorkspace(db());
    await seedSeven(a.workspace.id);
    const pending = await db().ticket.findMany({ where: { workspaceId: a.workspace.id, subject: { in: ["T1", "T4", "T5"] } } });
    for (const t of pending) {
      await callRoute(setStatus, "POST", "/", { token: a.owner.token, params: { workspaceId: a.workspace.id, ticketId: t.id }, body: { toStatus: "pending" } });
    }
    const first = await listTicketsHttp(a.workspace.id, a.member.token, "?status=pending&limit=2");
    const rest = await listTicketsHttp(
      a.workspace.id,
      a.member.token,
      `?status=pending&limit=2&cursor=${encodeURIComponent(first.headers.get("x-next-cursor")!)}`,
    );
    expect([...subjects(first), ...subjects(rest)]).toEqual(["T5", "T4", "T1"]);
    expect(rest.headers.get("x-next-cursor")).toBeNull();

    const forged = await listTicketsHttp(a.workspace.id, a.member.token, "?cursor=not-a-cursor");
    expect(forged.status).toBe(422);
    expect(Object.keys(forged.json.error.details.fields)).toEqual(["cursor"]);
    const both = await listTicketsHttp(a.workspace.id, a.member.token, `?offset=3&cursor=${encodeURIComponent(first.headers.get("x-next-cursor")!)}`);
    expect(both.status).toBe(422);
    expect(Object.keys(both.json.error.details.fields)).toEqual(["offset"]);
  });

  it("leaves out X-Total-Count with count=none, and tRPC answers the same page and cursor", async () => {
    const a = await seedWorkspace(db());
    await seedSeven(a.workspace.id);
    const counted = await listTicketsHttp(a.workspace.id, a.member.token, "?limit=3");
    const uncounted = await listTicketsHttp(a.workspace.id, a.member.token, "?limit=3&count=none");
    expect(counted.headers.get("x-total-count")).toBe("7");
    expect(uncounted.headers.get("x-total-count")).toBeNull();
    expect(uncounted.json).toEqual(counted.json);

    const caller = createCaller({ db: db(), caller: { kind: "session", userId: a.member.user.id } });
    const viaTrpc = await caller.ticket.list({ workspaceSlug: a.workspace.slug, limit: 3, count: "none" });
    expect(viaTrpc.total).toBeNull();
    expect(viaTrpc.tickets.map((t) => t.subject)).toEqual(subjects(counted));
    expect(viaTrpc.nextCursor).toBe(counted.headers.get("x-next-cursor"));
  });
});

describe("GET /tickets/counts", () => {
  const counts = (workspaceId: string, token: string, query = "") =>
    callRoute(getCounts, "GET", `/api/v1/workspaces/${workspaceId}/tickets/counts${query}`, { token, params: { workspaceId } });

  it("counts each tab under the filters", async () => {
    const a = await seedWorkspace(db());
    await seedSeven(a.workspace.id);
    const all = await db().ticket.findMany({ where: { workspaceId: a.workspace.id }, orderBy: { subject: "asc" } });
    const params = (t: { id: string }) => ({ workspaceId: a.workspace.id, ticketId: t.id });
    await callRoute(setStatus, "POST", "/", { token: a.owner.token, params: params(all[0]!), body: { toStatus: "pending" } });
    await callRoute(setStatus, "POST", "/", { token: a.owner.token, params: params(all[1]!), body: { toStatus: "closed" } });
    await db().ticket.update({ where: { id: all[2]!.id }, data: { archivedAt: new Date() } });
    await callRoute(patchTicket, "PATCH", "/", { token: a.owner.token, params: params(all[3]!), body: { tags: ["vip"], assigneeId: a.member.user.id } });
    // Snoozed: one open, one pending ticket leave their tabs for the Snoozed one.
    const snoozed = await callRoute(snoozeTicket, "POST", "/", {
      token: a.member.token,
      params: params(all[4]!),
      body: { until: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(snoozed.status).toBe(200);
    await db().ticket.update({ where: { id: all[0]!.id }, data: { snoozedUntil: new Date(Date.now() + 3_600_000) } });

    const whole = await counts(a.workspace.id, a.member.token);
    expect(whole.status).toBe(200);
    const c = (count: number) => ({ count, capped: false });
    expect(whole.json).toEqual({ open: c(3), pending: c(0), snoozed: c(2), closed: c(1), all: c(6), archived: c(1) });
    expect((await counts(a.workspace.id, a.member.token, "?tags=VIP")).json).toEqual({
      open: c(1),
      pending: c(0),
      snoozed: c(0),
      closed: c(0),
      all: c(1),
      archived: c(0),
    });
    expect((await counts(a.workspace.id, a.member.token, "?assignee=me")).json.all).toEqual(c(1));
    expect((await counts(a.workspace.id, a.member.token, "?assignee=bob")).status).toBe(422);
  });

  it(`stops at ${TAB_COUNT_CAP.toLocaleString("en")} and says so`, async () => {
    const a = await seedWorkspace(db());
    await db().$executeRaw`INSERT INTO "Ticket" ("id", "workspaceId", "ticketNumber", "subject", "updatedAt")
      SELECT gen_random_uuid(), ${a.workspace.id}::uuid, n, 'Bulk ' || n, now() FROM generate_series(1, ${TAB_COUNT_CAP + 1}) n`;
    await db().$executeRaw`UPDATE "Ticket" SET "status" = 'pending' WHERE "workspaceId" = ${a.workspace.id}::uuid AND "ticketNumber" <= 5`;
    const res = await counts(a.workspace.id, a.member.token);
    expect(res.json).toEqual({
      open: { count: TAB_COUNT_CAP - 4, capped: false },
      pending: { count: 5, capped: false },
      snoozed: { count: 0, capped: false },
      closed: { count: 0, capped: false },
      all: { count: TAB_COUNT_CAP, capped: true },
      archived: { count: 0, capped: false },
    });
  });
});

describe("search over a whole ticket", () => {
  const search = async (workspaceId: string, token: string, words: string) =>
    subjects(await listTicketsHttp(workspaceId, token, `?search=${encodeURIComponent(words)}`));

  it("finds the words of later messages, follows them through merge and split, and of a changed subject", async () => {
    const a = await seedWorkspace(db());
    const p = (ticketId: string) => ({ workspaceId: a.workspace.id, ticketId });
    const { ticket: first } = await seedTicket(db(), a.workspace.id, { subject: "Printer", body: "It jams" });
    const { ticket: second } = await seedTicket(db(), a.workspace.id, { subject: "Scanner", body: "It hums" });
    expect(await search(a.workspace.id, a.member.token, "toner")).toEqual([]);

    await callRoute(addMessage, "POST", "/", {
      token: a.member.token,
      params: p(first.id),
      body: { body: "Have you replaced the toner cartridge?", isInternal: true },
    });
    expect(await search(a.workspace.id, a.member.token, "toner")).toEqual(["Printer"]);

    const merged = await callRoute(mergeTicket, "POST", "/", { token: a.member.token, params: p(first.id), body: { targetTicketId: second.id } });
    expect(merged.status).toBe(200);
    expect(await search(a.workspace.id, a.member.token, "toner")).toEqual(["Scanner"]);
    expect(await search(a.workspace.id, a.member.token, "jams")).toEqual(["Scanner"]);

    const tonerMessage = await db().message.findFirstOrThrow({ where: { ticketId: second.id, bodyText: { contains: "toner" } } });
    const split = await callRoute(splitTicket, "POST", "/", {
      token: a.member.token,
      params: p(second.id),
      body: { messageIds: [tonerMessage.id], newSubject: "Cartridges" },
    });
    expect(split.status).toBe(201);
    expect(await search(a.workspace.id, a.member.token, "toner")).toEqual(["Cartridges"]);
    expect(await search(a.workspace.id, a.member.token, "hums")).toEqual(["Scanner"]);

    await callRoute(patchTicket, "PATCH", "/", { token: a.member.token, params: p(second.id), body: { subject: "Flatbed scanner noise" } });
    expect(await search(a.workspace.id, a.member.token, "flatbed hums")).toEqual(["Flatbed scanner noise"]);
  });

  it("stores a message whose words would pass the 1 MB a document can hold, and the ticket stays findable", async () => {
    const a = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id, { subject: "Huge logs", body: "findable opening words" });
    // Each body holds ~9,000 distinct words (~100 KB of lexemes): 14 of them pass tsvector's limit.
    const before = await db().message.count({ where: { ticketId: ticket.id } });
    for (let m = 0; m < 14; m++) {
      await db().$executeRaw`INSERT INTO "Message" ("id", "workspaceId", "ticketId", "direction", "bodyText")
        SELECT gen_random_uuid(), ${a.workspace.id}::uuid, ${ticket.id}::uuid, 'note', string_agg('w' || md5(${m}::text || n::text), ' ')
        FROM generate_series(1, 9000) n`;
    }
    expect(await db().message.count({ where: { ticketId: ticket.id } })).toBe(before + 14);
    expect(await search(a.workspace.id, a.member.token, "findable")).toEqual(["Huge logs"]);
  });
});
