import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { newMessageId, postHelpdesk, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { postProvider, ticketWithMail } from "@/test/provider-inbound";

const db = useTestDatabase();

// Each way of sending a spoofed From; the contact must be the angle-bracket address every time.
describe("a From whose display name holds another address", () => {
  it("makes the angle-bracket address the contact on the RPC, helpdesk and MIME routes", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const to = ws.ticketMailbox.address;
    const rpc = await postRpc({
      organizationId: ws.workspace.id,
      from: "security@bank.example <attacker@evil.example>",
      to,
      subject: "Your account",
      text: "x",
      messageId: newMessageId(),
    });
    const helpdesk = await postHelpdesk(
      {
        from: "Bob\r\nBcc: someone@else.example <bob@evil.example>",
        from_name: "Bob\u2028Bcc: someone@else.example",
        to,
        subject: "Hi",
        text: "x",
        message_id: newMessageId(),
      },
      { secret },
    );
    const mime = await postProvider(
      "mime",
      ["From: =?utf-8?q?security=40bank.example?= <mallory@evil.example>", `To: ${to}`, "Subject: Verify", `Message-ID: ${newMessageId()}`, "", "x", ""].join(
        "\r\n",
      ),
      "message/rfc822",
      { secret },
    );
    expect([rpc.status, helpdesk.status, mime.status]).toEqual([200, 200, 200]);

    const contacts = await Promise.all([rpc, helpdesk, mime].map(async (res) => (await ticketWithMail(db(), res.json.ticketId)).contact));
    expect(contacts.map((contact) => [contact?.email, contact?.name])).toEqual([
      ["attacker@evil.example", "security@bank.example"],
      ["bob@evil.example", "Bob Bcc: someone@else.example"],
      ["mallory@evil.example", "security@bank.example"],
    ]);
    expect(await db().contact.count({ where: { workspaceId: ws.workspace.id, email: { in: ["security@bank.example", "someone@else.example"] } } })).toBe(0);
  });

  it("refuses a From with two candidate addresses and no angle brackets to choose between them (422)", async () => {
    const ws = await seedInboundWorkspace(db());
    const res = await postRpc({
      organizationId: ws.workspace.id,
      from: "security@bank.example attacker@evil.example",
      to: ws.ticketMailbox.address,
      subject: "x",
      text: "x",
    });
    expect(res).toMatchObject({ status: 422, json: { error: { details: { fields: { from: "must be an email address" } } } } });
    expect(await db().incomingMail.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
  });
});
