import { describe, expect, it } from "vitest";
import { attachmentStore } from "@/server/attachments/attachment-store";
import { INBOUND_MAX_BYTES } from "@/server/inbound/limits";
import { useTestDatabase } from "@/test/database";
import { seedInboundWorkspace } from "@/test/inbound";
import { fixtureBytes } from "@/test/provider-fixtures";
import { postProvider, ticketWithMail } from "@/test/provider-inbound";

const db = useTestDatabase();
const JSON_TYPE = "application/json";
const testPayload = fixtureBytes("postmark/inbound-test-payload.json");

describe("POST /api/inbound/postmark", () => {
  it("creates a ticket from Postmark's payload with its base64 attachment stored; a redelivery changes nothing", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.inboxMailbox.inboundSecret;
    const res = await postProvider("postmark", testPayload, JSON_TYPE, { secret });
    expect(res.status).toBe(200);
    const ticket = await ticketWithMail(db(), res.json.ticketId);
    expect(ticket).toMatchObject({
      kind: "conversation",
      subject: "Test subject",
      mailboxId: ws.inboxMailbox.id,
      contact: { email: "support@postmarkapp.com", name: "Postmarkapp Support" },
    });
    // Postmark's MessageID is its own id; this payload has no Message-ID header.
    expect(ticket.messages[0]).toMatchObject({ bodyTextFull: "This is a test text body.", messageIdHeader: null });
    expect(ticket.attachments).toMatchObject([{ filename: "test.txt", contentType: "text/plain", size: 45, status: "stored" }]);
    expect((await attachmentStore().get(ticket.attachments[0]!.storageKey!)).toString()).toBe("This is attachment contents, base-64 encoded.");

    const again = await postProvider("postmark", testPayload, JSON_TYPE, { secret, query: true });
    expect(again.json).toEqual(res.json);
    expect(await db().message.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });

  it("threads by the Message-ID and In-Reply-To in Headers, not by MessageID", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const base = { FromFull: { Email: "ann@x.org", Name: "Ann" }, To: ws.ticketMailbox.address, MessageID: "00000000-0000-0000-0000-000000000000" };
    const first = await postProvider(
      "postmark",
      JSON.stringify({ ...base, Subject: "Broken export", TextBody: "It fails", Headers: [{ Name: "Message-ID", Value: "<pm-first@x.org>" }] }),
      JSON_TYPE,
      { secret },
    );
    // Same Postmark MessageID, different email: not a redelivery.
    const reply = await postProvider(
      "postmark",
      JSON.stringify({
        ...base,
        Subject: "Re: Broken export",
        TextBody: "Still fails",
        Headers: [
          { Name: "Message-ID", Value: "<pm-reply@x.org>" },
          { Name: "In-Reply-To", Value: "<pm-first@x.org>" },
        ],
      }),
      JSON_TYPE,
      { secret },
    );
    expect(reply.status).toBe(200);
    expect(reply.json.ticketId).toBe(first.json.ticketId);
    const ticket = await ticketWithMail(db(), first.json.ticketId);
    expect(ticket.messages.map((m) => m.messageIdHeader)).toEqual(["pm-first@x.org", "pm-reply@x.org"]);
  });

  it("answers 401 without or with a wrong secret, 422 without a sender, 400 for bad JSON, 413 when too large", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    expect((await postProvider("postmark", testPayload, JSON_TYPE)).status).toBe(401);
    expect((await postProvider("postmark", testPayload, JSON_TYPE, { secret: "whsec_wrong" })).status).toBe(401);
    const noSender = await postProvider("postmark", JSON.stringify({ Subject: "x", TextBody: "y" }), JSON_TYPE, { secret });
    expect(noSender).toMatchObject({ status: 422, json: { error: { details: { fields: { from: "Required" } } } } });
    const badShape = await postProvider("postmark", JSON.stringify({ From: "a@b.org", Attachments: "x" }), JSON_TYPE, { secret });
    expect(badShape.status).toBe(422);
    expect((await postProvider("postmark", "{not json", JSON_TYPE, { secret })).status).toBe(400);
    expect((await postProvider("postmark", new Uint8Array(INBOUND_MAX_BYTES + 1), JSON_TYPE, { secret })).status).toBe(413);
    expect(await db().incomingMail.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
  });
});
