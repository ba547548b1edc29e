import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace, sessionCookie } from "@/test/factories";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { listMailsHttp, seedDiscardedMail, seedHeldReply } from "@/test/incoming-mails";

const db = useTestDatabase();

const FIELDS = [
  "analysis",
  "body",
  "created_at",
  "id",
  "message_id",
  "notified",
  "recipient",
  "reply_to_closed_ticket",
  "sender",
  "subject",
  "ticket_id",
  "updated_at",
];

describe("GET /api/v1/incoming_mails", () => {
  it("lists the token's workspace's log newest first, with the seed API's fields, and both filters", async () => {
    const ws = await seedInboundWorkspace(db());
    const other = await seedInboundWorkspace(db());
    await seedDiscardedMail(db(), other);
    const { ticketId, mail: held } = await seedHeldReply(db(), ws);
    const discarded = await seedDiscardedMail(db(), ws, { subject: "Lost", text: "Anyone?" });

    const all = await listMailsHttp(ws.member.token);
    expect(all.status).toBe(200);
    expect(all.headers.get("x-total-count")).toBe("3");
    expect(all.json.map((m: { id: string }) => m.id).slice(0, 2)).toEqual([discarded.id, held.id]);
    expect(Object.keys(all.json[0]).sort()).toEqual(FIELDS);
    expect(all.json[0]).toMatchObject({
      message_id: discarded.messageIdHeader,
      sender: "bob@newco.com",
      recipient: ws.ticketMailbox.address,
      subject: "Lost",
      body: "Anyone?",
      ticket_id: null,
      reply_to_closed_ticket: false,
      notified: false,
      analysis: { routing: "discarded_unmatched", ticketId: null, matchedBy: null, policyApplied: { unmatchedInbound: "discard" } },
      created_at: discarded.createdAt.toISOString(),
    });
    expect(all.json[1]).toMatchObject({
      ticket_id: ticketId,
      reply_to_closed_ticket: true,
      analysis: {
        routing: "held_reply_to_closed_ticket",
        ticketId,
        matchedBy: "in-reply-to",
        matchedTicketNumber: 1,
        autoReply: { isAutoReply: false, isBulk: false, reasons: [] },
        policyApplied: { closedTicketReply: "hold" },
      },
    });
    expect(all.json[2].analysis).toMatchObject({ routing: "created_ticket", policyApplied: { unmatchedInbound: "create" } });

    const outTicket = await listMailsHttp(ws.member.token, "?filter=out_ticket");
    expect(outTicket.json.map((m: { id: string }) => m.id)).toEqual([discarded.id]);
    // The seed API's JavaScript example spells it `outTicket`.
    expect((await listMailsHttp(ws.member.token, "?filter=outTicket")).json).toEqual(outTicket.json);
    const heldOnly = await listMailsHttp(ws.member.token, "?filter=reply_to_closed_ticket");
    expect(heldOnly.json.map((m: { id: string }) => m.id)).toEqual([held.id]);
    expect((await listMailsHttp(ws.member.token, "?filter=")).json).toHaveLength(3);
    expect((await listMailsHttp(ws.member.token, "?filter=closed")).status).toBe(422);
  });

  it("explains auto-reply flags and the header that matched", async () => {
    const ws = await seedInboundWorkspace(db());
    const first = newMessageId();
    await postRpc({ organizationId: ws.workspace.id, from: "jane@acme.com", to: ws.ticketMailbox.address, subject: "Q", text: "x", messageId: first });
    await postRpc({
      organizationId: ws.workspace.id,
      from: "jane@acme.com",
      to: ws.ticketMailbox.address,
      subject: "Out of office",
      text: "Back Monday",
      messageId: newMessageId(),
      references: `<unknown@x> ${first}`,
      headers: { "Auto-Submitted": "auto-replied" },
    });
    const [latest] = (await listMailsHttp(ws.member.token)).json;
    expect(latest.analysis).toMatchObject({
      routing: "appended",
      matchedBy: "references",
      matchedOn: first.slice(1, -1),
      policyApplied: null,
      autoReply: { isAutoReply: true, reasons: expect.arrayContaining([expect.stringMatching(/auto-submitted/i)]) },
    });
  });

  it("pages 100 at a time", async () => {
    const ws = await seedWorkspace(db());
    const base = Date.now() - 1_000_000;
    await db().incomingMail.createMany({
      data: Array.from({ length: 101 }, (_, i) => ({
        workspaceId: ws.workspace.id,
        source: "rpc",
        contentHash: randomUUID(),
        sender: "bulk@example.com",
        recipient: "support@example.com",
        subject: `Mail ${i}`,
        body: "",
        createdAt: new Date(base + i * 1000),
      })),
    });
    const first = await listMailsHttp(ws.owner.token);
    expect(first.json).toHaveLength(100);
    expect(first.headers.get("x-total-count")).toBe("101");
    expect(first.json[0].subject).toBe("Mail 100");
    const second = await listMailsHttp(ws.owner.token, "?page=2");
    expect(second.json.map((m: { subject: string }) => m.subject)).toEqual(["Mail 0"]);
    expect((await listMailsHttp(ws.owner.token, "?page=3")).json).toEqual([]);
    expect((await listMailsHttp(ws.owner.token, "?page=0")).status).toBe(422);
  });

  it("needs a caller, takes a session's workspace from x-workspace-id, and hides other workspaces", async () => {
    const a = await seedInboundWorkspace(db());
    const b = await seedWorkspace(db());
    await seedDiscardedMail(db(), a);

    const anonymous = await listMailsHttp("");
    expect(anonymous.status).toBe(401);
    const cookie = await sessionCookie(a.member.user.id);
    const noHeader = await listMailsHttp("", "", { cookie });
    expect(noHeader.status).toBe(400);
    expect(noHeader.json.error.details).toEqual({ fields: { "x-workspace-id": expect.any(String) } });
    const session = await listMailsHttp("", "", { cookie, "x-workspace-id": a.workspace.id });
    expect(session.status).toBe(200);
    expect(session.json).toHaveLength(1);
    expect((await listMailsHttp("", "", { cookie, "x-workspace-id": b.workspace.id })).status).toBe(404);
    expect((await listMailsHttp("", "", { cookie, "x-workspace-id": "not-a-uuid" })).status).toBe(404);

    // A token works on its own workspace only.
    expect((await listMailsHttp(b.owner.token)).json).toEqual([]);
    expect((await listMailsHttp(b.owner.token, "", { "x-workspace-id": a.workspace.id })).status).toBe(400);
  });
});
