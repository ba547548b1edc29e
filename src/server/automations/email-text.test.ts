import { describe, expect, it } from "vitest";
import { looksLikeHtml, matchableBody } from "./email-text";

describe("the body conditions look at", () => {
  it("is the HTML part without its markup, when there is one", () => {
    const body = matchableBody({ text: "view in browser", html: '<p>Our <b>invoice</b> is<br>wrong</p><style>.x{}</style><img src="cid:a" alt="logo">' });
    expect(body).toContain("Our invoice is");
    expect(body).not.toMatch(/[<>]|view in browser|\.x\{/);
  });

  it("is the text otherwise", () => {
    expect(matchableBody({ text: "plain <not a tag", html: null })).toBe("plain <not a tag");
    expect(matchableBody({ text: "plain", html: "  " })).toBe("plain");
  });

  it("tells markup from prose with angle brackets", () => {
    expect(looksLikeHtml("<p>Hi</p>")).toBe(true);
    expect(looksLikeHtml("Hi<br/>there")).toBe(true);
    expect(looksLikeHtml('<a href="x">y</a>')).toBe(true);
    expect(looksLikeHtml("if a < b and c > d")).toBe(false);
    expect(looksLikeHtml("Jane <jane@acme.com>")).toBe(false);
  });
});
