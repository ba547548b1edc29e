import { describe, expect, it } from "vitest";
import { firstMessageIds, formatMessageId, generateMessageId, lastMessageIds, normalizeMessageId, parseMessageIdList } from "@/server/email/message-id";

describe("normalizeMessageId", () => {
  it("strips brackets and surrounding whitespace and keeps the local part's case", () => {
    expect(normalizeMessageId("  <CAFkiBVwJjO_k_e-LpiKi7MAQ=bjcEHogMg@mail.gmail.com>\r\n")).toBe("CAFkiBVwJjO_k_e-LpiKi7MAQ=bjcEHogMg@mail.gmail.com");
  });

  it("lower-cases the domain part (RFC 5322 domains are case-insensitive) and keeps the local part exactly", () => {
    expect(normalizeMessageId("<AbC.Def@MAIL.Example.COM>")).toBe("AbC.Def@mail.example.com");
    // The domain is what follows the last `@`: a quoted local part may hold one.
    expect(normalizeMessageId('<"A@B"@X.ORG>')).toBe('"A@B"@x.org');
    expect(normalizeMessageId("<NoDomainAtAll>")).toBe("NoDomainAtAll");
    expect(parseMessageIdList("<One@Host.ORG> <one@host.org> <One@host.org>")).toEqual(["One@host.org", "one@host.org"]);
  });

  it("accepts ids without brackets, as Mailgun events send them", () => {
    expect(normalizeMessageId("20130503192659.13651.20287@example.mailgun.org")).toBe("20130503192659.13651.20287@example.mailgun.org");
  });

  it("removes folding whitespace inside the id", () => {
    expect(normalizeMessageId("<0100017b5d8efc70-c7f18809\r\n -000000@email.amazonses.com>")).toBe("0100017b5d8efc70-c7f18809-000000@email.amazonses.com");
  });

  it("takes the bracketed id when a comment follows it", () => {
    expect(normalizeMessageId("<a@example.com> (sent by Bob)")).toBe("a@example.com");
  });

  it.each([null, undefined, "", "   ", "<>", "< >"])("returns null for %j", (raw) => {
    expect(normalizeMessageId(raw)).toBeNull();
  });
});

describe("parseMessageIdList", () => {
  it("splits on spaces, newlines and commas", () => {
    expect(parseMessageIdList("<a@x.com> <b@y.com>\r\n\t<c@z.com>,<d@w.com>")).toEqual(["a@x.com", "b@y.com", "c@z.com", "d@w.com"]);
  });

  it("splits ids written back to back without separators", () => {
    expect(parseMessageIdList("<a@x.com><b@y.com>")).toEqual(["a@x.com", "b@y.com"]);
  });

  it("accepts bracketless ids and mixes of both", () => {
    expect(parseMessageIdList("a@x.com <b@y.com> c@z.com")).toEqual(["a@x.com", "b@y.com", "c@z.com"]);
  });

  it("de-duplicates keeping the first position", () => {
    expect(parseMessageIdList("<a@x.com> <b@y.com> <a@x.com> b@y.com")).toEqual(["a@x.com", "b@y.com"]);
  });

  it("keeps ids that differ only in case apart", () => {
    expect(parseMessageIdList("<A@x.com> <a@x.com>")).toEqual(["A@x.com", "a@x.com"]);
  });

  it("accepts an array of header values", () => {
    expect(parseMessageIdList(["<a@x.com>", "<b@y.com> <a@x.com>"])).toEqual(["a@x.com", "b@y.com"]);
  });

  it("ignores comments and phrases of old-style In-Reply-To values", () => {
    expect(parseMessageIdList('Your message of "Tue, 1 Apr" <a@x.com> (comment b@y.com)')).toEqual(["a@x.com"]);
  });

  it.each([null, undefined, "", "  ", "<>"])("returns [] for %j", (raw) => {
    expect(parseMessageIdList(raw)).toEqual([]);
  });
});

describe("formatMessageId", () => {
  it("adds brackets once", () => {
    expect(formatMessageId("a@x.com")).toBe("<a@x.com>");
    expect(formatMessageId("<a@x.com>")).toBe("<a@x.com>");
  });

  it("refuses an empty id", () => {
    expect(() => formatMessageId(" <> ")).toThrow(TypeError);
  });
});

describe("generateMessageId", () => {
  it("returns a normalized uuid@domain id", () => {
    const id = generateMessageId("Mail.Threadline.example");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@mail\.threadline\.example$/);
    expect(normalizeMessageId(formatMessageId(id))).toBe(id);
  });

  it("returns a different id each time", () => {
    const ids = new Set(Array.from({ length: 50 }, () => generateMessageId("example.com")));
    expect(ids.size).toBe(50);
  });

  it.each(["", "a b.com", "<x.com>", "bob@x.com"])("rejects the domain %j", (domain) => {
    expect(() => generateMessageId(domain)).toThrow(TypeError);
  });
});

describe("firstMessageIds / lastMessageIds", () => {
  const ids = (n: number, long = 0) => Array.from({ length: n }, (_, i) => `<${i}.${"x".repeat(long)}@mail.example.com>`).join(" ");

  it("keep the last (References) or first (In-Reply-To) ids of a value of any size, whole", () => {
    const huge = ids(1_000_000);
    const last = lastMessageIds(huge, 100);
    expect(last).toHaveLength(100);
    expect(last[0]).toBe("999900.@mail.example.com");
    expect(last.at(-1)).toBe("999999.@mail.example.com");
    expect(firstMessageIds(huge, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `${i}.@mail.example.com`));
  });

  it("never start or end on half an id, whatever the ids' length", () => {
    const value = ids(300, 900);
    for (const kept of [lastMessageIds(value, 100), firstMessageIds(value, 100)]) {
      expect(kept.length).toBeGreaterThan(90);
      for (const id of kept) expect(id).toMatch(/^\d+\.x{900}@mail\.example\.com$/);
    }
  });

  it("read short values whole, and leave out ids longer than MAX_MESSAGE_ID_BYTES", () => {
    const value = `<a@x.com> <${"é".repeat(500)}@x.com> <b@x.com>`;
    expect(lastMessageIds(value, 100)).toEqual(["a@x.com", "b@x.com"]);
    expect(firstMessageIds(value, 1)).toEqual(["a@x.com"]);
    expect(lastMessageIds(null, 100)).toEqual([]);
  });
});
