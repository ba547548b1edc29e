import { describe, expect, it } from "vitest";
import { jsonNestsDeeperThan, MAX_JSON_DEPTH, parseJsonText } from "./json-text";

describe("jsonNestsDeeperThan", () => {
  it("counts arrays and objects, not brackets inside strings (escaped quotes included)", () => {
    expect(jsonNestsDeeperThan("[[[]]]", 3)).toBe(false);
    expect(jsonNestsDeeperThan("[[[]]]", 2)).toBe(true);
    expect(jsonNestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[{"b":1}]}', 2)).toBe(true);
    expect(jsonNestsDeeperThan('{"a":"[[[[{{{{"}', 1)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":"\\"[[[[\\\\","b":[1]}', 2)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":"\\\\"}', 1)).toBe(false);
    expect(jsonNestsDeeperThan('["unterminated [[[[', 1)).toBe(false);
  });

  it("scans a 20 MB body in one pass", () => {
    const text = JSON.stringify({ subject: "x".repeat(20_000_000), items: Array.from({ length: 50_000 }, (_, i) => ({ a: 'q"[', i })) });
    const started = performance.now();
    expect(jsonNestsDeeperThan(text, MAX_JSON_DEPTH)).toBe(false);
    console.log(`jsonNestsDeeperThan: ${(text.length / 1e6).toFixed(1)} MB in ${(performance.now() - started).toFixed(0)} ms`);
  });
});

describe("parseJsonText", () => {
  it("refuses JSON nested deeper than the limit with 400 naming the body, and parses what is within it", () => {
    const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
    expect(parseJsonText(nested(MAX_JSON_DEPTH))).toEqual(expect.any(Array));
    for (const depth of [MAX_JSON_DEPTH + 1, 10_000]) {
      expect(() => parseJsonText(nested(depth))).toThrow(
        expect.objectContaining({ code: "BAD_REQUEST", details: { fields: { "(body)": expect.stringContaining("64 levels") } } }),
      );
    }
    expect(() => parseJsonText("{nope")).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
    expect(parseJsonText("  ")).toEqual({});
  });
});
