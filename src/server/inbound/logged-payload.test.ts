import { describe, expect, it } from "vitest";
import { MAX_LOGGED_STRING_CHARS } from "./limits";
import { headerChars, keptHeaders, loggedPayload } from "./logged-payload";

describe("loggedPayload", () => {
  const long = "r".repeat(MAX_LOGGED_STRING_CHARS + 500);

  it("cuts every long string, however deep, and says how much was cut", () => {
    const logged = loggedPayload({ references: long, headers: [{ Name: "References", Value: long }], short: "kept", count: 3 }, {}) as Record<string, unknown>;
    const cut = `${"r".repeat(MAX_LOGGED_STRING_CHARS)} [500 characters cut]`;
    expect(logged).toEqual({ references: cut, headers: [{ Name: "References", Value: cut }], short: "kept", count: 3 });
  });

  it("keeps the email's text and HTML whole, however long", () => {
    const text = "t".repeat(MAX_LOGGED_STRING_CHARS * 3);
    const html = `<p>${"h".repeat(MAX_LOGGED_STRING_CHARS * 2)}</p>`;
    expect(loggedPayload({ TextBody: text, HtmlBody: html }, { text, html })).toEqual({ TextBody: text, HtmlBody: html });
  });

  it("never cuts a surrogate pair in two", () => {
    const value = `${"a".repeat(MAX_LOGGED_STRING_CHARS - 1)}😀${"b".repeat(10)}`;
    const logged = loggedPayload({ value }, {}) as { value: string };
    expect(logged.value.startsWith(`${"a".repeat(MAX_LOGGED_STRING_CHARS - 1)} [`)).toBe(true);
    expect(logged.value).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("copies a `__proto__` key as data", () => {
    const raw = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}') as unknown;
    const logged = loggedPayload(raw, {}) as Record<string, unknown>;
    expect(Object.keys(logged)).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("keptHeaders", () => {
  it("replaces References and In-Reply-To, whatever their case, with the ids kept; other headers stay", () => {
    const headers = { references: "<a@x> <b@x> <c@x>", "In-Reply-To": "<c@x> (phrase)", Received: ["hop 1", "hop 2"] };
    expect(keptHeaders(headers, { references: ["b@x", "c@x"], inReplyTo: ["c@x"] })).toEqual({
      references: "<b@x> <c@x>",
      "In-Reply-To": "<c@x>",
      Received: ["hop 1", "hop 2"],
    });
  });
});

describe("headerChars", () => {
  it("counts names and every value of a repeated header", () => {
    expect(headerChars({ Received: ["ab", "cde"], X: "1" })).toBe("Received".length * 2 + 5 + 2);
  });
});
