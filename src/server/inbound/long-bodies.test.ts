import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS } from "./limits";
import { withinBodyLimit } from "./long-bodies";

describe("withinBodyLimit", () => {
  it("keeps bodies within the limit as they are, with nothing attached", () => {
    const text = "t".repeat(MAX_BODY_CHARS);
    expect(withinBodyLimit({ text, html: "<p>hi</p>" })).toEqual({ text, html: "<p>hi</p>", wholeBodies: [] });
    expect(withinBodyLimit({ text: null, html: null })).toEqual({ text: null, html: null, wholeBodies: [] });
  });

  it("cuts a longer text and HTML, says so in a sentence, and attaches each whole", () => {
    const text = `${"é".repeat(MAX_BODY_CHARS)}the end`;
    const html = `<p>${"h".repeat(MAX_BODY_CHARS)}</p>`;
    const kept = withinBodyLimit({ text, html });
    expect(kept.text).toBe(`${"é".repeat(MAX_BODY_CHARS)}\n\n[This email is longer than 1 MB: the rest is in the attached message.txt.]`);
    expect(kept.html?.startsWith(`<p>${"h".repeat(MAX_BODY_CHARS - 3)}<p>[This email is longer than 1 MB: the rest is in the attached message.html.]`)).toBe(
      true,
    );
    expect(kept.wholeBodies.map((a) => [a.filename, a.contentType])).toEqual([
      ["message.txt", "text/plain; charset=utf-8"],
      ["message.html", "text/html; charset=utf-8"],
    ]);
    expect(Buffer.from(kept.wholeBodies[0]!.content).toString("utf8")).toBe(text);
    expect(Buffer.from(kept.wholeBodies[1]!.content).toString("utf8")).toBe(html);
  });
});
