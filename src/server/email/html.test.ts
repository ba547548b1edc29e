import { readFileSync } from "node:fs";
import path from "node:path";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { htmlToPlainText, sanitizeEmailHtml } from "@/server/email/html";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/email");

async function fixtureHtml(name: string): Promise<string> {
  const email = await PostalMime.parse(readFileSync(path.join(FIXTURES, name)));
  if (email.html === undefined) throw new Error(`${name} has no html part`);
  return email.html;
}

const LINK_ATTRS = 'target="_blank" rel="noopener noreferrer nofollow"';

describe("sanitizeEmailHtml removes active content", () => {
  it.each([
    ["<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"],
    ["<img src=x onerror=alert(1)>", "<img />"],
    ["<svg onload=alert(1)><circle/></svg>ok", "ok"],
    ['<iframe src="https://evil.example.com"></iframe>after', "after"],
    ['<object data="x.swf"></object><embed src="y.swf">z', "z"],
    ['<form action="https://evil.example.com"><input name="pw"><button>Go</button></form>', "Go"],
    ["<style>p{color:red}</style><p>Body</p>", "<p>Body</p>"],
    ['<p onclick="steal()" onmouseover="steal()">text</p>', "<p>text</p>"],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', ""],
  ])("sanitizes %j", (html, expected) => {
    expect(sanitizeEmailHtml(html)).toBe(expected);
  });

  it.each([
    'href="javascript:alert(1)"',
    'href="JaVaScRiPt:alert(1)"',
    'href="jav&#x09;ascript:alert(1)"',
    'href="data:text/html;base64,PHNjcmlwdD4="',
    'href="vbscript:msgbox(1)"',
    'href="//evil.example.com"',
    'href="/api/admin"',
  ])("drops the link target %s but keeps the text", (attribute) => {
    expect(sanitizeEmailHtml(`<a ${attribute}>click</a>`)).toBe(`<a ${LINK_ATTRS}>click</a>`);
  });

  it("drops CSS expression() and url() but keeps safe properties", () => {
    const html =
      '<p style="color: red; width: expression(alert(1)); background-image: url(javascript:alert(1)); position: fixed">s</p>' +
      '<p style="color: expression(alert(1)); background-color: url(javascript:alert(1))">t</p>';
    expect(sanitizeEmailHtml(html)).toBe('<p style="color:red">s</p><p>t</p>');
  });
});

describe("sanitizeEmailHtml keeps formatting", () => {
  it("keeps ordinary tags and safe attributes", () => {
    const html =
      '<h2 align="center">Title</h2><p style="text-align: right; font-weight: bold; font-style: italic">x</p>' +
      '<table><tr><td colspan="2" align="left" background="https://x.example/bg.png">c</td></tr></table>' +
      '<font color="#ff0000" face="Arial">f</font><blockquote><pre><code>q</code></pre></blockquote>';
    expect(sanitizeEmailHtml(html)).toBe(
      '<h2 align="center">Title</h2><p style="text-align:right;font-weight:bold;font-style:italic">x</p>' +
        '<table><tr><td colspan="2" align="left">c</td></tr></table>' +
        '<font color="#ff0000" face="Arial">f</font><blockquote data-quoted-history><pre><code>q</code></pre></blockquote>',
    );
  });

  it("opens http, https and mailto links in a new tab without opener or referrer", () => {
    const html = '<a href="https://example.com/a?b=1" target="_self" rel="opener">x</a><a href="mailto:a@b.com">m</a>';
    expect(sanitizeEmailHtml(html)).toBe(`<a href="https://example.com/a?b=1" ${LINK_ATTRS}>x</a><a href="mailto:a@b.com" ${LINK_ATTRS}>m</a>`);
  });
});

