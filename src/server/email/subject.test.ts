import { describe, expect, it } from "vitest";
import { extractTicketToken, replySubject, stripReplyPrefixes, withTicketToken } from "@/server/email/subject";

describe("extractTicketToken", () => {
  it.each([
    ["[#1234] Printer broken", 1234],
    ["Re: [#1234] Printer broken", 1234],
    ["RE: Fwd: Printer broken [#77]", 77],
    ["AW: Drucker [#0042] kaputt", 42],
    ["[#12] and later [#13]", 12],
  ])("finds the token in %j", (subject, expected) => {
    expect(extractTicketToken(subject)).toBe(expected);
  });

  it.each(["Printer broken", "#1234", "[1234]", "[# 1234]", "[#]", "[#0]", "[#12a]", "", null, undefined])("returns null for %j", (subject) => {
    expect(extractTicketToken(subject)).toBeNull();
  });
});

describe("stripReplyPrefixes", () => {
  it.each([
    ["Re: Printer broken", "Printer broken"],
    ["RE: re: Fwd: FW: Printer broken", "Printer broken"],
    ["AW: WG: Drucker kaputt", "Drucker kaputt"],
    ["SV: VS: Antw: Réf: TR: Printer", "Printer"],
    ["Re[2]: Printer", "Printer"],
    ["Re : Imprimante", "Imprimante"],
    ["Re: [#1234] Re: Printer   broken", "Printer broken"],
    ["Printer broken [#12]", "Printer broken"],
    ["Reminder: renew your plan", "Reminder: renew your plan"],
    ["Trouble with Fwd: button", "Trouble with Fwd: button"],
  ])("cleans %j", (subject, expected) => {
    expect(stripReplyPrefixes(subject)).toBe(expected);
  });

  it.each(["", "   ", "Re:", "Re: [#5]", null, undefined])("returns (no subject) for %j", (subject) => {
    expect(stripReplyPrefixes(subject)).toBe("(no subject)");
  });
});

describe("withTicketToken", () => {
  it("prefixes the token", () => {
    expect(withTicketToken("Printer broken", 12)).toBe("[#12] Printer broken");
  });

  it("keeps a subject that already carries the same token, wherever it is", () => {
    expect(withTicketToken("Re: [#12] Printer broken", 12)).toBe("Re: [#12] Printer broken");
    expect(withTicketToken("Printer broken [#12]", 12)).toBe("Printer broken [#12]");
  });

  it("replaces other tokens instead of adding a second one", () => {
    expect(withTicketToken("Re: [#5] Printer broken", 12)).toBe("[#12] Re: Printer broken");
    expect(withTicketToken("[#12] [#12] Printer", 12)).toBe("[#12] Printer");
  });

  it("handles an empty subject", () => {
    expect(withTicketToken("", 3)).toBe("[#3] (no subject)");
    expect(withTicketToken(null, 3)).toBe("[#3] (no subject)");
  });

  it("round-trips with extractTicketToken and stripReplyPrefixes", () => {
    const subject = withTicketToken("Re: Printer broken", 981);
    expect(extractTicketToken(subject)).toBe(981);
    expect(stripReplyPrefixes(`RE: ${subject}`)).toBe("Printer broken");
  });
});

describe("replySubject", () => {
  it.each([
    ["Printer broken", "Re: [#7] Printer broken"],
    ["Re: Printer broken", "Re: [#7] Printer broken"],
    ["RE: [#7] AW: Printer broken", "Re: [#7] Printer broken"],
    ["[#8] Printer broken", "Re: [#7] Printer broken"],
    ["", "Re: [#7] (no subject)"],
  ])("answers %j as %j", (subject, expected) => {
    expect(replySubject(subject, 7)).toBe(expected);
    // Replying to the reply does not grow it.
    expect(replySubject(expected, 7)).toBe(expected);
  });
});
