import { describe, expect, it } from "vitest";
import { parseMimeMessage } from "@/server/inbound/providers/mime";
import { exchangeBounce, postfixBounce } from "@/test/delivery-reports";
import { readDeliveryReport } from "./delivery-report";

const options = { from: "support@acme.test", to: "support@acme.test", messageId: "<Sent-1@ACME.test>", recipient: "Jane@Customer.example" };

/** The report as the MIME route reads it: the top Content-Type and the parsed parts. */
async function reportOf(raw: string) {
  const parsed = await parseMimeMessage(Buffer.from(raw));
  const contentType = parsed.headers["content-type"];
  return readDeliveryReport(Array.isArray(contentType) ? contentType[0] : contentType, parsed.attachments);
}

describe("readDeliveryReport", () => {
  it("reads a Postfix bounce: the returned headers' Message-ID (folded), the recipient, action, status and diagnostic", async () => {
    expect(await reportOf(postfixBounce(options))).toEqual({
      messageId: "Sent-1@acme.test",
      recipients: [
        {
          recipient: "jane@customer.example",
          action: "failed",
          status: "5.1.1",
          diagnostic: "smtp; 550 5.1.1 <Jane@Customer.example>: Recipient address rejected: User unknown in virtual mailbox table",
        },
      ],
    });
  });

  it("reads an Exchange non-delivery report from the returned message/rfc822", async () => {
    expect(await reportOf(exchangeBounce({ ...options, status: "4.4.7", action: "delayed" }))).toMatchObject({
      messageId: "Sent-1@acme.test",
      recipients: [{ recipient: "jane@customer.example", action: "delayed", status: "4.4.7" }],
    });
  });

  it("is null for mail that is no delivery report, or that names no email", () => {
    const status = {
      contentType: "message/delivery-status",
      content: Buffer.from("Reporting-MTA: dns; x\n\nFinal-Recipient: rfc822; a@b.c\nAction: failed\n"),
    };
    const headers = (text: string) => ({ contentType: "text/rfc822-headers", content: Buffer.from(text) });
    expect(readDeliveryReport("multipart/mixed", [status, headers("Message-ID: <a@b.c>\n")])).toBeNull();
    expect(readDeliveryReport("multipart/report; report-type=disposition-notification", [status, headers("Message-ID: <a@b.c>\n")])).toBeNull();
    expect(readDeliveryReport('multipart/report; report-type="delivery-status"', [status, headers("Subject: hi\n")])).toBeNull();
    expect(readDeliveryReport('multipart/report; report-type="delivery-status"', [status, headers("Message-ID: <a@B.C>\n")])).toEqual({
      messageId: "a@b.c",
      recipients: [{ recipient: "a@b.c", action: "failed", status: null, diagnostic: null }],
    });
  });
});
