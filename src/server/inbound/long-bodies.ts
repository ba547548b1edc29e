import { storablePrefix } from "@/server/email/storable-text";
import type { InlineAttachment } from "./inbound.schema";
import { MAX_BODY_CHARS } from "./limits";

interface Bodies {
  text: string | null;
  html: string | null;
}

const ONE_MB = 1024 * 1024;

/**
 * Bodies within MAX_BODY_CHARS: a longer text or HTML is cut, with a sentence saying so, and comes
 * back whole as an attachment (`message.txt`, `message.html`) stored with the email's own.
 */
export function withinBodyLimit(bodies: Bodies): Bodies & { wholeBodies: InlineAttachment[] } {
  const wholeBodies: InlineAttachment[] = [];
  const note = (filename: string) => `This email is longer than ${MAX_BODY_CHARS / ONE_MB} MB: the rest is in the attached ${filename}.`;
  let { text, html } = bodies;
  if (text !== null && text.length > MAX_BODY_CHARS) {
    wholeBodies.push({ filename: "message.txt", contentType: "text/plain; charset=utf-8", content: Buffer.from(text), contentId: null });
    text = `${storablePrefix(text, MAX_BODY_CHARS)}\n\n[${note("message.txt")}]`;
  }
  if (html !== null && html.length > MAX_BODY_CHARS) {
    wholeBodies.push({ filename: "message.html", contentType: "text/html; charset=utf-8", content: Buffer.from(html), contentId: null });
    html = `${storablePrefix(html, MAX_BODY_CHARS)}<p>[${note("message.html")}]</p>`;
  }
  return { text, html, wholeBodies };
}
