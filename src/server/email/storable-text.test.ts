import { describe, expect, it } from "vitest";
import { isStorableText, storableDeep, storableText, storablePrefix } from "./storable-text";

describe("storableText", () => {
  it.each([
    ["a\u0000b", "ab"],
    ["\u0000\u0000", ""],
    ["a\ud800b", "a\ufffdb"],
    ["a\udc00", "a\ufffd"],
    ["\udc00\ud800", "\ufffd\ufffd"],
    ["emoji 😀 stays", "emoji 😀 stays"],
    ["\ud83d\ude00", "😀"],
    ["tab\tand\r\nbreaks stay", "tab\tand\r\nbreaks stay"],
  ])("%j → %j", (input, expected) => {
    expect(storableText(input)).toBe(expected);
    expect(isStorableText(input)).toBe(input === expected);
    expect(isStorableText(storableText(input))).toBe(true);
  });
});

describe("storableDeep", () => {
  it("cleans strings and keys at any depth, keeping bytes and `__proto__` as data", () => {
    const bytes = new Uint8Array([0, 1, 2]);
    const input = JSON.parse('{"a\\u0000":["x\\ud800",{"__proto__":"p\\u0000"}],"n":1,"b":null}') as Record<string, unknown>;
    const cleaned: Record<string, unknown> = storableDeep({ ...input, bytes });
    expect(cleaned).toEqual({ a: ["x\ufffd", Object.fromEntries([["__proto__", "p"]])], n: 1, b: null, bytes });
    expect(cleaned.bytes).toBe(bytes);
    expect(Object.getPrototypeOf((cleaned.a as unknown[])[1])).toBe(Object.prototype);
  });
});

describe("storablePrefix", () => {
  it("keeps the first characters, stopping before a surrogate pair it would split", () => {
    expect(storablePrefix("abcdef", 3)).toBe("abc");
    expect(storablePrefix("ab😀cd", 3)).toBe("ab");
    expect(storablePrefix("ab😀cd", 4)).toBe("ab😀");
    expect(storablePrefix("short", 10)).toBe("short");
  });
});
