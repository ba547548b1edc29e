import { describe, expect, it } from "vitest";
import { inboundContentHash, type ContentHashInput } from "@/server/inbound/content-hash";

const base: ContentHashInput = {
  from: "Anna Smith <anna@example.com>",
  to: "support@acme.example, billing@acme.example",
  subject: "Printer broken",
  text: "Hello,\nmy printer is broken.\n\n-- \nAnna",
  html: "<p>Hello,</p>\n<p>my printer is broken.</p>",
};

describe("inboundContentHash", () => {
  it("is a SHA-256 hex digest and deterministic", () => {
    const hash = inboundContentHash(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(inboundContentHash({ ...base })).toBe(hash);
  });

  it("ignores line endings and trailing whitespace in bodies", () => {
    const crlf = {
      ...base,
      text: "Hello,  \r\nmy printer is broken.\r\n\r\n-- \r\nAnna\r\n\r\n",
      html: "<p>Hello,</p>\r\n<p>my printer is broken.</p>\r\n",
    };
    expect(inboundContentHash(crlf)).toBe(inboundContentHash(base));
  });

  it("ignores address case, display names, recipient order and subject padding", () => {
    const variant = {
      ...base,
      from: "ANNA@Example.com",
      to: "Billing <BILLING@acme.example>, support@acme.example",
      subject: "  Printer broken \n",
    };
    expect(inboundContentHash(variant)).toBe(inboundContentHash(base));
  });

  it("treats missing and empty optional fields alike", () => {
    const minimal = { from: "a@example.com", to: "b@example.com" };
    expect(inboundContentHash(minimal)).toBe(inboundContentHash({ ...minimal, subject: "", text: null, html: "" }));
  });

  it.each<[string, Partial<ContentHashInput>]>([
    ["text", { text: "Hello,\nmy printer is fixed.\n\n-- \nAnna" }],
    ["html", { html: "<p>Hello,</p>" }],
    ["subject", { subject: "Scanner broken" }],
    ["sender", { from: "bob@example.com" }],
    ["recipients", { to: "support@acme.example" }],
    ["leading whitespace in the text", { text: `  ${base.text ?? ""}` }],
  ])("changes when the %s changes", (_field, change) => {
    expect(inboundContentHash({ ...base, ...change })).not.toBe(inboundContentHash(base));
  });

  it("does not let content move between fields", () => {
    const a = inboundContentHash({ from: "a@example.com", to: "b@example.com", text: "xy", html: "" });
    const b = inboundContentHash({ from: "a@example.com", to: "b@example.com", text: "x", html: "y" });
    expect(a).not.toBe(b);
  });

  it("normalizes unparseable addresses by case only", () => {
    const a = inboundContentHash({ ...base, from: "Not An Address" });
    expect(inboundContentHash({ ...base, from: " not an address " })).toBe(a);
  });
});
