import { describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/database";
import { newMessageId, postHelpdesk, seedInboundWorkspace } from "@/test/inbound";
import { ticketWithMail } from "@/test/provider-inbound";
import * as html from "@/server/email/html";

// Counted through the module the pipeline imports, the real functions still doing the work.
vi.mock("@/server/email/html", async (importOriginal) => {
  const actual = await importOriginal<typeof html>();
  return { ...actual, sanitizeEmailHtml: vi.fn(actual.sanitizeEmailHtml), htmlToPlainText: vi.fn(actual.htmlToPlainText) };
});

const db = useTestDatabase();

describe("an HTML email's bodies", () => {
  it("are sanitized and converted to text once, and the message stores what the receive log stored", async () => {
    const ws = await seedInboundWorkspace(db());
    vi.mocked(html.sanitizeEmailHtml).mockClear();
    vi.mocked(html.htmlToPlainText).mockClear();
    const answer = await postHelpdesk(
      {
        from: "ann@example.com",
        to: ws.ticketMailbox.address,
        subject: "Hi",
        html: "<p>Hello <b>there</b><script>alert(1)</script></p>",
        message_id: newMessageId(),
      },
      { secret: ws.ticketMailbox.inboundSecret },
    );
    expect(answer.status).toBe(200);
    expect(vi.mocked(html.sanitizeEmailHtml)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(html.htmlToPlainText)).toHaveBeenCalledTimes(1);
    const [message] = (await ticketWithMail(db(), answer.json.ticketId)).messages;
    const log = await db().incomingMail.findFirstOrThrow({ where: { messageId: message!.id } });
    expect(message!.bodyHtml).toBe(log.bodyHtml);
    expect(message!.bodyHtml).not.toContain("script");
    expect(message!.bodyTextFull).toBe(log.body);
    expect(log.body).toContain("Hello there");
  });
});
