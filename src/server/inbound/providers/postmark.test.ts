import { describe, expect, it } from "vitest";
import { normalizeParsedInbound } from "../normalize";
import { fixtureBytes } from "@/test/provider-fixtures";
import { parsePostmarkJson } from "./postmark";

describe("parsePostmarkJson", () => {
  it("reads Postmark's test payload: FromFull, To/Cc, base64 attachment (sent as Data)", () => {
    const email = normalizeParsedInbound("postmark", parsePostmarkJson(fixtureBytes("postmark/inbound-test-payload.json")), "help@x.test");
    expect(email).toMatchObject({
      from: { email: "support@postmarkapp.com", name: "Postmarkapp Support" },
      recipients: ["mailbox+samplehash@inbound.postmarkapp.com", "firstcc@postmarkapp.com", "secondcc@postmarkapp.com"],
      subject: "Test subject",
      text: "This is a test text body.",
      headers: { "x-header-test": "" },
    });
    // MessageID is Postmark's own id, never the email's Message-ID.
    expect(email.messageId).toBeNull();
    const [attachment] = email.attachments;
    expect(attachment && "content" in attachment && Buffer.from(attachment.content).toString()).toBe("This is attachment contents, base-64 encoded.");
    expect(JSON.stringify(email.rawPayload)).not.toContain("VGhpcyBpcyBhdHRhY2htZW50");
  });

  it("takes Message-ID, In-Reply-To and References from Headers, not MessageID", () => {
    const body = {
      From: "ann@x.org",
      To: "help@x.test",
      MessageID: "00000000-0000-0000-0000-000000000000",
      Headers: [
        { Name: "Message-ID", Value: "<real@mail.x.org>" },
        { Name: "In-Reply-To", Value: "<first@helpdesk.test>" },
        { Name: "References", Value: "<root@helpdesk.test>\r\n <first@helpdesk.test>" },
      ],
      Attachments: [{ Name: "a.txt", ContentType: "text/plain", Content: Buffer.from("hi").toString("base64"), ContentLength: 2 }],
    };
    const email = normalizeParsedInbound("postmark", parsePostmarkJson(Buffer.from(JSON.stringify(body))), "help@x.test");
    expect(email).toMatchObject({
      messageId: "real@mail.x.org",
      inReplyTo: ["first@helpdesk.test"],
      references: ["root@helpdesk.test", "first@helpdesk.test"],
    });
    const [attachment] = email.attachments;
    expect(attachment && "content" in attachment && [attachment.filename, Buffer.from(attachment.content).toString()]).toEqual(["a.txt", "hi"]);
  });

  it("keeps an inline image's ContentID", () => {
    const image = { Name: "logo.png", ContentType: "image/png", Content: Buffer.from("png").toString("base64"), ContentID: "logo.png@01CE7342.75E71F80" };
    const parsed = parsePostmarkJson(Buffer.from(JSON.stringify({ From: "ann@x.org", To: "help@x.test", Attachments: [image, { ...image, ContentID: "" }] })));
    expect(parsed.attachments.map((a) => a.contentId)).toEqual(["logo.png@01CE7342.75E71F80", null]);
  });

  it("refuses a body that is not JSON (400) or has the wrong shape (422)", () => {
    expect(() => parsePostmarkJson(Buffer.from("nope"))).toThrow(/not valid JSON/);
    expect(() => parsePostmarkJson(Buffer.from(JSON.stringify({ Headers: "x" })))).toThrow(expect.objectContaining({ name: "ZodError" }));
  });

  it("reads the variant with RawEmail the same way", () => {
    const email = normalizeParsedInbound("postmark", parsePostmarkJson(fixtureBytes("postmark/inbound-test-payload-with-raw.json")), "help@x.test");
    expect(email.from.email).toBe("support@postmarkapp.com");
  });
});
