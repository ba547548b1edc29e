import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { assertSafeText, findUnsafeText, UNSAFE_TEXT } from "./unsafe-text";

describe("UNSAFE_TEXT", () => {
  it("matches NUL and lone surrogates, not paired ones or other control characters", () => {
    for (const bad of ["a\u0000b", "\uD800", "x\uD83Dy", "\uDE00", "end\uDBFF", "\uDE00\uD83D"]) expect(UNSAFE_TEXT.test(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ["", "plain", "emoji 😀", "\uD83D\uDE00", "tab\tCR\rLF\n", "\u0001\u001f\u007f", "\uFFFD", "é ü 中文"]) {
      expect(UNSAFE_TEXT.test(good), JSON.stringify(good)).toBe(false);
    }
  });
});

describe("findUnsafeText", () => {
  it("names the first string holding unsafe text by its path, through arrays and objects", () => {
    expect(findUnsafeText({ subject: "ok", contact: { name: "A\u0000" } })).toEqual(["contact", "name"]);
    expect(findUnsafeText({ tags: ["ok", "b\uD800"] })).toEqual(["tags", "1"]);
    expect(findUnsafeText({ conditions: [{ field: "subject", value: "\uDC00" }], later: "\u0000" })).toEqual(["conditions", "0", "value"]);
    expect(findUnsafeText("\u0000")).toEqual([]);
  });

  it("names the object holding a key with unsafe text", () => {
    expect(findUnsafeText({ headers: { "X-\u0000": "v" } })).toEqual(["headers"]);
    expect(findUnsafeText({ "\uD800": 1 })).toEqual([]);
  });

  it("finds nothing in safe values, numbers, booleans, null, dates and prototype-less objects", () => {
    const bare = Object.assign(Object.create(null) as object, { name: "fine" });
    expect(findUnsafeText({ a: 1, b: true, c: null, d: [new Date(0), "😀"], e: bare, f: undefined })).toBeNull();
    expect(findUnsafeText(Object.assign(Object.create(null) as object, { name: "\u0000" }))).toEqual(["name"]);
  });

  it("walks values nested far deeper than the stack would allow recursion", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeText(deep)).toHaveLength(100_000);
  });
});

describe("assertSafeText", () => {
  it("throws a VALIDATION AppError naming the field, (body) for the whole value", () => {
    const thrown = (value: unknown) => {
      try {
        assertSafeText(value);
      } catch (error) {
        return error as AppError;
      }
      return null;
    };
    expect(thrown({ ok: "yes" })).toBeNull();
    const error = thrown({ contact: { name: "x\u0000" } });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", details: { fields: { "contact.name": "must not contain NUL characters or invalid Unicode" } } });
    expect(thrown("\uD800")?.details).toEqual({ fields: { "(body)": "must not contain NUL characters or invalid Unicode" } });
  });
});
