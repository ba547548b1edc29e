import { describe, expect, it } from "vitest";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";

const db = useTestDatabase();

/** One email, sent again and again by the redelivery tests. */
const onceEmail = (ws: { workspace: { id: string }; ticketMailbox: { address: string } }) => ({
  organizationId: ws.workspace.id,
  from: "a@b.com",
  to: ws.ticketMailbox.address,
  subject: "Once",
  text: "only once",
  messageId: newMessageId(),
});

/** Tickets, messages, receive-log rows and jobs the workspace holds. */
async function storedRows(workspaceId: string) {
  const where = { workspaceId };
  return [await db().ticket.count({ where }), await db().message.count({ where }), await db().incomingMail.count({ where }), await db().job.count({ where })];
}

describe("POST /api/rpc/tickets/email/inbound", () => {
  it("creates a ticket with its contact, message and receive-log row, and answers its ids", async () => {
    const ws = await seedInboundWorkspace(db());
    const messageId = newMessageId();
    const res = await postRpc({
      organizationId: ws.workspace.id,
      from: '"Cooper, Jane" <Jane@Acme.com>',
      to: ws.ticketMailbox.address,
      subject: "Printer on fire",
      text: "Help, the printer is on fire.",
      html: '<p onclick="steal()">Help, the <b>printer</b> is on fire.<script>alert(1)</script></p>',
      messageId,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, ticketId: expect.any(String), messageId: expect.any(String) });

    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: res.json.ticketId }, include: { contact: true, messages: true } });
    expect(ticket).toMatchObject({
      workspaceId: ws.workspace.id,
      kind: "ticket",
      subject: "Printer on fire",
      status: "open",
      ticketNumber: 1,
      mailboxId: ws.ticketMailbox.id,
    });
    expect(ticket.contact).toMatchObject({ email: "jane@acme.com", name: "Cooper, Jane" });
    expect(ticket.messages).toHaveLength(1);
    const message = ticket.messages[0]!;
    expect(message).toMatchObject({
      id: res.json.messageId,
      direction: "inbound",
      messageIdHeader: messageId.slice(1, -1),
      bodyText: "Help, the printer is on fire.",
    });
    expect(message.bodyHtml).toContain("<b>printer</b>");
    expect(message.bodyHtml).not.toMatch(/script|onclick/);

    const log = await db().incomingMail.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    expect(log).toMatchObject({ sender: "jane@acme.com", subject: "Printer on fire", ticketId: ticket.id, messageId: message.id, source: "rpc" });
    expect(log.analysis).toMatchObject({ routing: "created_ticket", matchedBy: null, autoReply: { isAutoReply: false } });
    expect(log.processedAt).not.toBeNull();
  });

  it("makes a conversation for mail to an inbox mailbox", async () => {
    const ws = await seedInboundWorkspace(db());
    const res = await postRpc({
      organizationId: ws.workspace.id,
      from: "a@b.com",
      to: `Team <${ws.inboxMailbox.address.toUpperCase()}>`,
      subject: "Hi",
      text: "x",
    });
    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: res.json.ticketId } });
    expect(ticket).toMatchObject({ kind: "conversation", mailboxId: ws.inboxMailbox.id });
    const log = await db().incomingMail.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(log.analysis).toMatchObject({ routing: "created_conversation", mailbox: { id: ws.inboxMailbox.id } });
  });

  it("validates: 422 naming the fields, 400 for broken JSON, 404 for an unknown workspace; nothing stored", async () => {
    const ws = await seedInboundWorkspace(db());
    const missing = await postRpc({ subject: "no sender" });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.json.error.details.fields).sort()).toEqual(["from", "organizationId", "to"]);

    const badFrom = await postRpc({ organizationId: ws.workspace.id, from: "not an address", to: ws.ticketMailbox.address });
    expect(badFrom.status).toBe(422);
    expect(badFrom.json.error.details.fields).toEqual({ from: "must be an email address" });

    const badAttachment = await postRpc({
      organizationId: ws.workspace.id,
      from: "a@b.com",
      to: "x@y.z",
      attachments: [{ filename: "a.txt", url: "file:///etc/passwd" }],
    });
    expect(badAttachment.status).toBe(422);
    expect(Object.keys(badAttachment.json.error.details.fields)).toEqual(["attachments.0.url"]);

    const unknown = await postRpc({ organizationId: "00000000-0000-4000-8000-000000000000", from: "a@b.com", to: "x@y.z" });
    expect(unknown.status).toBe(404);

    const { callRoute } = await import("@/test/http");
    const { POST } = await import("./route");
    const broken = await callRoute(POST, "POST", "/api/rpc/tickets/email/inbound", { body: "{not json" });
    expect(broken.status).toBe(400);
    const { INBOUND_MAX_BYTES } = await import("@/server/inbound/limits");
    const huge = JSON.stringify({ organizationId: ws.workspace.id, from: "a@b.com", to: "x@y.z", text: "x".repeat(INBOUND_MAX_BYTES) });
    const tooLarge = await callRoute(POST, "POST", "/api/rpc/tickets/email/inbound", { body: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error.code).toBe("PAYLOAD_TOO_LARGE");
    const wrongTypes = await postRpc({ organizationId: ws.workspace.id, from: "a@b.com", to: "x@y.z", subject: 42, attachments: "none" });
    expect(wrongTypes.status).toBe(422);
    expect(Object.keys(wrongTypes.json.error.details.fields).sort()).toEqual(["attachments", "subject"]);
    expect(await db().incomingMail.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
  });

  it("requires a mailbox secret of the workspace when the workspace says so", async () => {
    const ws = await seedInboundWorkspace(db());
    const other = await seedInboundWorkspace(db());
    await db().workspace.update({ where: { id: ws.workspace.id }, data: { requireInboundSecret: true } });
    const body = { organizationId: ws.workspace.id, from: "a@b.com", to: ws.ticketMailbox.address, text: "hi", messageId: newMessageId() };
    expect((await postRpc(body)).status).toBe(401);
    expect((await postRpc(body, { "x-inbound-secret": other.ticketMailbox.inboundSecret })).status).toBe(401);
    expect((await postRpc(body, { "x-inbound-secret": ws.inboxMailbox.inboundSecret })).status).toBe(200);
  });

  it("answers a redelivery with the first result and changes nothing", async () => {
    const ws = await seedInboundWorkspace(db());
    const body = onceEmail(ws);
    const first = await postRpc(body);
    expect(first.status).toBe(200);
    expect((await postRpc(body)).json).toEqual(first.json);
    const again = await postRpc({ ...body, messageId: ` ${body.messageId.slice(1, -1)} ` });
    expect(again.json).toEqual(first.json);
    expect(await storedRows(ws.workspace.id)).toEqual([1, 1, 1, 1]);
  });

  it.runIf(hasConcurrentConnections)(
    "answers 20 concurrent copies with one result and stores the email once (PostgreSQL: needs several connections)",
    async () => {
      const ws = await seedInboundWorkspace(db());
      const body = onceEmail(ws);
      const answers = await Promise.all(Array.from({ length: 20 }, () => postRpc(body)));
      expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
      expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);
      expect(await storedRows(ws.workspace.id)).toEqual([1, 1, 1, 1]);
    },
  );

  it("dedupes mail without a Message-ID by its content within 24 hours", async () => {
    const ws = await seedInboundWorkspace(db());
    const body = { organizationId: ws.workspace.id, from: "a@b.com", to: ws.ticketMailbox.address, subject: "No id", text: "line one\r\nline two" };
    const first = await postRpc(body);
    const second = await postRpc({ ...body, text: "line one\nline two" });
    expect(second.json).toEqual(first.json);
    const different = await postRpc({ ...body, text: "something else" });
    expect(different.json.ticketId).not.toBe(first.json.ticketId);

    await db().incomingMail.updateMany({ where: { ticketId: first.json.ticketId }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    const dayLater = await postRpc(body);
    expect(dayLater.json.ticketId).not.toBe(first.json.ticketId);
  });
});
