import { describe, expect, it } from "vitest";
import { attribution, withQuotedHistory } from "./quoted-reply";

const quoted = {
  bodyText: "My invoice <#12> is missing.\n\n> older quote\nThanks",
  fromName: "Jane Cooper",
  fromAddress: "jane@acme.test",
  createdAt: new Date("2026-12-07T09:05:00Z"),
};

describe("withQuotedHistory", () => {
  it("puts the customer's message under an attribution, as `> ` lines in text", () => {
    const { text } = withQuotedHistory({ text: "It is attached.\n", html: null }, quoted);
    expect(text).toBe(
      "It is attached.\n\nOn Mon, 7 Dec 2026 at 09:05 UTC, Jane Cooper <jane@acme.test> wrote:\n> My invoice <#12> is missing.\n>\n>> older quote\n> Thanks\n",
    );
  });

  it("makes an HTML part with the answer and the history in a blockquote, escaped", () => {
    const { html } = withQuotedHistory({ text: "It is <attached>.", html: null }, quoted);
    expect(html).toContain("<div>It is &lt;attached&gt;.</div>");
    expect(html).toContain("<div>On Mon, 7 Dec 2026 at 09:05 UTC, Jane Cooper &lt;jane@acme.test&gt; wrote:</div>");
    expect(html).toMatch(/<blockquote type="cite"[^>]*>My invoice &lt;#12&gt; is missing\.<br>\n<br>\n&gt; older quote<br>\nThanks<\/blockquote>/);
  });

  it("keeps the agent's own HTML answer above the history", () => {
    const { html } = withQuotedHistory({ text: "Done", html: "<p><b>Done</b></p>" }, quoted);
    expect(html?.startsWith("<p><b>Done</b></p>")).toBe(true);
  });

  it("leaves an answer to no customer message as it is", () => {
    expect(withQuotedHistory({ text: "Hi", html: null }, null)).toEqual({ text: "Hi", html: null });
  });

  it("names the sender by address when the message has no name", () => {
    expect(attribution({ ...quoted, fromName: null })).toBe("On Mon, 7 Dec 2026 at 09:05 UTC, jane@acme.test wrote:");
  });
});
