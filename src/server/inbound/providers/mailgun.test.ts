import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { normalizeParsedInbound } from "../normalize";
import { requestDump } from "@/test/provider-fixtures";
import { ROUTE_MAX_AGE_SECONDS, verifyMailgunSignature } from "@/server/delivery/mailgun-signature";
import { parseMailgunInbound } from "./mailgun";

describe("parseMailgunInbound", () => {
  it("reads a real parsed forward(): fields, message-headers, attachment-N files, signature", async () => {
    const { body, contentType } = requestDump("mailgun/route-forward-parsed-captured-2013.http");
    const { email: parsed, signature } = await parseMailgunInbound(body, contentType);
    const email = normalizeParsedInbound("mailgun", parsed, "help@x.test");
    expect(email).toMatchObject({
      from: { email: "james@opennorth.ca", name: "James McKinney" },
      recipients: ["foo+bar@multimail.mailgun.org"],
      subject: "Test",
      messageId: "E102015D-F580-4316-81FA-7324838A3AE8@opennorth.ca",
    });
    expect(email.text).toMatch(/^bold text/);
    expect(email.headers["x-mailgun-spf"]).toBe("Pass");
    expect(email.headers.received).toHaveLength(4);
    expect(email.attachments.map((a) => a.filename)).toHaveLength(2);
    expect(signature).toMatchObject({ signature: "bc2ab6c1080d52f2a06928b93f21e86c2d28c548e2ef64354f8ba1a95bb53cd6" });
  });

  it("keeps an inline image's Content-ID from `content-id-map`", async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ sender: "ann@x.org", recipient: "help@x.test", "body-html": '<img src="cid:part1.abc@x.org">' }))
      form.set(name, value);
    form.set("content-id-map", JSON.stringify({ "<part1.abc@x.org>": "attachment-1" }));
    form.set("attachment-1", new File(["png"], "a.png", { type: "image/png" }));
    form.set("attachment-2", new File(["txt"], "b.txt", { type: "text/plain" }));
    const request = new Request("http://x.test", { method: "POST", body: form });
    const { email } = await parseMailgunInbound(new Uint8Array(await request.arrayBuffer()), request.headers.get("content-type")!);
    expect(email.attachments.map((a) => [a.filename, a.contentId])).toEqual([
      ["a.png", "part1.abc@x.org"],
      ["b.txt", null],
    ]);
  });

  it("reads a real MIME-mode POST (urlencoded, body-mime)", async () => {
    const { body, contentType } = requestDump("mailgun/route-forward-mime-captured-2013.http");
    const { email: parsed, signature } = await parseMailgunInbound(body, contentType);
    const email = normalizeParsedInbound("mailgun", parsed, "help@x.test");
    expect(email).toMatchObject({ from: { email: "james@opennorth.ca" }, subject: "Test" });
    expect(email.messageId).toMatch(/@opennorth\.ca$/);
    expect(email.text).toContain("bold text");
    expect(signature?.token).toBeTruthy();
    expect(JSON.stringify(email.rawPayload)).not.toContain("body-mime");
  });

  it("normalizes a bare message-id and reads In-Reply-To and References", async () => {
    const form = new URLSearchParams({
      from: "Ann <ann@x.org>",
      recipient: "help@x.test",
      subject: "Re: hi",
      "body-plain": "thanks",
      "Message-Id": "bare-id@x.org",
      "In-Reply-To": "<first@helpdesk.test>",
      References: "<root@helpdesk.test> <first@helpdesk.test>",
    });
    const { email: parsed } = await parseMailgunInbound(Buffer.from(form.toString()), "application/x-www-form-urlencoded");
    const email = normalizeParsedInbound("mailgun", parsed, "help@x.test");
    expect(email).toMatchObject({ messageId: "bare-id@x.org", inReplyTo: ["first@helpdesk.test"], references: ["root@helpdesk.test", "first@helpdesk.test"] });
  });

  it("verifies the HMAC-SHA256 of timestamp + token, within the route's age limit", () => {
    const verifyMailgunRoute = (key: string, signature: Parameters<typeof verifyMailgunSignature>[1], now: Date) =>
      verifyMailgunSignature(key, signature, now, ROUTE_MAX_AGE_SECONDS);
    const now = new Date();
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = createHmac("sha256", "key-1").update(`${timestamp}tok`).digest("hex");
    expect(() => verifyMailgunRoute("key-1", { timestamp, token: "tok", signature }, now)).not.toThrow();
    expect(() => verifyMailgunRoute("key-2", { timestamp, token: "tok", signature }, now)).toThrow(/not valid/);
    expect(() => verifyMailgunRoute("key-1", undefined, now)).toThrow(/missing/);
    const old = String(Number(timestamp) - 10 * 60 * 60);
    const oldSignature = createHmac("sha256", "key-1").update(`${old}tok`).digest("hex");
    expect(() => verifyMailgunRoute("key-1", { timestamp: old, token: "tok", signature: oldSignature }, now)).toThrow(/too old/);
  });
});