describe("sanitizeEmailHtml blocks remote images", () => {
  it("moves an http(s) src to data-remote-src and drops srcset", () => {
    const html = '<img src="https://tracker.example.com/p.gif?u=1&amp;v=2" srcset="https://x.example/2.png 2x" alt="t">';
    expect(sanitizeEmailHtml(html)).toBe('<img alt="t" data-remote-src="https://tracker.example.com/p.gif?u=1&amp;v=2" />');
  });

  it("does not trust a data-remote-src written by the sender", () => {
    expect(sanitizeEmailHtml('<img data-remote-src="javascript:alert(1)">')).toBe("<img />");
  });

  it("drops protocol-relative and unknown image sources", () => {
    expect(sanitizeEmailHtml('<img src="//evil.example.com/x.png"><img src="file:///etc/passwd">')).toBe("<img /><img />");
  });

  it("keeps cid: and raster data: images but not SVG data", () => {
    const html = '<img src="cid:logo@example.com" alt="logo"><img src="data:image/png;base64,iVBORw0KGgo=">' + '<img src="data:image/svg+xml;base64,PHN2Zz4=">';
    expect(sanitizeEmailHtml(html)).toBe('<img alt="logo" src="cid:logo@example.com" /><img src="data:image/png;base64,iVBORw0KGgo=" /><img />');
  });
});

describe("sanitizeEmailHtml on real mail", () => {
  it("keeps the Outlook reply's text and drops Word's head, styles and conditional comments", async () => {
    const safe = sanitizeEmailHtml(await fixtureHtml("talon-outlook.eml"));
    expect(safe).toContain("Allo! Follow up MIME!");
    expect(safe).toContain("The manager's comment:");
    expect(safe).not.toMatch(/<style|<o:p|mso-|@font-face|<html|class=/i);
  });
});

describe("htmlToPlainText", () => {
  it("converts structure to text without link URLs, images, head or styles", () => {
    const html =
      "<html><head><title>T</title><style>p{color:red}</style></head><body><h1>Title</h1>" +
      '<p>Hello <b>Bob</b>, see <a href="https://x.example">the page</a>.<img src="https://x.example/p.gif" alt="pixel"></p>' +
      "<ul><li>one</li><li>two</li></ul><blockquote>quoted</blockquote>" +
      "<table><tr><td>Order</td><td>42</td></tr><tr><td>Status</td><td>open</td></tr></table></body></html>";
    expect(htmlToPlainText(html)).toBe("Title\n\nHello Bob, see the page.\n\n * one\n * two\n\n> quoted\n\nOrder 42\nStatus open");
  });

  it("does not wrap long lines", () => {
    const sentence = "word ".repeat(60).trim();
    expect(htmlToPlainText(`<p>${sentence}</p>`)).toBe(sentence);
  });

  it("keeps the text of the Gmail reply with its quote marked by >", async () => {
    const text = htmlToPlainText(await fixtureHtml("chatwoot-gmail-reply-with-threading.eml"));
    expect(text.startsWith("Yes, I am providing you step how to reproduce this issue\n")).toBe(true);
    expect(text).toContain("> Any update on this?");
    expect(text).not.toMatch(/\n{3}|[ \t]\n/);
  });
});

