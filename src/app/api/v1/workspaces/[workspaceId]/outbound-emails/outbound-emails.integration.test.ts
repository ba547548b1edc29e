import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { OutboundEmailKind } from "@/generated/prisma/client";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard, trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { GET as listOutbound } from "./route";

const db = useTestDatabase();

function seedEmail(workspaceId: string, toAddress: string, kind: OutboundEmailKind, minutesAgo: number) {
  return db().outboundEmail.create({
    data: {
      workspaceId,
      kind,
      fromAddress: "support@example.test",
      toAddress,
      ccAddresses: ["cc@example.com"],
      subject: `${kind} to ${toAddress}`,
      bodyText: "Hello",
      bodyHtml: "<p>Hello</p>",
      messageIdHeader: `${randomUUID()}@example.test`,
      inReplyTo: "parent@mail.example.com",
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    },
  });
}

describe("GET /api/v1/workspaces/:workspaceId/outbound-emails", () => {
  it("lists the workspace's sent and recorded mail newest first, with its fields", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    await seedEmail(b.workspace.id, "ann@example.com", "reply", 0);
    const older = await seedEmail(a.workspace.id, "ann@example.com", "confirmation", 30);
    const newer = await db().outboundEmail.update({
      where: { id: (await seedEmail(a.workspace.id, "bob@example.com", "reply", 5)).id },
      data: { status: "sent", sentAt: new Date(), providerId: "smtp-1" },
    });

    const res = await callRoute(listOutbound, "GET", "/o", { token: a.member.token, params: { workspaceId: a.workspace.id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-total-count")).toBe("2");
    expect(res.json.map((e: { id: string }) => e.id)).toEqual([newer.id, older.id]);
    expect(res.json[0]).toEqual({
      id: newer.id,
      kind: "reply",
      ticketId: null,
      fromAddress: "support@example.test",
      toAddress: "bob@example.com",
      ccAddresses: ["cc@example.com"],
      subject: "reply to bob@example.com",
      bodyText: "Hello",
      messageId: newer.messageIdHeader,
      inReplyTo: "parent@mail.example.com",
      status: "sent",
      providerId: "smtp-1",
      error: null,
      createdAt: newer.createdAt.toISOString(),
      sentAt: newer.sentAt!.toISOString(),
    });
    expect(res.json[1]).toMatchObject({ status: "recorded", sentAt: null, providerId: null });
  });

  it("filters by recipient (any case) and kind, pages with limit/offset, 422 for bad filters", async () => {
    const a = await seedWorkspace(db());
    const ws = a.workspace.id;
    const ids: string[] = [];
    for (let minutesAgo = 1; minutesAgo <= 4; minutesAgo += 1) ids.push((await seedEmail(ws, "ann@example.com", "automated_response", minutesAgo)).id);
    await seedEmail(ws, "ann@example.com", "reply", 10);
    await seedEmail(ws, "bob@example.com", "automated_response", 10);
    const get = (query: string) => callRoute(listOutbound, "GET", `/o?${query}`, { token: a.member.token, params: { workspaceId: ws } });

    const page = await get("to=ANN@example.com&kind=automated_response&limit=2&offset=1");
    expect(page.headers.get("x-total-count")).toBe("4");
    expect(page.json.map((e: { id: string }) => e.id)).toEqual([ids[1], ids[2]]);
    expect((await get("to=ann@example.com")).headers.get("x-total-count")).toBe("5");
    expect((await get("kind=automated_response")).headers.get("x-total-count")).toBe("5");
    expect((await get("to=&kind=")).headers.get("x-total-count")).toBe("6");

    const invalid = await get("kind=spam&limit=1000");
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details.fields).sort()).toEqual(["kind", "limit"]);
  });

  it("is guarded: 401 without a token, 404 for another workspace's token", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    await expectWorkspaceGuard(listOutbound, "GET", { params: { workspaceId: a.workspace.id }, outsiderToken: b.owner.token });
  });

  it("answers the same through tRPC", async () => {
    const a = await seedWorkspace(db());
    await seedEmail(a.workspace.id, "ann@example.com", "notification", 1);
    const rest = await callRoute(listOutbound, "GET", "/o?kind=notification", { token: a.member.token, params: { workspaceId: a.workspace.id } });
    const trpc = await trpcAs(db(), a.member.user.id).outboundEmail.list({ workspaceSlug: a.workspace.slug, kind: "notification" });
    expect(trpc).toEqual({ emails: rest.json, total: 1 });
  });
});
