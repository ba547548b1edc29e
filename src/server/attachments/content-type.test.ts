import { describe, expect, it } from "vitest";
import { plainContentType, storedContentType } from "./content-type";

describe("plainContentType", () => {
  it("keeps a MIME type with printable parameters, trimmed", () => {
    expect(plainContentType(" image/png ")).toBe("image/png");
    expect(plainContentType('text/plain; charset="utf-8"; name="a b.txt"')).toBe('text/plain; charset="utf-8"; name="a b.txt"');
    expect(plainContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
  });

  it("refuses anything that could add a header or is not a type at all", () => {
    const refused = [
      "text/html\r\nSet-Cookie: a=b",
      "text/html\nX: 1",
      'text/plain; name="ü"',
      "image/png\u0000",
      "text/plain;\ta",
      "not a type",
      "text/",
      "/plain",
      "",
      null,
      undefined,
      `text/plain; x=${"a".repeat(300)}`,
    ];
    for (const raw of refused) expect(plainContentType(raw), JSON.stringify(raw)).toBeNull();
    expect(storedContentType("text/html\r\nX: 1")).toBe("application/octet-stream");
  });
});
