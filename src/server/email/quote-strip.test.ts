import { readFileSync } from "node:fs";
import path from "node:path";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { stripQuotedHistory } from "@/server/email/quote-strip";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/email");

async function fixtureText(name: string): Promise<string> {
  const email = await PostalMime.parse(readFileSync(path.join(FIXTURES, name)));
  if (email.text === undefined) throw new Error(`${name} has no text part`);
  return email.text;
}

describe("stripQuotedHistory on real replies", () => {
  it("keeps the Gmail reply and its signature below the quote, drops the attribution wrapped over two lines", async () => {
    const text = await fixtureText("chatwoot-gmail-reply-with-threading.eml");
    expect(text).toContain("> Any update on this?");
    expect(stripQuotedHistory(text)).toBe(
      "Yes, I am providing you step how to reproduce this issue\n\n--\n* Sony Mathew*\nSoftware developer\n*Mob:9999999999",
    );
  });

  it("keeps the Apple Mail reply and drops 'On …, bob wrote:' with its quote", async () => {
    expect(stripQuotedHistory(await fixtureText("talon-apple_mail.eml"))).toBe("Hello");
  });

  it("drops Outlook's unquoted From/Sent/To/Subject block and everything below", async () => {
    const text = await fixtureText("talon-outlook.eml");
    expect(text).toContain("The manager's comment:");
    expect(stripQuotedHistory(text)).toBe("Hello");
  });

  it("drops Yahoo's '----- Original Message -----' block", async () => {
    const text = await fixtureText("talon-yahoo.eml");
    expect(text).toContain("Subject: Test\n\nHi");
    expect(stripQuotedHistory(text)).toBe("Hello");
  });
});

