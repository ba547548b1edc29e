import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { replyMailHttp, seedDiscardedMail, seedHeldReply } from "@/test/incoming-mails";
import { seedInboundWorkspace } from "@/test/inbound";

const db = useTestDatabase();
const ATTACHMENT = { filename: "invoice.pdf", contentType: "application/pdf", url: "http://127.0.0.1:9/invoice.pdf" };

describe("PUT /api/v1/incoming_mails/:id/reply", () => {
  it("appends a held reply to its closed ticket as routing would, with a timeline entry, once", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId, mail, firstMessageId } = await seedHeldReply(db(), ws, {
      from: "Carol <carol@acme.com>",
      text: "Still broken.\n\n> It broke",
      attachments: [ATTACHMENT],
    });

    const res = await replyMailHttp(ws.member.token, mail.id);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ id: ticketId, status: "open", exchangeCount: 1, closureScheduledAt: null, contact: { email: "jane@acme.com" } });

    const reply = await db().message.findFirstOrThrow({ where: { ticketId, messageIdHeader: mail.messageIdHeader } });
    expect(reply).toMatchObject({
      direction: "inbound",
      fromAddress: "carol@acme.com",
      fromName: "Carol",
      bodyText: "Still broken.",
      inReplyTo: firstMessageId.slice(1, -1),
    });
    expect(await db().contact.count({ where: { workspaceId: ws.workspace.id, email: "carol@acme.com" } })).toBe(1);
    expect(await db().attachment.findFirstOrThrow({ where: { incomingMailId: mail.id } })).toMatchObject({ ticketId, messageId: reply.id });
    const timeline = await db().activityEvent.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" } });
    expect(timeline.map((e) => e.type)).toEqual(["created", "status_changed", "incoming_mail_replied"]);
    expect(timeline[2]).toMatchObject({ actorUserId: ws.member.user.id, data: { incomingMailId: mail.id, messageId: reply.id, reopened: true } });
    const log = await db().incomingMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(log).toMatchObject({ ticketId, messageId: reply.id, replyToClosedTicket: false });
    expect(log.analysis).toMatchObject({ routing: "held_reply_to_closed_ticket", resolution: { action: "added_as_reply" } });

    const again = await replyMailHttp(ws.owner.token, mail.id);
    expect(again).toMatchObject({ status: 201, json: { id: ticketId, exchangeCount: 1 } });
    expect(await db().message.count({ where: { ticketId } })).toBe(2);
    expect(await db().activityEvent.count({ where: { ticketId, type: "incoming_mail_replied" } })).toBe(1);
  });

  it("lands in the ticket a merged ticket went into", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId, mail } = await seedHeldReply(db(), ws);
    const target = await db().ticket.create({ data: { workspaceId: ws.workspace.id, ticketNumber: 50, subject: "Target" } });
    await db().ticket.update({ where: { id: ticketId }, data: { status: "merged", mergedIntoId: target.id } });
    const res = await replyMailHttp(ws.member.token, mail.id);
    expect(res).toMatchObject({ status: 201, json: { id: target.id, exchangeCount: 1 } });
  });

  it("answers 404 when the mail, or its ticket, is missing", async () => {
    const ws = await seedInboundWorkspace(db());
    const other = await seedInboundWorkspace(db());
    const { ticketId, mail } = await seedHeldReply(db(), ws);
    const discarded = await seedDiscardedMail(db(), ws);
    expect(await replyMailHttp(ws.member.token, discarded.id)).toMatchObject({ status: 404, json: { error: { message: "Ticket not found" } } });

    expect(await replyMailHttp(other.member.token, mail.id)).toMatchObject({ status: 404, json: { error: { message: "Incoming mail not found" } } });
    expect((await replyMailHttp(ws.member.token, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    await db().ticket.delete({ where: { id: ticketId } });
    expect(await replyMailHttp(ws.member.token, mail.id)).toMatchObject({ status: 404, json: { error: { message: "Ticket not found" } } });
  });
});
