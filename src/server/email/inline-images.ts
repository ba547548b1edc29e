import { attachmentPath } from "@/server/attachments/attachment-paths";

interface InlineImageAttachment {
  id: string;
  contentType: string;
  status: string;
  contentId: string | null;
}

const IMG_TAG = /<img\b[^>]*>/gi;
const CID_SRC_ATTRIBUTE = / src="cid:([^"]*)"/i;
const ENTITY = { "&amp;": "&", "&quot;": '"', "&lt;": "<", "&gt;": ">" } as const;

/** The Content-ID a `cid:` URL names: its attribute value unescaped, then URL-decoded (RFC 2392). */
function contentIdOf(value: string): string {
  const unescaped = value.replace(/&(?:amp|quot|lt|gt);/g, (entity) => ENTITY[entity as keyof typeof ENTITY]);
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

/**
 * Sanitized email HTML (sanitizeEmailHtml's output) with each `cid:` image that names a stored
 * image of the message pointed at that attachment's route; other `cid:` images stay as they are
 * (they load nothing). `shown` names the attachments the HTML now shows, which the message need
 * not list again as files. It relies on the sanitizer's serialization: text never holds a raw `<`
 * and attribute values never a raw `"` or `>`, so every `<img …>` found is a tag and ` src="…"` in
 * it is its src attribute.
 */
export function withInlineImages(html: string, attachments: InlineImageAttachment[], workspaceId: string): { html: string; shown: Set<string> } {
  const images = new Map(
    attachments
      .filter((attachment) => attachment.status === "stored" && attachment.contentId && /^image\//i.test(attachment.contentType))
      .map((attachment) => [attachment.contentId!, attachment.id]),
  );
  const shown = new Set<string>();
  if (images.size === 0) return { html, shown };
  const resolved = html.replace(IMG_TAG, (tag) =>
    tag.replace(CID_SRC_ATTRIBUTE, (attribute, value: string) => {
      const id = images.get(contentIdOf(value));
      if (!id) return attribute;
      shown.add(id);
      return ` src="${attachmentPath(workspaceId, id)}"`;
    }),
  );
  return { html: resolved, shown };
}
