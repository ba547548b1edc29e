import { describe, expect, it } from "vitest";
import { normalizeParsedInbound } from "../normalize";
import { fixtureBytes } from "@/test/provider-fixtures";
import { parseMimeMessage } from "./mime";

const read = async (file: string) => normalizeParsedInbound("mime", await parseMimeMessage(fixtureBytes(`email/${file}`)), "help@x.test");

describe("parseMimeMessage", () => {
  it("reads a real Gmail reply: sender, threading headers, text and HTML", async () => {
    const email = await read("chatwoot-gmail-reply-with-threading.eml");
    expect(email.from.email).toMatch(/@/);
    expect(email.messageId).toBeTruthy();
    expect(email.inReplyTo).toHaveLength(1);
    expect(email.references).toHaveLength(2);
    expect(email.html).toContain("gmail_quote");
  });

  it("reads a real Outlook reply (ISO-8859-1 parts) and keeps all raw headers", async () => {
    const email = await read("talon-outlook.eml");
    expect(email.text).toMatch(/^Hello\n\nFrom: xxx@xxx.mailgun.org/);
    expect(Object.keys(email.headers)).toEqual(expect.arrayContaining(["from", "to", "subject"]));
  });

  it("keeps the auto-reply headers of a real Mimecast auto-response", async () => {
    const email = await read("mimecast-autoresponse-rfc3834-06.eml");
    expect(email.headers["auto-submitted"]).toBe("auto-replied");
    expect(email.subject).not.toContain("=?");
  });

  it("extracts attachment parts as bytes", async () => {
    const raw = [
      "From: Ann <ann@x.org>",
      "To: help@x.test",
      "Subject: file",
      "Message-ID: <m1@x.org>",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "see file",
      "--b",
      'Content-Type: application/pdf; name="a.pdf"',
      'Content-Disposition: attachment; filename="a.pdf"',
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("%PDF-1.4").toString("base64"),
      "--b--",
      "",
    ].join("\r\n");
    const email = normalizeParsedInbound("mime", await parseMimeMessage(Buffer.from(raw)), "help@x.test");
    expect(email.attachments).toEqual([
      { filename: "a.pdf", contentType: "application/pdf", content: new Uint8Array(Buffer.from("%PDF-1.4")), contentId: null },
    ]);
  });

  it("keeps an inline image part's Content-ID, without its angle brackets", async () => {
    const raw = [
      "From: Ann <ann@x.org>",
      "To: help@x.test",
      "Subject: screenshot",
      'Content-Type: multipart/related; boundary="r"',
      "",
      "--r",
      "Content-Type: text/html",
      "",
      '<img src="cid:shot.png@x.org">',
      "--r",
      "Content-Type: image/png",
      "Content-ID: <shot.png@x.org>",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("png").toString("base64"),
      "--r--",
      "",
    ].join("\r\n");
    const email = normalizeParsedInbound("mime", await parseMimeMessage(Buffer.from(raw)), "help@x.test");
    expect(email.attachments).toMatchObject([{ contentType: "image/png", contentId: "shot.png@x.org" }]);
  });

  it("refuses a body without a single header line", async () => {
    await expect(parseMimeMessage(Buffer.from("just some words\n"))).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
