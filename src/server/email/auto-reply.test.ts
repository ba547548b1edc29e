import { readFileSync } from "node:fs";
import path from "node:path";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { classifyAutoReply, type AutoReplyInput, type HeaderMap } from "@/server/email/auto-reply";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/email");

async function fixtureInput(name: string): Promise<AutoReplyInput> {
  const email = await PostalMime.parse(readFileSync(path.join(FIXTURES, name)));
  const headers: Record<string, string[]> = {};
  for (const { key, value } of email.headers) headers[key] = [...(headers[key] ?? []), value];
  const from = email.headers.find((h) => h.key === "from")?.value ?? null;
  return { headers, subject: email.subject ?? null, from };
}

const classify = (headers: HeaderMap, subject: string | null = "Question about my order", from = "a@b.com") => classifyAutoReply({ headers, subject, from });

describe("classifyAutoReply on real auto-replies", () => {
  it("flags the Exchange out-of-office reply (empty Return-Path, 'Automatic reply:' subject)", async () => {
    const result = classifyAutoReply(await fixtureInput("exchange-ooo-rfc3834-02.eml"));
    expect(result).toMatchObject({ isAutoReply: true, isBulk: false });
    expect(result.reasons).toEqual(
      expect.arrayContaining([
        "return-path: <> (empty)",
        'subject: "Automatic reply:" (out-of-office prefix)',
        "x-auto-response-suppress: All (not decisive alone)",
      ]),
    );
  });

  it("flags the iCloud vacation reply, which has only X-Apple-Action and its subject", async () => {
    const result = classifyAutoReply(await fixtureInput("icloud-vacation-rfc3834-03.eml"));
    expect(result.isAutoReply).toBe(true);
    expect(result.reasons).toEqual(["x-apple-action: VACATION", 'subject: "Auto reply:" (out-of-office prefix)']);
  });

  it("flags the Mimecast auto-response as auto-reply and bulk", async () => {
    const result = classifyAutoReply(await fixtureInput("mimecast-autoresponse-rfc3834-06.eml"));
    expect(result).toMatchObject({ isAutoReply: true, isBulk: true });
    expect(result.reasons).toEqual(expect.arrayContaining(["auto-submitted: auto-replied", "precedence: bulk", "return-path: <> (empty)"]));
  });
});

describe("classifyAutoReply on real human replies", () => {
  it.each(["chatwoot-gmail-reply-with-threading.eml", "talon-apple_mail.eml", "talon-outlook.eml", "talon-yahoo.eml"])("does not flag %s", async (name) => {
    expect(classifyAutoReply(await fixtureInput(name))).toEqual({ isAutoReply: false, isBulk: false, reasons: [] });
  });
});

