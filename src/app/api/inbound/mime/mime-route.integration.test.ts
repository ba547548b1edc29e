import PostalMime from "postal-mime";
import { describe, expect, it, vi } from "vitest";
import { attachmentStore } from "@/server/attachments/attachment-store";
import { INBOUND_MAX_BYTES } from "@/server/inbound/limits";
import { useTestDatabase } from "@/test/database";
import { seedInboundWorkspace } from "@/test/inbound";
import { fixtureBytes } from "@/test/provider-fixtures";
import { postProvider, ticketWithMail } from "@/test/provider-inbound";

const db = useTestDatabase();
const RFC822 = "message/rfc822";

function message(lines: string[]) {
  return lines.join("\r\n");
}

describe("POST /api/inbound/mime", () => {
  it("creates a ticket from a raw message with a stored attachment part; a redelivery changes nothing", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const raw = message([
      'From: "Li, Wei" <li@initech.com>',
      `To: ${ws.ticketMailbox.address}`,
      "Subject: =?utf-8?q?Rechnung_f=C3=BCr_M=C3=A4rz?=",
      "Message-ID: <mime-1@initech.com>",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=iso-8859-1",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Gr=FC=DFe",
      "--b",
      'Content-Type: application/pdf; name="invoice.pdf"',
      'Content-Disposition: attachment; filename="invoice.pdf"',
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("%PDF-1.4 invoice").toString("base64"),
      "--b--",
      "",
    ]);
    const res = await postProvider("mime", raw, RFC822, { secret });
    expect(res.status).toBe(200);
    const ticket = await ticketWithMail(db(), res.json.ticketId);
    expect(ticket).toMatchObject({ subject: "Rechnung für März", contact: { email: "li@initech.com", name: "Li, Wei" } });
    expect(ticket.messages[0]).toMatchObject({ messageIdHeader: "mime-1@initech.com" });
    expect(ticket.messages[0]!.bodyTextFull?.trim()).toBe("Grüße");
    expect(ticket.attachments).toMatchObject([{ filename: "invoice.pdf", contentType: "application/pdf", size: 16, status: "stored" }]);
    expect((await attachmentStore().get(ticket.attachments[0]!.storageKey!)).toString()).toBe("%PDF-1.4 invoice");

    const again = await postProvider("mime", raw, RFC822, { secret, query: true });
    expect(again.json).toEqual(res.json);
    expect(await db().message.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
    expect(await db().attachment.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });

  it("threads a real Gmail reply into the ticket of the message its In-Reply-To names", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const replyBytes = fixtureBytes("email/chatwoot-gmail-reply-with-threading.eml");
    const inReplyTo = (await PostalMime.parse(replyBytes)).inReplyTo!;
    const first = await postProvider(
      "mime",
      message([
        "From: Agent Smith <smith@helpdesk.test>",
        `To: ${ws.ticketMailbox.address}`,
        "Subject: Hello",
        `Message-ID: ${inReplyTo}`,
        "",
        "First message",
        "",
      ]),
      RFC822,
      { secret },
    );
    expect(first.status).toBe(200);
    const reply = await postProvider("mime", replyBytes, RFC822, { secret });
    expect(reply.status).toBe(200);
    expect(reply.json.ticketId).toBe(first.json.ticketId);
    expect((await ticketWithMail(db(), first.json.ticketId)).messages).toHaveLength(2);
  });

  it("answers 503 when the attachment store fails, keeps no bytes, and stores everything on the retry", async () => {
    const ws = await seedInboundWorkspace(db());
    const store = attachmentStore();
    const realPut = store.put.bind(store);
    const storedKeys: string[] = [];
    let puts = 0;
    // The first attachment is stored, the second finds the disk full.
    vi.spyOn(store, "put").mockImplementation(async (key, data) => {
      if (++puts === 2) throw new Error("disk full");
      storedKeys.push(key);
      return realPut(key, data);
    });
    const raw = message([
      "From: ann@x.org",
      `To: ${ws.ticketMailbox.address}`,
      "Subject: file",
      "Message-ID: <mime-fail@x.org>",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "see files",
      "--b",
      'Content-Type: text/plain; name="a.txt"',
      'Content-Disposition: attachment; filename="a.txt"',
      "",
      "hello",
      "--b",
      'Content-Type: text/plain; name="b.txt"',
      'Content-Disposition: attachment; filename="b.txt"',
      "",
      "world",
      "--b--",
      "",
    ]);
    const refused = await postProvider("mime", raw, RFC822, { secret: ws.ticketMailbox.inboundSecret });
    expect(refused).toMatchObject({ status: 503, json: { error: { code: "UNAVAILABLE" } } });
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await db().message.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
    expect(storedKeys).toHaveLength(1);
    await expect(store.get(storedKeys[0]!)).rejects.toThrow();

    const retried = await postProvider("mime", raw, RFC822, { secret: ws.ticketMailbox.inboundSecret });
    expect(retried.status).toBe(200);
    const ticket = await ticketWithMail(db(), retried.json.ticketId);
    expect(ticket.attachments.map((a) => [a.filename, a.status])).toEqual([
      ["a.txt", "stored"],
      ["b.txt", "stored"],
    ]);
    expect((await store.get(ticket.attachments[1]!.storageKey!)).toString().trim()).toBe("world");
  });

  it("stores a real auto-reply flagged as one", async () => {
    const ws = await seedInboundWorkspace(db());
    const res = await postProvider("mime", fixtureBytes("email/mimecast-autoresponse-rfc3834-06.eml"), RFC822, { secret: ws.ticketMailbox.inboundSecret });
    expect(res.status).toBe(200);
    expect(await db().message.findUniqueOrThrow({ where: { id: res.json.messageId } })).toMatchObject({ isAutoReply: true });
  });

  it("answers 401 without or with a wrong secret, 422 without a sender, 400 for a non-message, 413 when too large", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const raw = fixtureBytes("email/talon-yahoo.eml");
    expect((await postProvider("mime", raw, RFC822)).status).toBe(401);
    expect((await postProvider("mime", raw, RFC822, { secret: "whsec_wrong" })).status).toBe(401);
    const noSender = await postProvider("mime", message(["Subject: hi", "Message-ID: <x@y.z>", "", "body"]), RFC822, { secret });
    expect(noSender).toMatchObject({ status: 422, json: { error: { details: { fields: { from: "Required" } } } } });
    expect((await postProvider("mime", "no headers at all", RFC822, { secret })).status).toBe(400);
    expect((await postProvider("mime", new Uint8Array(INBOUND_MAX_BYTES + 1), RFC822, { secret })).status).toBe(413);
    expect(await db().incomingMail.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
  });
});
