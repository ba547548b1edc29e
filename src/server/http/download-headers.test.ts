import { describe, expect, it } from "vitest";
import { downloadHeaders } from "./download-headers";

describe("downloadHeaders", () => {
  it("keeps a plain content type and percent-encodes the file name", () => {
    expect(downloadHeaders({ filename: "page ü.html", contentType: "text/html; charset=utf-8" })).toMatchObject({
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": "attachment; filename*=UTF-8''page%20%C3%BC.html",
    });
  });

  it("makes any stored value safe to send: a content type with CR/LF or other odd bytes becomes octet-stream", () => {
    for (const contentType of ["text/html\r\nSet-Cookie: a=b", 'text/plain; name="ü"', "image/png\u0000", "not a type", "", "text/plain;\ta"]) {
      const headers = downloadHeaders({ filename: "a\r\nb\uD800.txt", contentType });
      expect(headers["Content-Type"], JSON.stringify(contentType)).toBe("application/octet-stream");
      expect(headers["Content-Disposition"]).toBe("attachment; filename*=UTF-8''a%0D%0Ab%EF%BF%BD.txt");
      expect(() => new Headers(headers)).not.toThrow();
    }
  });
});