describe("stripQuotedHistory", () => {
  it("handles CRLF line endings", () => {
    expect(stripQuotedHistory("Thanks!\r\n\r\nOn Mon, 1 Apr 2024 at 10:00, Ann <ann@x.com> wrote:\r\n> Hi\r\n")).toBe("Thanks!");
  });

  it("drops '-----Original Message-----' blocks", () => {
    expect(stripQuotedHistory("Works now.\n\n-----Original Message-----\nFrom: Ann\nSent: Monday\n\nTry again")).toBe("Works now.");
  });

  it("drops an Outlook header block under an underscore rule, in German", () => {
    const text = [
      "Danke, erledigt.",
      "",
      "________________________________",
      "Von: Support <support@example.com>",
      "Gesendet: Montag, 1. April 2024 10:00",
      "An: Anna",
      "Betreff: Ihre Anfrage",
      "",
      "Hallo Anna",
    ].join("\n");
    expect(stripQuotedHistory(text)).toBe("Danke, erledigt.");
  });

  it("drops French and German attributions", () => {
    expect(stripQuotedHistory("Merci\n\nLe 3 avr. 2024 à 16:19, Bob <bob@x.com> a écrit :\n\n> Salut")).toBe("Merci");
    expect(stripQuotedHistory("Danke\n\nAm 03.04.2024 um 16:19 schrieb Bob <bob@x.com>:\n> Hallo")).toBe("Danke");
  });

  it("drops a French attribution wrapped over two lines", () => {
    expect(stripQuotedHistory("Merci\n\nLe mer. 3 avr. 2024 à 16:19, Bob Martin <\nbob@x.com> a écrit :\n> Salut")).toBe("Merci");
  });

  it("drops a trailing quote and a dateless attribution above it", () => {
    expect(stripQuotedHistory("Sounds good.\n\nbob wrote:\n> Shall we meet?\n>\n")).toBe("Sounds good.");
    expect(stripQuotedHistory("Sounds good.\n\n> Shall we meet?")).toBe("Sounds good.");
  });

  it("keeps a signature written above the quote", () => {
    expect(stripQuotedHistory("Fixed.\n\n-- \nAnn\nSupport\n\nOn 2 Apr 2024, Bob wrote:\n> broken")).toBe("Fixed.\n\n-- \nAnn\nSupport");
  });

  it("keeps the answers written between quotes and drops the quotes", () => {
    expect(stripQuotedHistory("See below.\n\n> Question 1?\nAnswer 1.\n\n> Question 2?\nAnswer 2.")).toBe("See below.\n\nAnswer 1.\n\nAnswer 2.");
  });

  it("keeps the text below the quote of a bottom-posted reply", () => {
    expect(stripQuotedHistory("Ann wrote:\n> Is it fixed?\n\nYes, since Monday.\n-- \nBob")).toBe("Yes, since Monday.\n-- \nBob");
  });

  it("keeps answers written inline below the attribution", () => {
    const text = "On Mon, 1 Apr 2024, Ann wrote:\n> Question 1?\nAnswer 1.\n> Question 2?\nAnswer 2.";
    expect(stripQuotedHistory(text)).toBe("Answer 1.\nAnswer 2.");
  });

  it("does not treat a sentence starting with 'On' as an attribution", () => {
    const text = "On Monday the printer broke.\nOn top of that Ann wrote:\nthe scanner is gone too.";
    expect(stripQuotedHistory(text)).toBe(text);
  });

  it("does not cut at a 'From:' line that is not a header block", () => {
    const text = "From: the sales team, a question.\nCan you help?";
    expect(stripQuotedHistory(text)).toBe(text);
  });

  it("returns the input trimmed when everything is quoted", () => {
    expect(stripQuotedHistory("\n> only\n> quoted\n")).toBe("> only\n> quoted");
    expect(stripQuotedHistory("On 1 Apr 2024, Ann wrote:\n> only quoted")).toBe("On 1 Apr 2024, Ann wrote:\n> only quoted");
  });

  it("keeps a forwarded-looking message that has no own text above it", () => {
    const text = "-----Original Message-----\nFrom: Ann\nSent: Monday\nSubject: Hi\n\nPlease call me.";
    expect(stripQuotedHistory(text)).toBe(text);
  });

  it("drops Outlook header blocks in Japanese, Chinese and Russian", () => {
    const block = (labels: string[]) => labels.map((label) => `${label}: x`).join("\n");
    expect(stripQuotedHistory(`了解です。\n\n${block(["差出人", "送信日時", "宛先", "件名"])}\n\n古い`)).toBe("了解です。");
    expect(stripQuotedHistory(`好的。\n\n${block(["发件人", "发送时间", "收件人", "主题"])}\n\n旧`)).toBe("好的。");
    expect(stripQuotedHistory(`Да.\n\n${block(["От", "Отправлено", "Кому", "Тема"])}\n\nстарое`)).toBe("Да.");
  });

  it("finds an attribution that ends in 写道 or пишет on its own line, not joined to the sentence above", () => {
    expect(stripQuotedHistory("谢谢\nAnn <ann@x.com> 于2024年3月4日周一 10:12写道：\n> 旧")).toBe("谢谢");
    expect(stripQuotedHistory("Спасибо\n04.03.2024 10:12, Ann пишет:\n> старое")).toBe("Спасибо");
  });

  it("keeps a forward's content visible, told by the subject or by the forward separator", () => {
    const outlook = "Please handle.\n\nFrom: Ann\nSent: Monday\nTo: Bob\nSubject: Order\n\nIt is broken.";
    expect(stripQuotedHistory(outlook, { subject: "FW: Order" })).toBe(outlook);
    expect(stripQuotedHistory(outlook, { subject: "RE: Order" })).toBe("Please handle.");
    const gmail = "FYI\n\n---------- Forwarded message ---------\nFrom: Ann\nDate: Mon, 4 Mar 2024\nSubject: Order\nTo: Bob\n\nIt is broken.";
    expect(stripQuotedHistory(`${gmail}\n\nOn Sun, 3 Mar 2024, Bob wrote:\n> Is it?`)).toBe(gmail);
  });

  it("returns plain text unchanged apart from trimming", () => {
    expect(stripQuotedHistory("  \nHello,\n\nmy printer is broken.\n\n")).toBe("Hello,\n\nmy printer is broken.");
    expect(stripQuotedHistory("")).toBe("");
  });
});
