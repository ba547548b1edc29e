import { describe, expect, it } from "vitest";
import { normalizeParsedInbound } from "../normalize";
import { fixtureBytes, requestDump, SENDGRID_CONTENT_TYPE } from "@/test/provider-fixtures";
import { parseSendgridInbound } from "./sendgrid";

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

describe("parseSendgridInbound", () => {
  it("decodes each field from the charset SendGrid names in `charsets` (cp850, windows-1252, iso-8859-1)", async () => {
    const parsed = await parseSendgridInbound(fixtureBytes("sendgrid/parse-default-charsets-captured-2020.multipart"), SENDGRID_CONTENT_TYPE);
    expect(parsed.subject).toBe("Como usted pidió");
    expect(parsed.text).toBe("Test the ESP’s inbound charset handling…");
    expect(parsed.html).toBe("<p>¿Esto se ve como esperabas?</p>");
    const email = normalizeParsedInbound("sendgrid", parsed, "help@x.test");
    expect(email.from).toEqual({ email: "sender@example.com", name: "Opérateur de test" });
    expect(email.recipients).toEqual(["inbound@sg.example.com"]);
    // No Message-ID in this capture: the receive log falls back to the content hash.
    expect(email.messageId).toBeNull();
  });

  it("reads windows-1252 bytes in a field SendGrid labels ISO-8859-1, and Shift_JIS and KOI8-R fields, from their bytes", async () => {
    const field = (name: string, bytes: Buffer) =>
      Buffer.concat([Buffer.from(`--xYzZY\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), bytes, Buffer.from("\r\n")]);
    const body = Buffer.concat([
      field("from", Buffer.from("ann@example.org")),
      field("to", Buffer.from("help@x.test")),
      field("subject", Buffer.from("93fa967b8cea", "hex")),
      field("text", Buffer.from("93486920746865726594208020313020963f", "hex")),
      field("html", Buffer.from("3c703ef0d2c9d7c5d43c2f703e", "hex")),
      field("charsets", Buffer.from(JSON.stringify({ from: "UTF-8", to: "UTF-8", subject: "Shift_JIS", text: "iso-8859-1", html: "KOI8-R" }))),
      Buffer.from("--xYzZY--\r\n"),
    ]);
    const parsed = await parseSendgridInbound(body, SENDGRID_CONTENT_TYPE);
    expect(parsed).toMatchObject({ subject: "日本語", text: "“Hi there” € 10 –?", html: "<p>Привет</p>" });
  });

  it("reads a real parsed-mode POST: raw header block, Message-ID, attachment files named by attachment-info", async () => {
    const { body, contentType } = requestDump("sendgrid/parse-default-captured-2013.http");
    const email = normalizeParsedInbound("sendgrid", await parseSendgridInbound(body, contentType), "help@x.test");
    expect(email).toMatchObject({
      from: { email: "james@opennorth.ca", name: "James McKinney" },
      recipients: ["foo+bar@parolecitoyenne.com"],
      subject: "Test",
      messageId: "D0AB77C1-A89D-4D9E-A207-5E20A6D36BEF@opennorth.ca",
    });
    expect(email.text).toMatch(/^bold text/);
    expect(email.headers["x-mailer"]).toBe("Apple Mail (2.1283)");
    expect(email.headers.received).toHaveLength(4);
    const files = email.attachments.map((a) => ("content" in a ? [a.filename, a.contentType, text(a.content)] : null));
    expect(files).toEqual(
      expect.arrayContaining([
        ["foo.txt", "text/plain", "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\r\n"],
        ["bar.txt", "text/plain", "Nam accumsan euismod eros et rhoncus.\r\n"],
      ]),
    );
    expect(files).toHaveLength(4);
  });

  it("reads raw mode: the whole message in `email`, parsed as MIME", async () => {
    const email = normalizeParsedInbound(
      "sendgrid",
      await parseSendgridInbound(fixtureBytes("sendgrid/parse-raw-sample.multipart"), SENDGRID_CONTENT_TYPE),
      "help@x.test",
    );
    expect(email).toMatchObject({
      from: { email: "test@example.com", name: "Example User" },
      recipients: ["inbound@inbound.inbound.com"],
      subject: "Inbound Parse Test Raw Data",
    });
    expect(email.text?.trim()).toBe("Hello Twilio SendGrid!");
    expect(email.html).toContain("<strong>Hello Twilio SendGrid!");
    expect(email.rawPayload).toMatchObject({ format: "sendgrid", SPF: "pass" });
  });

  it("keeps an inline image's Content-ID from `content-ids`", async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ from: "ann@x.org", to: "help@x.test", html: '<img src="cid:ii_abc">', attachments: "2" }))
      form.set(name, value);
    form.set(
      "attachment-info",
      JSON.stringify({ attachment1: { filename: "a.png", type: "image/png" }, attachment2: { filename: "b.txt", type: "text/plain" } }),
    );
    form.set("content-ids", JSON.stringify({ ii_abc: "attachment1" }));
    form.set("attachment1", new File(["png"], "a.png", { type: "image/png" }));
    form.set("attachment2", new File(["txt"], "b.txt", { type: "text/plain" }));
    const request = new Request("http://x.test", { method: "POST", body: form });
    const parsed = await parseSendgridInbound(new Uint8Array(await request.arrayBuffer()), request.headers.get("content-type")!);
    expect(parsed.attachments.map((a) => [a.filename, a.contentId])).toEqual([
      ["a.png", "ii_abc"],
      ["b.txt", null],
    ]);
  });

  it("refuses a body that is not multipart with a boundary", async () => {
    await expect(parseSendgridInbound(Buffer.from("{}"), "application/json")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(parseSendgridInbound(Buffer.from("garbage"), SENDGRID_CONTENT_TYPE)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
