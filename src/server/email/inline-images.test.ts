import { describe, expect, it } from "vitest";
import { sanitizeEmailHtml } from "./html";
import { attachmentPath, attachmentsPath } from "@/server/attachments/attachment-paths";
import { withInlineImages } from "./inline-images";

const WS = "6f1c1d2e-0000-4000-8000-000000000001";
const image = (id: string, contentId: string | null, extra: Partial<{ contentType: string; status: string }> = {}) => ({
  id,
  contentId,
  contentType: "image/png",
  status: "stored",
  ...extra,
});

describe("withInlineImages", () => {
  it("points a cid: image at its stored attachment's route and leaves other images alone", () => {
    const html = sanitizeEmailHtml('<p>Logo:</p><img alt="logo" src="cid:logo@example.com"><img src="cid:missing@x"><img src="https://t.example/p.gif">');
    const resolved = withInlineImages(html, [image("a1", "logo@example.com"), image("a2", "other@example.com")], WS);
    expect(resolved.html).toBe(
      `<p>Logo:</p><img alt="logo" src="/api/v1/workspaces/${WS}/attachments/a1" /><img src="cid:missing@x" /><img data-remote-src="https://t.example/p.gif" />`,
    );
    // Only a1 is shown: a2, which no image names, stays a file to list.
    expect(resolved.shown).toEqual(new Set(["a1"]));
  });

  it("matches a percent-encoded or entity-escaped Content-ID", () => {
    const html = sanitizeEmailHtml('<img src="cid:part%201@x"><img src="cid:a&amp;b@x">');
    expect(withInlineImages(html, [image("p1", "part 1@x"), image("p2", "a&b@x")], WS).html).toBe(
      `<img src="${attachmentPath(WS, "p1")}" /><img src="${attachmentPath(WS, "p2")}" />`,
    );
  });

  it("uses only stored images: not a failed one, not a file of another type", () => {
    const html = sanitizeEmailHtml('<img src="cid:a@x"><img src="cid:b@x">');
    expect(withInlineImages(html, [image("a", "a@x", { status: "failed" }), image("b", "b@x", { contentType: "text/html" })], WS)).toEqual({
      html,
      shown: new Set(),
    });
  });

  it("rewrites nothing but img tags' src: text and other attributes that look alike stay", () => {
    const html = sanitizeEmailHtml('<p>write src="cid:logo@x" here</p><a href="https://x.example/?src=%22cid:logo@x%22">l</a><img alt=\' src="cid:logo@x"\'>');
    expect(html).toContain('src="cid:logo@x" here');
    expect(withInlineImages(html, [image("a1", "logo@x")], WS)).toEqual({ html, shown: new Set() });
  });

  it("gives the CSP a path prefix that covers every attachment route of the workspace and no other", () => {
    expect(attachmentPath(WS, "a1").startsWith(attachmentsPath(WS))).toBe(true);
    expect(attachmentsPath(WS)).toBe(`/api/v1/workspaces/${WS}/attachments/`);
  });
});
