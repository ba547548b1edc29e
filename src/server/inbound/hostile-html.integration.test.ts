import fs from "node:fs";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { postRpc, seedInboundWorkspace } from "@/test/inbound";

const db = useTestDatabase();

describe("a hostile multipart HTML email", () => {
  it("is stored with its text and markup but without anything that runs or loads remotely", async () => {
    const ws = await seedInboundWorkspace(db());
    const parsed = await PostalMime.parse(fs.readFileSync("src/test/fixtures/email/hostile-multipart.eml"));
    expect(parsed.html).toContain("<script>");
    const res = await postRpc({
      organizationId: ws.workspace.id,
      from: `${parsed.from?.name} <${parsed.from?.address}>`,
      to: ws.ticketMailbox.address,
      subject: parsed.subject,
      text: parsed.text,
      html: parsed.html,
      messageId: parsed.messageId,
    });
    expect(res.status).toBe(200);
    const message = await db().message.findUniqueOrThrow({ where: { id: res.json.messageId } });
    const log = await db().incomingMail.findFirstOrThrow({ where: { messageId: message.id } });
    for (const html of [message.bodyHtml!, log.bodyHtml!]) {
      expect(html).toContain("<b>invoice</b>");
      expect(html).toContain("Open invoice");
      expect(html).not.toMatch(/<script|<iframe|<form|<input|<svg|<style/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(html).not.toMatch(/\ssrc="https?:/i);
      expect(html).not.toContain("url(https://evil.test/bg.png)");
      expect(html).toContain('data-remote-src="https://tracker.evil.test/pixel.gif"');
    }
    expect(message.bodyText).toBe("Please look at my invoice.");
  });
});
