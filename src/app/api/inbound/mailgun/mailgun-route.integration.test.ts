import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { attachmentStore } from "@/server/attachments/attachment-store";
import { useTestDatabase } from "@/test/database";
import { seedInboundWorkspace } from "@/test/inbound";
import { requestDump } from "@/test/provider-fixtures";
import { postProvider, ticketWithMail } from "@/test/provider-inbound";

const db = useTestDatabase();
const parsed = requestDump("mailgun/route-forward-parsed-captured-2013.http");
const mimeMode = requestDump("mailgun/route-forward-mime-captured-2013.http");
const FORM = "application/x-www-form-urlencoded";

function signed(key: string, fields: Record<string, string>, timestamp = Math.floor(Date.now() / 1000), token = `tok-${Math.random()}`) {
  const signature = createHmac("sha256", key).update(`${timestamp}${token}`).digest("hex");
  return new URLSearchParams({ ...fields, timestamp: String(timestamp), token, signature }).toString();
}

const reply = {
  from: "James McKinney <james@opennorth.ca>",
  recipient: "foo+bar@multimail.mailgun.org",
  subject: "Re: Test",
  "body-plain": "Following up",
  "Message-Id": "mg-reply-1@opennorth.ca",
  "In-Reply-To": "<E102015D-F580-4316-81FA-7324838A3AE8@opennorth.ca>",
};

describe("POST /api/inbound/mailgun", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("creates a ticket from a real forward() with stored attachment-N files; a redelivery changes nothing", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const res = await postProvider("mailgun", parsed.body, parsed.contentType, { secret, query: true });
    expect(res.status).toBe(200);
    const ticket = await ticketWithMail(db(), res.json.ticketId);
    expect(ticket).toMatchObject({ subject: "Test", contact: { email: "james@opennorth.ca", name: "James McKinney" } });
    expect(ticket.messages[0]).toMatchObject({ messageIdHeader: "E102015D-F580-4316-81FA-7324838A3AE8@opennorth.ca" });
    expect(ticket.messages[0]!.bodyTextFull).toMatch(/^bold text/);
    expect(ticket.attachments).toHaveLength(2);
    for (const attachment of ticket.attachments) {
      expect(attachment.status).toBe("stored");
      expect((await attachmentStore().get(attachment.storageKey!)).byteLength).toBe(attachment.size);
    }
    const again = await postProvider("mailgun", parsed.body, parsed.contentType, { secret });
    expect(again.json).toEqual(res.json);
    expect(await db().message.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);

    // A reply with a bare message-id threads by In-Reply-To.
    const answer = await postProvider("mailgun", new URLSearchParams(reply).toString(), FORM, { secret });
    expect(answer.json.ticketId).toBe(res.json.ticketId);
    const message = await db().message.findUniqueOrThrow({ where: { id: answer.json.messageId } });
    expect(message.messageIdHeader).toBe("mg-reply-1@opennorth.ca");
  });

  it("reads MIME mode (body-mime)", async () => {
    const ws = await seedInboundWorkspace(db());
    const res = await postProvider("mailgun", mimeMode.body, mimeMode.contentType, { secret: ws.ticketMailbox.inboundSecret });
    expect(res.status).toBe(200);
    const ticket = await ticketWithMail(db(), res.json.ticketId);
    expect(ticket).toMatchObject({ subject: "Test", contact: { email: "james@opennorth.ca" } });
    expect(ticket.messages[0]!.bodyTextFull).toContain("bold text");
  });

  it("with MAILGUN_WEBHOOK_SIGNING_KEY set, accepts a valid signature and refuses a wrong, missing or old one", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    vi.stubEnv("MAILGUN_WEBHOOK_SIGNING_KEY", "key-test");
    const ok = await postProvider("mailgun", signed("key-test", reply), FORM, { secret });
    expect(ok.status).toBe(200);
    const wrong = await postProvider("mailgun", signed("key-other", { ...reply, "Message-Id": "x2@opennorth.ca" }), FORM, { secret });
    expect(wrong).toMatchObject({ status: 401, json: { error: { details: { reason: "invalid" } } } });
    const missing = await postProvider("mailgun", new URLSearchParams({ ...reply, "Message-Id": "x3@opennorth.ca" }).toString(), FORM, { secret });
    expect(missing).toMatchObject({ status: 401, json: { error: { details: { reason: "missing" } } } });
    const old = signed("key-test", { ...reply, "Message-Id": "x4@opennorth.ca" }, Math.floor(Date.now() / 1000) - 24 * 60 * 60);
    expect((await postProvider("mailgun", old, FORM, { secret })).json.error.details.reason).toBe("stale");
    // The 2013 capture was signed with a key we do not have.
    expect((await postProvider("mailgun", parsed.body, parsed.contentType, { secret })).status).toBe(401);
    expect(await db().incomingMail.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });

  it("with a signing key, a signature is single-use: a redelivery of the same email passes (first result), another email with it is refused", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    vi.stubEnv("MAILGUN_WEBHOOK_SIGNING_KEY", "key-test");
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await postProvider("mailgun", signed("key-test", reply, timestamp, "captured-token"), FORM, { secret });
    expect(first.status).toBe(200);
    // Mailgun's retry carries the first signature; the fields may come in another order.
    const retried = new URLSearchParams([...new URLSearchParams(signed("key-test", reply, timestamp, "captured-token"))].reverse()).toString();
    const redelivery = await postProvider("mailgun", retried, FORM, { secret });
    expect(redelivery).toMatchObject({ status: 200, json: first.json });

    for (const forged of [
      { ...reply, "Message-Id": "forged-1@evil.example", "body-plain": "Please wire the money" },
      { ...reply, "body-plain": "Please wire the money" },
      { ...reply, from: "Mallory <mallory@evil.example>" },
    ]) {
      const replay = await postProvider("mailgun", signed("key-test", forged, timestamp, "captured-token"), FORM, { secret });
      expect(replay).toMatchObject({ status: 401, json: { error: { details: { reason: "replayed" } } } });
    }
    expect(await db().incomingMail.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
    expect(await db().message.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });

  it("answers 401 without or with a wrong secret, 422 without a sender, 400 for an unreadable body", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    expect((await postProvider("mailgun", parsed.body, parsed.contentType)).status).toBe(401);
    expect((await postProvider("mailgun", parsed.body, parsed.contentType, { secret: "nope" })).status).toBe(401);
    const noSender = await postProvider("mailgun", new URLSearchParams({ subject: "x", "body-plain": "y" }).toString(), FORM, { secret });
    expect(noSender).toMatchObject({ status: 422, json: { error: { details: { fields: { from: "Required" } } } } });
    expect((await postProvider("mailgun", "{}", "application/json", { secret })).status).toBe(400);
    const badHeaders = new URLSearchParams({ ...reply, "message-headers": "[not json" }).toString();
    expect((await postProvider("mailgun", badHeaders, FORM, { secret })).status).toBe(400);
  });
});
