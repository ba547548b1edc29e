import { htmlToPlainText } from "@/server/email/html";

// An opening or closing tag, a comment or a doctype: enough to tell markup from prose with a `<`.
const MARKUP = /<(?:[a-z][a-z0-9-]*(?:\s[^>]*)?\/?|\/[a-z][a-z0-9-]*\s*|!--[\s\S]*?--|!doctype[^>]*)>/i;

/** Whether a text is HTML (so it needs stripping for matching, and escaping when we fill it in). */
export function looksLikeHtml(text: string): boolean {
  return MARKUP.test(text);
}

/**
 * The body `body_contains` looks at: the HTML part with its markup stripped when there is one (the
 * text part of an HTML email is often a poor rendering, or a "view in browser" stub), else the text.
 */
export function matchableBody(email: { text: string | null; html: string | null }): string {
  if (email.html && email.html.trim() !== "") return htmlToPlainText(email.html);
  return email.text ?? "";
}
