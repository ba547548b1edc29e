import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { convertMailHttp, listMailsHttp, seedDiscardedMail, seedHeldReply } from "@/test/incoming-mails";
import { seedInboundWorkspace } from "@/test/inbound";
import { NEW_TICKET_JOB } from "@/server/tickets/new-ticket-event";

const db = useTestDatabase();
const ATTACHMENT = { filename: "invoice.pdf", contentType: "application/pdf", url: "http://127.0.0.1:9/invoice.pdf" };

async function seedCustomer(workspaceId: string, name = "NewCo") {
  return db().customer.create({ data: { workspaceId, name } });
}

describe("PUT /api/v1/incoming_mails/:id/ticket", () => {
  it("makes a ticket for the customer from a discarded mail, once", async () => {
    const ws = await seedInboundWorkspace(db());
    const customer = await seedCustomer(ws.workspace.id);
    const mail = await seedDiscardedMail(db(), ws, {
      subject: "Re: Fwd: [#42] Invoice question",
      text: "Please see the attachment.\n\nOn Mon, Jan 1, 2024 at 10:00 AM Ann <ann@x.com> wrote:\n> Earlier text",
      html: "<p>Please see the attachment.</p><script>alert(1)</script>",
      attachments: [ATTACHMENT],
    });

    const first = await convertMailHttp(ws.member.token, mail.id, { customer_id: customer.id });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      subject: "Invoice question",
      kind: "ticket",
      status: "open",
      mailboxId: ws.ticketMailbox.id,
      contact: { email: "bob@newco.com", name: "Bob" },
      customer: { id: customer.id, name: "NewCo" },
    });
    const ticketId = first.json.id as string;

    const message = await db().message.findFirstOrThrow({ where: { ticketId } });
    expect(message).toMatchObject({
      direction: "inbound",
      fromAddress: "bob@newco.com",
      bodyText: "Please see the attachment.",
      messageIdHeader: mail.messageIdHeader,
    });
    expect(message.bodyTextFull).toContain("> Earlier text");
    expect(message.bodyHtml).toContain("Please see the attachment.");
    expect(message.bodyHtml).not.toContain("script");
    expect(await db().contact.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, email: "bob@newco.com" } })).toMatchObject({ customerId: customer.id });
    expect(await db().attachment.findFirstOrThrow({ where: { incomingMailId: mail.id } })).toMatchObject({ ticketId, messageId: message.id });
    const log = await db().incomingMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(log).toMatchObject({ ticketId, messageId: message.id, replyToClosedTicket: false });
    expect(log.analysis).toMatchObject({ routing: "discarded_unmatched", resolution: { action: "converted_to_ticket", ticketId, userId: ws.member.user.id } });
    const timeline = await db().activityEvent.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" } });
    expect(timeline.map((e) => [e.type, e.actorUserId])).toEqual([
      ["created", ws.member.user.id],
      ["incoming_mail_converted", ws.member.user.id],
    ]);
    // An agent's action: no automations, no confirmation.
    expect(await db().job.count({ where: { workspaceId: ws.workspace.id, type: NEW_TICKET_JOB } })).toBe(0);

    const again = await convertMailHttp(ws.member.token, mail.id, { customer_id: customer.id });
    expect(again).toMatchObject({ status: 201, json: { id: ticketId } });
    expect(await db().ticket.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
    expect(await db().message.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });

  it("makes one ticket when two conversions race, a conversation for an inbox mailbox", async () => {
    const ws = await seedInboundWorkspace(db());
    const customer = await seedCustomer(ws.workspace.id);
    const mail = await seedDiscardedMail(db(), ws, { to: ws.inboxMailbox.address });
    const [a, b] = await Promise.all([
      convertMailHttp(ws.member.token, mail.id, { customer_id: customer.id }),
      convertMailHttp(ws.owner.token, mail.id, { customer_id: customer.id }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.id).toBe(b.json.id);
    expect(a.json).toMatchObject({ kind: "conversation", mailboxId: ws.inboxMailbox.id });
    expect(await db().ticket.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });

  it("turns a held reply into a ticket of its own and clears the closed flag", async () => {
    const ws = await seedInboundWorkspace(db());
    const customer = await seedCustomer(ws.workspace.id, "Acme");
    const { ticketId: closedId, mail } = await seedHeldReply(db(), ws);
    const res = await convertMailHttp(ws.owner.token, mail.id, { customer_id: customer.id });
    expect(res.status).toBe(201);
    expect(res.json.id).not.toBe(closedId);
    expect(res.json).toMatchObject({ subject: "Broken", ticketNumber: 2, customer: { id: customer.id } });
    // The closed ticket is left as it was.
    expect(await db().ticket.findUniqueOrThrow({ where: { id: closedId } })).toMatchObject({ status: "closed", exchangeCount: 0 });
    const [listed] = (await listMailsHttp(ws.owner.token, "?filter=reply_to_closed_ticket")).json;
    expect(listed).toBeUndefined();
    expect(await db().incomingMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ ticketId: res.json.id, replyToClosedTicket: false });
  });

  it("needs customer_id (422) naming a customer of the workspace (404), and a mail of the workspace (404)", async () => {
    const ws = await seedInboundWorkspace(db());
    const other = await seedInboundWorkspace(db());
    const foreignCustomer = await seedCustomer(other.workspace.id);
    const mail = await seedDiscardedMail(db(), ws);

    const missing = await convertMailHttp(ws.member.token, mail.id, {});
    expect(missing).toMatchObject({ status: 422, json: { error: { code: "VALIDATION", details: { fields: { customer_id: "Required" } } } } });
    for (const customerId of [foreignCustomer.id, "00000000-0000-4000-8000-000000000000", "acme"]) {
      const unknown = await convertMailHttp(ws.member.token, mail.id, { customer_id: customerId });
      expect(unknown).toMatchObject({ status: 404, json: { error: { code: "NOT_FOUND", message: "Customer not found" } } });
    }
    const foreignMail = await convertMailHttp(other.member.token, mail.id, { customer_id: foreignCustomer.id });
    expect(foreignMail).toMatchObject({ status: 404, json: { error: { message: "Incoming mail not found" } } });
    expect(await db().ticket.count({ where: { workspaceId: { in: [ws.workspace.id, other.workspace.id] } } })).toBe(0);
    expect((await convertMailHttp("", mail.id, { customer_id: foreignCustomer.id })).status).toBe(401);
  });
});
