import { describe, expect, it } from "vitest";
import { safeCallbackPath, sameOriginRedirect } from "./callback-url";

const hostile = [
  "//evil.example/steal",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "\t//evil.example",
  "/%09/evil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%255C%255Cevil.example",
  "/%252F/evil.example",
  "https://evil.example",
  "http:evil.example",
  "HTTPS://evil.example/",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  " //evil.example",
  "/\u0000/evil.example",
  "/%00/evil.example",
  "/\u007f/evil.example",
  "/%E0%A4%A", // broken percent-encoding
  "",
];

describe("safeCallbackPath", () => {
  it.each(hostile)("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it.each([
    ["/w/demo/inbox", "/w/demo/inbox"],
    ["/w/demo/tickets/7?tab=notes#reply", "/w/demo/tickets/7?tab=notes#reply"],
    ["/w/demo/inbox?q=two%20words", "/w/demo/inbox?q=two%20words"],
    ["/", "/"],
  ])("keeps the same-origin path %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it("uses the given fallback", () => {
    expect(safeCallbackPath(null, "/signin")).toBe("/signin");
    expect(safeCallbackPath("//evil.example", "/signin")).toBe("/signin");
  });
});

describe("sameOriginRedirect (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";

  it.each([...hostile.filter((value) => value !== ""), "http://localhost:3000.evil.example/", "http://localhost:3001/w/demo"])(
    "sends %j to the app",
    (value) => {
      expect(sameOriginRedirect(value, base)).toBe(`${base}/`);
    },
  );

  it("keeps paths and absolute URLs on the app itself", () => {
    expect(sameOriginRedirect("/w/demo/inbox", base)).toBe(`${base}/w/demo/inbox`);
    expect(sameOriginRedirect(`${base}/w/demo/inbox?x=1`, base)).toBe(`${base}/w/demo/inbox?x=1`);
  });
});