describe("sanitizeEmailHtml marks the quoted history", () => {
  const H = "data-quoted-history";

  it("marks Outlook's #divRplyFwdMsg with the <hr> above it and the quoted body after it", () => {
    const html =
      '<div id="divtagdefaultwrapper"><p>Thanks, fixed.</p></div><hr style="display:inline-block;width:98%" tabindex="-1">' +
      '<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Ann<br><b>Sent:</b> Monday<br><b>Subject:</b> Order</div><div>Old text</div>';
    expect(sanitizeEmailHtml(html)).toBe(
      `<div><p>Thanks, fixed.</p></div><hr ${H}><div dir="ltr" ${H}><b>From:</b> Ann<br><b>Sent:</b> Monday<br><b>Subject:</b> Order</div><div ${H}>Old text</div>`,
    );
  });

  it("marks everything after Word's border-top header div, also text outside any element", () => {
    const html =
      '<div class="WordSection1"><p>Danke!</p><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">' +
      "<p><b>Von:</b> Ann<br><b>Gesendet:</b> Montag<br><b>Betreff:</b> Bestellung</p></div><p>Alt</p>tail</div>";
    expect(sanitizeEmailHtml(html)).toBe(
      `<div><p>Danke!</p><div ${H}><p><b>Von:</b> Ann<br><b>Gesendet:</b> Montag<br><b>Betreff:</b> Bestellung</p></div><p ${H}>Alt</p><span ${H}>tail</span></div>`,
    );
  });

  it("keeps Gmail answers written between quotes and marks the attribution and each quote", () => {
    const html =
      '<div dir="ltr">See below.</div><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 4 Mar 2024 at 10:12, Ann wrote:<br></div>' +
      '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204)">Q1?</blockquote><div>A1.</div>' +
      '<blockquote class="gmail_quote">Q2?</blockquote><div>A2.</div></div>';
    expect(sanitizeEmailHtml(html)).toBe(
      `<div dir="ltr">See below.</div><div><div dir="ltr" ${H}>On Mon, 4 Mar 2024 at 10:12, Ann wrote:<br></div>` +
        `<blockquote ${H}>Q1?</blockquote><div>A1.</div><blockquote ${H}>Q2?</blockquote><div>A2.</div></div>`,
    );
  });

  it("does not fold a borderless blockquote, which Gmail and Outlook use to indent", () => {
    expect(sanitizeEmailHtml('<blockquote style="margin:0 0 0 40px;border:none;padding:0px">indented</blockquote>')).toBe("<blockquote>indented</blockquote>");
  });

  it("leaves a forward's content visible but folds the history inside it", () => {
    const html =
      '<div>FYI</div><div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: Ann<br>' +
      "Date: Mon, 4 Mar 2024<br>Subject: Order<br>To: Bob<br></div><br><div>The order is late.</div>" +
      "<div>On Sun, 3 Mar 2024, Bob wrote:</div><blockquote>Where is it?</blockquote></div>";
    const safe = sanitizeEmailHtml(html, { subject: "Fwd: Order" });
    expect(safe).toContain("<div>The order is late.</div>");
    expect(safe).toContain(`<div ${H}>On Sun, 3 Mar 2024, Bob wrote:</div><blockquote ${H}>Where is it?</blockquote>`);
    expect(safe.match(new RegExp(H, "g"))).toHaveLength(2);
  });

  it("treats Outlook's header block as a forward when the subject says FW:", () => {
    const html = '<p>Please handle.</p><div id="divRplyFwdMsg"><b>From:</b> Ann<br><b>Sent:</b> Monday<br><b>Subject:</b> Order</div><div>Old text</div>';
    expect(sanitizeEmailHtml(html, { subject: "FW: Order" })).not.toContain(H);
    expect(sanitizeEmailHtml(html, { subject: "RE: Order" })).toContain(H);
  });

  it("keeps escaped text escaped when it marks the history", () => {
    const html =
      '<p title="t">Hi &lt;b&gt;</p><blockquote type="cite">&lt;script&gt;alert(1)&lt;/script&gt; &amp; <a href="https://x.example/?a=1&amp;b=&quot;2&quot;">l</a></blockquote>';
    expect(sanitizeEmailHtml(html)).toBe(
      `<p>Hi &lt;b&gt;</p><blockquote ${H}>&lt;script&gt;alert(1)&lt;/script&gt; &amp; <a href="https://x.example/?a=1&amp;b=&quot;2&quot;" target="_blank" rel="noopener noreferrer nofollow">l</a></blockquote>`,
    );
  });

  it("marks nothing when all of the message is history, as the text body shows it whole", () => {
    expect(sanitizeEmailHtml('<div class="gmail_attr">On Mon, 4 Mar 2024, Ann wrote:</div><blockquote type="cite">Only this</blockquote>')).toBe(
      "<div>On Mon, 4 Mar 2024, Ann wrote:</div><blockquote>Only this</blockquote>",
    );
  });

  it("drops a data-quoted-history or marker attribute written by the sender", () => {
    expect(sanitizeEmailHtml(`<p ${H}="">Hidden?</p><p data-quote-marker="rest">No.</p>`)).toBe("<p>Hidden?</p><p>No.</p>");
  });
});

describe("sanitizeEmailHtml: a client's history div", () => {
  it("folds all of Yahoo's quoted div, also when it opens with an attribution above a blockquote", () => {
    const html =
      '<div>Thanks!</div><div class="yahoo_quoted"><div>On Monday, March 4, 2024, Ann wrote:</div><blockquote>Old</blockquote><div>Older, outside the quote</div></div>';
    expect(sanitizeEmailHtml(html)).toBe(
      "<div>Thanks!</div><div data-quoted-history><div>On Monday, March 4, 2024, Ann wrote:</div><blockquote>Old</blockquote><div>Older, outside the quote</div></div>",
    );
  });
});
