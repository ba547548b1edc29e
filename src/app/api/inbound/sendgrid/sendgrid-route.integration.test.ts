import { describe, expect, it } from "vitest";
import { attachmentStore } from "@/server/attachments/attachment-store";
import { INBOUND_MAX_BYTES } from "@/server/inbound/limits";
import { useTestDatabase } from "@/test/database";
import { seedInboundWorkspace } from "@/test/inbound";
import { fixtureBytes, requestDump, SENDGRID_CONTENT_TYPE } from "@/test/provider-fixtures";
import { postProvider, ticketWithMail } from "@/test/provider-inbound";

const db = useTestDatabase();
const captured = requestDump("sendgrid/parse-default-captured-2013.http");

function form(fields: Record<string, string>) {
  const body = Object.entries(fields)
    .map(([name, value]) => `--xYzZY\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("");
  return `${body}--xYzZY--\r\n`;
}

describe("POST /api/inbound/sendgrid", () => {
  it("creates a ticket from a real parsed-mode POST, with the contact, body and stored attachments; a redelivery changes nothing", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const res = await postProvider("sendgrid", captured.body, captured.contentType, { secret });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, ticketId: expect.any(String), messageId: expect.any(String) });
    const ticket = await ticketWithMail(db(), res.json.ticketId);
    expect(ticket).toMatchObject({ subject: "Test", mailboxId: ws.ticketMailbox.id, contact: { email: "james@opennorth.ca", name: "James McKinney" } });
    expect(ticket.messages).toHaveLength(1);
    expect(ticket.messages[0]).toMatchObject({ messageIdHeader: "D0AB77C1-A89D-4D9E-A207-5E20A6D36BEF@opennorth.ca" });
    expect(ticket.messages[0]!.bodyTextFull).toMatch(/^bold text/);
    expect(ticket.attachments.map((a) => [a.filename, a.status, a.messageId])).toEqual([
      ["bar.txt", "stored", res.json.messageId],
      ["foo.txt", "stored", res.json.messageId],
      ["msg-12415-313.html", "stored", res.json.messageId],
      ["msg-12415-314.html", "stored", res.json.messageId],
    ]);
    const foo = ticket.attachments.find((a) => a.filename === "foo.txt")!;
    expect((await attachmentStore().get(foo.storageKey!)).toString()).toBe("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\r\n");

    const again = await postProvider("sendgrid", captured.body, captured.contentType, { secret, query: true });
    expect(again).toMatchObject({ status: 200, json: res.json });
    expect(await db().message.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
    expect(await db().attachment.count({ where: { workspaceId: ws.workspace.id } })).toBe(4);
  });

  it("stores the subject and text decoded from SendGrid's charsets", async () => {
    const ws = await seedInboundWorkspace(db());
    const body = fixtureBytes("sendgrid/parse-default-charsets-captured-2020.multipart");
    const res = await postProvider("sendgrid", body, SENDGRID_CONTENT_TYPE, { secret: ws.ticketMailbox.inboundSecret });
    expect(res.status).toBe(200);
    const ticket = await ticketWithMail(db(), res.json.ticketId);
    expect(ticket).toMatchObject({ subject: "Como usted pidió", contact: { email: "sender@example.com", name: "Opérateur de test" } });
    expect(ticket.messages[0]!.bodyTextFull).toBe("Test the ESP’s inbound charset handling…");
    // Without a Message-ID a redelivery is recognised by its content.
    const again = await postProvider("sendgrid", body, SENDGRID_CONTENT_TYPE, { secret: ws.ticketMailbox.inboundSecret });
    expect(again.json).toEqual(res.json);
  });

  it("threads a reply whose In-Reply-To names the first message", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const first = await postProvider("sendgrid", captured.body, captured.contentType, { secret });
    const reply = form({
      from: "James McKinney <james@opennorth.ca>",
      to: "foo+bar@parolecitoyenne.com",
      subject: "Re: Test",
      text: "One more thing",
      headers: "Message-Id: <reply-1@opennorth.ca>\r\nIn-Reply-To: <D0AB77C1-A89D-4D9E-A207-5E20A6D36BEF@opennorth.ca>\r\nSubject: Re: Test",
    });
    const res = await postProvider("sendgrid", reply, SENDGRID_CONTENT_TYPE, { secret });
    expect(res.status).toBe(200);
    expect(res.json.ticketId).toBe(first.json.ticketId);
    expect((await ticketWithMail(db(), first.json.ticketId)).messages.map((m) => m.messageIdHeader)).toEqual([
      "D0AB77C1-A89D-4D9E-A207-5E20A6D36BEF@opennorth.ca",
      "reply-1@opennorth.ca",
    ]);
  });

  it("answers 401 without or with a wrong secret, 422 without a sender, 400 for an unreadable body, 413 when too large", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    expect((await postProvider("sendgrid", captured.body, captured.contentType)).status).toBe(401);
    expect((await postProvider("sendgrid", captured.body, captured.contentType, { secret: `${secret}x` })).status).toBe(401);
    const noSender = await postProvider("sendgrid", form({ subject: "hi", text: "x" }), SENDGRID_CONTENT_TYPE, { secret });
    expect(noSender.status).toBe(422);
    expect(noSender.json.error.details.fields).toEqual({ from: "Required" });
    expect((await postProvider("sendgrid", "not multipart", SENDGRID_CONTENT_TYPE, { secret })).status).toBe(400);
    expect((await postProvider("sendgrid", new Uint8Array(INBOUND_MAX_BYTES + 1), SENDGRID_CONTENT_TYPE, { secret })).status).toBe(413);
    expect(await db().incomingMail.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
  });
});