describe("classifyAutoReply headers", () => {
  it("reads header names case-insensitively and accepts arrays", () => {
    expect(classify({ "AUTO-SUBMITTED": ["auto-generated"] }).isAutoReply).toBe(true);
    expect(classify({ Precedence: "Bulk" }).isBulk).toBe(true);
  });

  it("treats Auto-Submitted other than 'no' as automatic, ignoring parameters", () => {
    const result = classify({ "Auto-Submitted": "auto-replied; owner-email=bob@example.com" });
    expect(result.isAutoReply).toBe(true);
    expect(result.reasons).toEqual(["auto-submitted: auto-replied; owner-email=bob@example.com"]);
  });

  it("treats Auto-Submitted: no as a person, even with an out-of-office looking subject", () => {
    const result = classify({ "Auto-Submitted": "no" }, "Out of office: planning for next week");
    expect(result.isAutoReply).toBe(false);
    expect(result.reasons).toEqual(["auto-submitted: no (sent by a person)"]);
  });

  it("does not flag X-Auto-Response-Suppress alone but records it", () => {
    const result = classify({ "X-Auto-Response-Suppress": "All" });
    expect(result).toEqual({
      isAutoReply: false,
      isBulk: false,
      reasons: ["x-auto-response-suppress: All (not decisive alone)"],
    });
  });

  it("flags Precedence: auto_reply as auto-reply, not bulk", () => {
    expect(classify({ precedence: "auto_reply" })).toEqual({
      isAutoReply: true,
      isBulk: false,
      reasons: ["precedence: auto_reply"],
    });
  });

  it.each(["bulk", "junk", "list"])("flags Precedence: %s as bulk only", (value) => {
    expect(classify({ Precedence: value })).toMatchObject({ isAutoReply: false, isBulk: true });
  });

  it.each(["X-Autoreply", "X-Autorespond", "X-Autoresponder"])("flags %s: yes", (name) => {
    expect(classify({ [name]: "yes" }).reasons).toEqual([`${name.toLowerCase()}: yes`]);
  });

  it.each(["", "no", "No", "false"])("ignores X-Autoreply: %j", (value) => {
    expect(classify({ "X-Autoreply": value }).isAutoReply).toBe(false);
  });

  it("flags an empty Return-Path but not a real one", () => {
    expect(classify({ "Return-Path": "<>" }).isAutoReply).toBe(true);
    expect(classify({ "Return-Path": "<bob@example.com>" }).isAutoReply).toBe(false);
  });

  it("flags a report (a bounce from any sender, Exchange's included), not other multiparts", () => {
    expect(classify({ "Content-Type": 'multipart/report; report-type=delivery-status; boundary="b"' })).toEqual({
      isAutoReply: true,
      isBulk: false,
      reasons: ["content-type: multipart/report; report-type=delivery-status (report)"],
    });
    expect(classify({ "Content-Type": 'multipart/reported; boundary="b"' }).isAutoReply).toBe(false);
    expect(classify({ "Content-Type": 'multipart/mixed; boundary="report"' }).isAutoReply).toBe(false);
  });

  it("flags List-Id and List-Unsubscribe as bulk", () => {
    expect(classify({ "List-Id": "<news.example.com>" })).toEqual({
      isAutoReply: false,
      isBulk: true,
      reasons: ["list-id: <news.example.com>"],
    });
    expect(classify({ "List-Unsubscribe": "<mailto:u@example.com>" }).isBulk).toBe(true);
  });

  it("ignores undefined header values", () => {
    expect(classify({ "Auto-Submitted": undefined, "List-Id": undefined }).reasons).toEqual([]);
  });
});

describe("classifyAutoReply subjects and senders", () => {
  it.each([
    "Auto: Invoice 42",
    "Automatic reply: Invoice 42",
    "Auto reply: Invoice",
    "Autoreply: Invoice",
    "Out of Office: Invoice",
    "Out of office",
    "Out of Office AutoReply: Invoice",
    "Abwesenheitsnotiz: Rechnung",
    "Automatische Antwort: Rechnung",
    "Réponse automatique : Facture",
    "Respuesta automática: Factura",
    "Risposta automatica: Fattura",
    "Autosvar: Faktura",
    "Automatisch antwoord: Factuur",
  ])("flags the subject %j", (subject) => {
    expect(classify({}, subject).isAutoReply).toBe(true);
  });

  it.each(["Re: Automatic reply: Invoice", "Out of office hours support", "Automobile insurance question", "Autosvarene virker ikke", "", null])(
    "does not flag the subject %j",
    (subject) => {
      expect(classify({}, subject).isAutoReply).toBe(false);
    },
  );

  it.each(["Mail Delivery System <MAILER-DAEMON@mx.example.com>", "postmaster@example.com"])("flags delivery reports from %j", (from) => {
    const result = classify({}, "Undelivered Mail Returned to Sender", from);
    expect(result.isAutoReply).toBe(true);
    expect(result.reasons[0]).toMatch(/^from: (mailer-daemon|postmaster)@.* \(delivery report\)$/);
  });

  it("does not flag ordinary senders", () => {
    expect(classify({}, "Hello", "Postmaster General <anna@example.com>").isAutoReply).toBe(false);
  });
});
