import { convert, type HtmlToTextOptions } from "html-to-text";
import sanitizeHtml from "sanitize-html";
import { markQuotedHistory, QUOTE_MARKER, quoteMarker } from "./html-quotes";
import { isForwardSubject } from "./quoted-history";

const REMOTE_SRC = /^https?:\/\//i;
// Relative links would resolve against the helpdesk itself, so only absolute ones are kept.
const LINK_HREF = /^(?:https?:\/\/|mailto:)/i;
const LINK_REL = "noopener noreferrer nofollow";
const CID_SRC = /^cid:[^\s"'<>]+$/i;
const INLINE_IMAGE_SRC = /^data:image\/(?:png|jpeg|jpg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

function without(attribs: sanitizeHtml.Attributes, names: string[]): sanitizeHtml.Attributes {
  return Object.fromEntries(Object.entries(attribs).filter(([name]) => !names.includes(name)));
}

const COLOR = [/^#[0-9a-f]{3,8}$/i, /^rgba?\(\s*[\d.%\s,/]+\)$/i, /^[a-z]+$/i];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...["p", "div", "span", "br", "hr", "a", "b", "i", "u", "s", "strike", "strong", "em", "small", "sub", "sup"],
    ...["ul", "ol", "li", "blockquote", "pre", "code", "font", "center", "img"],
    ...["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"],
    ...["h1", "h2", "h3", "h4", "h5", "h6"],
  ],
  allowedAttributes: {
    "*": ["style", "align", "dir", QUOTE_MARKER],
    a: ["href", "target", "rel"],
    img: ["src", "alt", "width", "height", "data-remote-src"],
    font: ["color", "face", "size"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan"],
  },
  // Only these survive, so expression(), url(…) and layout tricks (position, background-image) are gone.
  allowedStyles: {
    "*": {
      color: COLOR,
      "background-color": COLOR,
      "text-align": [/^(?:left|right|center|justify)$/i],
      "font-weight": [/^(?:normal|bold|bolder|lighter|[1-9]00)$/i],
      "font-style": [/^(?:normal|italic|oblique)$/i],
      "text-decoration": [/^(?:none|underline|line-through|overline)(?:\s+(?:underline|line-through|overline))*$/i],
    },
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["cid", "data"] },
  allowProtocolRelative: false,
  // The text of these is not content; sanitize-html would otherwise keep the text of discarded tags.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "template"],
  transformTags: {
    a: (tagName, attribs) => {
      const link = attribs.href?.trim() ?? "";
      const kept = without(attribs, ["href", "target", "rel"]);
      if (LINK_HREF.test(link)) kept.href = link;
      return { tagName, attribs: { ...kept, target: "_blank", rel: LINK_REL } };
    },
    img: (tagName, attribs) => {
      const source = attribs.src?.trim() ?? "";
      // A `data-remote-src` already in the mail is the sender's, not ours: the UI would load it unchecked.
      const rest = without(attribs, ["src", "data-remote-src"]);
      // Remote images would tell the sender when the agent opened the mail; the UI loads them on request.
      if (REMOTE_SRC.test(source)) return { tagName, attribs: { ...rest, "data-remote-src": source } };
      if (CID_SRC.test(source) || INLINE_IMAGE_SRC.test(source)) return { tagName, attribs: { ...rest, src: source } };
      return { tagName, attribs: rest };
    },
    // Runs after the ones above. The client's quote markup is about to be dropped: keep what it says.
    "*": (tagName, attribs) => {
      const kept = without(attribs, [QUOTE_MARKER]);
      const marker = quoteMarker(tagName, attribs);
      return { tagName, attribs: marker ? { ...kept, [QUOTE_MARKER]: marker } : kept };
    },
  },
};

/**
 * Email HTML made safe to render in the agent UI, remote images blocked (`data-remote-src`), the
 * quoted history marked `data-quoted-history` for the view to fold (a forward's content is not
 * history: the subject tells a forward).
 */
export function sanitizeEmailHtml(html: string, options: { subject?: string | null } = {}): string {
  return markQuotedHistory(sanitizeHtml(html, SANITIZE_OPTIONS), { forward: isForwardSubject(options.subject) });
}

const CELL = { format: "inlineSurround", options: { prefix: "", suffix: " " } };

// Email layouts are nested tables: one line per row, cells separated by a space, no column padding.
const TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: "table", format: "block" },
    { selector: "tr", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "td", ...CELL },
    { selector: "th", ...CELL },
  ],
};

/** Plain text of an email's HTML, for the text body when a sender sent HTML only. */
export function htmlToPlainText(html: string): string {
  return convert(html, TEXT_OPTIONS)
    .replace(/[^\S\n]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
