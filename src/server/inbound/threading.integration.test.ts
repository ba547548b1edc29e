import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { jobHandlers } from "@/server/jobs/registry";
import { runPendingJobs } from "@/server/jobs/jobs";

const db = useTestDatabase();
type Ws = Awaited<ReturnType<typeof seedInboundWorkspace>>;

function mail(ws: Ws, overrides: Record<string, unknown> = {}) {
  return {
    organizationId: ws.workspace.id,
    from: "Jane <jane@acme.com>",
    to: ws.ticketMailbox.address,
    subject: "Question",
    text: "Hello",
    messageId: newMessageId(),
    ...overrides,
  };
}

async function analysisOf(ticketIdOrNull: string | null, messageId: string) {
  const log = await db().incomingMail.findFirstOrThrow({ where: { messageIdHeader: messageId.slice(1, -1) } });
  return { log, analysis: log.analysis as Record<string, unknown>, ticketId: ticketIdOrNull };
}

describe("threading replies into tickets", () => {
  it("matches In-Reply-To, then References from last to first, against inbound and outbound Message-IDs", async () => {
    const ws = await seedInboundWorkspace(db());
    const first = mail(ws);
    const created = await postRpc(first);

    const reply = mail(ws, { subject: "Re: Question", text: "Thanks!\n\nOn Mon, Jane wrote:\n> Hello", inReplyTo: first.messageId });
    const replied = await postRpc(reply);
    expect(replied.json.ticketId).toBe(created.json.ticketId);
    const message = await db().message.findUniqueOrThrow({ where: { id: replied.json.messageId } });
    expect(message.bodyText).toBe("Thanks!");
    expect(message.bodyTextFull).toContain("> Hello");
    expect((await analysisOf(null, reply.messageId)).analysis).toMatchObject({
      routing: "appended",
      matchedBy: "in-reply-to",
      matchedOn: first.messageId.slice(1, -1),
    });

    // Unknown ids are skipped; the last known reference wins.
    const viaReferences = mail(ws, { references: `<unknown@x> ${first.messageId} <also-unknown@y>` });
    expect((await postRpc(viaReferences)).json.ticketId).toBe(created.json.ticketId);
    expect((await analysisOf(null, viaReferences.messageId)).analysis).toMatchObject({ matchedBy: "references" });

    // The confirmation we send has its own Message-ID; a reply to it threads back.
    await runPendingJobs(db(), jobHandlers());
    const confirmation = await db().outboundEmail.findFirstOrThrow({ where: { ticketId: created.json.ticketId, kind: "confirmation" } });
    const toConfirmation = mail(ws, { inReplyTo: `<${confirmation.messageIdHeader}>` });
    expect((await postRpc(toConfirmation)).json.ticketId).toBe(created.json.ticketId);

    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: created.json.ticketId } });
    expect(ticket.exchangeCount).toBe(3);
    expect(await db().ticket.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });

  it("matches a Message-ID whose domain differs in case, never one whose local part does", async () => {
    const ws = await seedInboundWorkspace(db());
    const first = mail(ws, { messageId: "<Case.Sensitive-1@Mail.Example.COM>" });
    const created = await postRpc(first);
    expect(await db().message.count({ where: { messageIdHeader: "Case.Sensitive-1@mail.example.com" } })).toBe(1);

    const sameDomainOtherCase = mail(ws, { inReplyTo: "<Case.Sensitive-1@MAIL.EXAMPLE.com>" });
    expect((await postRpc(sameDomainOtherCase)).json.ticketId).toBe(created.json.ticketId);
    const otherLocalCase = mail(ws, { inReplyTo: "<case.sensitive-1@mail.example.com>" });
    expect((await postRpc(otherLocalCase)).json.ticketId).not.toBe(created.json.ticketId);
    // A redelivery with the domain in another case is the same email, recognised by the receive log.
    const redelivered = await postRpc({ ...first, messageId: "<Case.Sensitive-1@mail.EXAMPLE.com>" });
    expect(redelivered.json.ticketId).toBe(created.json.ticketId);
    expect(await db().message.count({ where: { ticketId: created.json.ticketId } })).toBe(2);
  });

  it("matches a [#n] subject token only when the sender is that ticket's contact", async () => {
    const ws = await seedInboundWorkspace(db());
    const created = await postRpc(mail(ws, { subject: "Broken login" }));
    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: created.json.ticketId } });

    const fromContact = mail(ws, { subject: `Re: [#${ticket.ticketNumber}] Broken login`, from: "JANE@acme.com" });
    expect((await postRpc(fromContact)).json.ticketId).toBe(ticket.id);
    expect((await analysisOf(null, fromContact.messageId)).analysis).toMatchObject({ matchedBy: "subject-token", matchedOn: `[#${ticket.ticketNumber}]` });

    const fromStranger = await postRpc(mail(ws, { subject: `Re: [#${ticket.ticketNumber}] Broken login`, from: "mallory@evil.test" }));
    expect(fromStranger.json.ticketId).not.toBe(ticket.id);
    const strangerTicket = await db().ticket.findUniqueOrThrow({ where: { id: fromStranger.json.ticketId } });
    expect(strangerTicket.subject).toBe("Broken login");
  });

  it("lands a reply to a merged ticket in the ticket it was merged into", async () => {
    const ws = await seedInboundWorkspace(db());
    const source = mail(ws);
    const sourceId = (await postRpc(source)).json.ticketId;
    const targetId = (await postRpc(mail(ws))).json.ticketId;
    await db().ticket.update({ where: { id: sourceId }, data: { status: "merged", mergedIntoId: targetId } });

    const reply = mail(ws, { inReplyTo: source.messageId });
    expect((await postRpc(reply)).json.ticketId).toBe(targetId);
    const { analysis } = await analysisOf(null, reply.messageId);
    expect(analysis.mergedFrom).toEqual([1]);
  });

  it("reopens a closed ticket on a customer reply under closedTicketReply=reopen", async () => {
    const ws = await seedInboundWorkspace(db());
    const first = mail(ws);
    const ticketId = (await postRpc(first)).json.ticketId;
    await db().ticket.update({ where: { id: ticketId }, data: { status: "closed", closureScheduledAt: new Date() } });
    const reply = mail(ws, { inReplyTo: first.messageId });
    const res = await postRpc(reply);
    expect(res.json).toMatchObject({ ticketId, messageId: expect.any(String) });
    expect(await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({ status: "open", closureScheduledAt: null });
    expect((await analysisOf(null, reply.messageId)).analysis).toMatchObject({ routing: "reopened" });
    expect(await db().activityEvent.count({ where: { ticketId, type: "status_changed" } })).toBe(1);
  });

  it("holds a reply to a closed ticket in the log under closedTicketReply=hold", async () => {
    const ws = await seedInboundWorkspace(db());
    await db().workspace.update({ where: { id: ws.workspace.id }, data: { closedTicketReply: "hold" } });
    const first = mail(ws);
    const ticketId = (await postRpc(first)).json.ticketId;
    await db().ticket.update({ where: { id: ticketId }, data: { status: "closed" } });
    const reply = mail(ws, { inReplyTo: first.messageId });
    const res = await postRpc(reply);
    expect(res.json).toEqual({ success: true, ticketId, messageId: null });
    expect(await db().message.count({ where: { ticketId } })).toBe(1);
    expect(await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).toMatchObject({ status: "closed" });
    const { log, analysis } = await analysisOf(null, reply.messageId);
    expect(log).toMatchObject({ replyToClosedTicket: true, ticketId });
    expect(analysis).toMatchObject({ routing: "held_reply_to_closed_ticket", policy: { closedTicketReply: "hold" } });
  });

  it("keeps unmatched mail in the log without a ticket under unmatchedInbound=discard", async () => {
    const ws = await seedInboundWorkspace(db());
    await db().workspace.update({ where: { id: ws.workspace.id }, data: { unmatchedInbound: "discard" } });
    const discarded = mail(ws);
    expect((await postRpc(discarded)).json).toEqual({ success: true, ticketId: null, messageId: null });
    expect(await db().ticket.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
    const { log, analysis } = await analysisOf(null, discarded.messageId);
    expect(log.ticketId).toBeNull();
    expect(analysis).toMatchObject({ routing: "discarded_unmatched" });
  });

  it("keeps a first message and its reply in one ticket when they arrive together or in reverse order", async () => {
    const ws = await seedInboundWorkspace(db());
    const original = mail(ws);
    const early = await postRpc(mail(ws, { inReplyTo: original.messageId }));
    expect((await postRpc(original)).json.ticketId).toBe(early.json.ticketId);
    expect((await analysisOf(null, original.messageId)).analysis).toMatchObject({ matchedBy: "earlier-reply" });

    for (let round = 0; round < 5; round++) {
      const first = mail(ws);
      const reply = mail(ws, { inReplyTo: first.messageId, references: first.messageId });
      const [a, b] = await Promise.all([postRpc(reply), postRpc(first)]);
      expect(a.json.ticketId).toBe(b.json.ticketId);
    }
  });
});

describe("contacts and customers of inbound mail", () => {
  it("links a new contact to the customer that owns the sender's domain, and reuses the contact", async () => {
    const ws = await seedInboundWorkspace(db());
    const acme = await db().customer.create({
      data: { workspaceId: ws.workspace.id, name: "Acme", domains: { create: { workspaceId: ws.workspace.id, domain: "acme.com" } } },
    });
    const first = await postRpc(mail(ws, { from: "Jane Cooper <jane@ACME.com>" }));
    const second = await postRpc(mail(ws, { from: "jane@acme.com", subject: "Another question" }));
    const tickets = await db().ticket.findMany({ where: { id: { in: [first.json.ticketId, second.json.ticketId] } }, include: { contact: true } });
    expect(tickets).toHaveLength(2);
    expect(new Set(tickets.map((t) => t.contactId)).size).toBe(1);
    expect(tickets.every((t) => t.customerId === acme.id && t.contact?.customerId === acme.id && t.contact.name === "Jane Cooper")).toBe(true);
  });
});
