import { describe, expect, it } from "vitest";
import { POST as addMessage } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/messages/route";
import { useTestDatabase } from "@/test/database";
import { exchangeBounce, postfixBounce, type BounceOptions } from "@/test/delivery-reports";
import { callRoute } from "@/test/http";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { postProvider } from "@/test/provider-inbound";

const db = useTestDatabase();
type Ws = Awaited<ReturnType<typeof seedInboundWorkspace>>;

/** A ticket from `customer` and the agent's reply to it, sent. */
async function sentReply(ws: Ws, customer: string) {
  const created = await postRpc({
    organizationId: ws.workspace.id,
    from: customer,
    to: ws.ticketMailbox.address,
    subject: "Help",
    text: "Hi",
    messageId: newMessageId(),
  });
  const ticketId = created.json.ticketId as string;
  const reply = await callRoute(addMessage, "POST", "/", {
    token: ws.member.token,
    params: { workspaceId: ws.workspace.id, ticketId },
    body: { body: "Unplug it, please.", sendEmail: true },
  });
  const outbound = await db().outboundEmail.update({
    where: { id: (await db().outboundEmail.findFirstOrThrow({ where: { messageId: reply.json.id as string } })).id },
    data: { status: "sent" },
  });
  return { ticketId, outbound, messageId: reply.json.id as string };
}

const bounceTo = (ws: Ws, outboundMessageId: string, recipient: string, overrides: Partial<BounceOptions> = {}): BounceOptions => ({
  from: ws.ticketMailbox.address,
  to: ws.ticketMailbox.address,
  messageId: `<${outboundMessageId}>`,
  recipient,
  ...overrides,
});

const postBounce = (ws: Ws, raw: string) => postProvider("mime", raw, "message/rfc822", { secret: ws.ticketMailbox.inboundSecret });

describe("a bounce that comes in as mail", () => {
  it("lands on the ticket of the email it names as an auto-reply, fails that email and suppresses the address (Postfix, 5.1.1)", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId, outbound, messageId } = await sentReply(ws, "jane@customer.example");
    // The returned headers may spell our domain in capitals: it still names our email.
    const [local, domain] = outbound.messageIdHeader.split("@");
    const raw = postfixBounce(bounceTo(ws, `${local}@${domain!.toUpperCase()}`, "jane@customer.example"));

    const res = await postBounce(ws, raw);
    expect(res.status).toBe(200);
    expect(res.json.ticketId).toBe(ticketId);
    const bounce = await db().message.findUniqueOrThrow({ where: { id: res.json.messageId } });
    expect(bounce).toMatchObject({ ticketId, direction: "inbound", isAutoReply: true, inReplyTo: outbound.messageIdHeader });
    expect(await db().ticket.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);

    expect(await db().outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).toMatchObject({
      status: "failed",
      error: expect.stringContaining("550 5.1.1"),
    });
    expect(await db().message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ deliveryStatus: "permanent_fail" });
    expect(await db().suppressedAddress.findMany({ where: { workspaceId: ws.workspace.id } })).toEqual([
      expect.objectContaining({ email: "jane@customer.example", reason: expect.stringMatching(/^permanent_fail: smtp; 550 5\.1\.1/) }),
    ]);
    expect(await db().activityEvent.count({ where: { ticketId, type: "email_permanent_fail" } })).toBe(1);
    expect(await db().deliveryEvent.findMany({ where: { outboundEmailId: outbound.id } })).toEqual([
      expect.objectContaining({ provider: "dsn", event: "permanent_fail", recipient: "jane@customer.example", severity: "permanent" }),
    ]);

    // The same bounce delivered again records nothing more.
    expect((await postBounce(ws, raw)).json.ticketId).toBe(ticketId);
    expect(await db().deliveryEvent.count({ where: { outboundEmailId: outbound.id } })).toBe(1);
  });

  it("reads an Exchange report from the returned message: a delay is a temporary failure, then the failure is permanent", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId, outbound, messageId } = await sentReply(ws, "bob@contoso.example");

    const delayed = await postBounce(ws, exchangeBounce(bounceTo(ws, outbound.messageIdHeader, "bob@contoso.example", { action: "delayed", status: "4.4.7" })));
    expect(delayed.json.ticketId).toBe(ticketId);
    expect(await db().outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).toMatchObject({ status: "sent" });
    expect(await db().message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ deliveryStatus: "temporary_fail" });
    expect(await db().suppressedAddress.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);

    const failed = await postBounce(ws, exchangeBounce(bounceTo(ws, outbound.messageIdHeader, "bob@contoso.example")));
    expect(failed.json.ticketId).toBe(ticketId);
    expect(await db().message.findUniqueOrThrow({ where: { id: failed.json.messageId } })).toMatchObject({ isAutoReply: true });
    expect(await db().outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).toMatchObject({
      status: "failed",
      error: expect.stringContaining("RESOLVER.ADR.RecipientNotFound"),
    });
    expect(await db().suppressedAddress.count({ where: { workspaceId: ws.workspace.id, email: "bob@contoso.example" } })).toBe(1);
    expect(await db().ticket.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });

  it("changes nothing of another workspace's email, nor of a recipient the email was not sent to", async () => {
    const mine = await seedInboundWorkspace(db());
    const other = await seedInboundWorkspace(db());
    const theirs = await sentReply(other, "ann@customer.example");
    const own = await sentReply(mine, "kim@customer.example");

    await postBounce(mine, postfixBounce(bounceTo(mine, theirs.outbound.messageIdHeader, "ann@customer.example")));
    await postBounce(mine, postfixBounce(bounceTo(mine, own.outbound.messageIdHeader, "someone-else@customer.example")));
    for (const sent of [theirs, own]) expect(await db().outboundEmail.findUniqueOrThrow({ where: { id: sent.outbound.id } })).toMatchObject({ status: "sent" });
    expect(await db().suppressedAddress.count({ where: { workspaceId: { in: [mine.workspace.id, other.workspace.id] } } })).toBe(0);
    expect(await db().deliveryEvent.count({ where: { outboundEmailId: { in: [theirs.outbound.id, own.outbound.id] } } })).toBe(0);
  });
});
