import { z } from "zod";
import { AppError } from "@/server/errors";
import { parseJsonText } from "@/server/json-text";
import type { ParsedInbound } from "../normalize";
import { headersFromPairs, inlineAttachment } from "./headers";

const text = z.string().nullish();
const address = z.looseObject({ Email: text, Name: text });

/** Postmark's inbound webhook JSON (the fields we read; the rest is kept in the receive log). */
export const postmarkInboundSchema = z.looseObject({
  From: text,
  FromName: text,
  FromFull: address.nullish(),
  To: text,
  Cc: text,
  Subject: text,
  TextBody: text,
  HtmlBody: text,
  /** Postmark's own id of the delivery, not the email's Message-ID (that one is in Headers). */
  MessageID: text,
  Headers: z.array(z.looseObject({ Name: z.string(), Value: z.string().nullish() })).nullish(),
  Attachments: z
    .array(
      // Real deliveries send `Content`; Postmark's "send test" payload sends `Data`.
      z.looseObject({ Name: text, ContentType: text, Content: text, Data: text, ContentLength: z.number().nullish(), ContentID: text }),
    )
    .max(100)
    .nullish(),
});
export type PostmarkInbound = z.infer<typeof postmarkInboundSchema>;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes of a base64 attachment; Buffer would decode anything, so broken base64 is refused here (422). */
function base64Bytes(content: string, index: number, key: "Content" | "Data"): Buffer {
  const compact = content.replace(/\s+/g, "");
  if (!BASE64.test(compact)) throw new AppError("VALIDATION", "Invalid input", { fields: { [`Attachments.${index}.${key}`]: "must be base64" } });
  return Buffer.from(compact, "base64");
}

/** Postmark inbound JSON: `FromFull`, `Headers` [{Name, Value}], base64 `Attachments`. */
export function parsePostmarkInbound(body: PostmarkInbound): ParsedInbound {
  const headers = headersFromPairs((body.Headers ?? []).map((h) => [h.Name, h.Value ?? ""] as const));
  const attachments = body.Attachments ?? [];
  return {
    from: body.FromFull?.Email || body.From,
    fromName: body.FromFull?.Name || body.FromName,
    to: body.To,
    cc: body.Cc,
    subject: body.Subject,
    text: body.TextBody,
    html: body.HtmlBody,
    // normalizeParsedInbound reads Message-ID, In-Reply-To and References from `headers`.
    headers,
    attachments: attachments.map((a, index) =>
      inlineAttachment(a.Name, a.ContentType, base64Bytes(a.Content ?? a.Data ?? "", index, a.Content == null ? "Data" : "Content"), a.ContentID),
    ),
    rawPayload: {
      format: "postmark",
      ...body,
      Attachments: attachments.map(({ Content: _content, Data: _data, ...rest }) => rest),
    },
  };
}

/** The raw body: not JSON or nested too deep → 400, wrong shape → 422 (a ZodError naming the fields). */
export function parsePostmarkJson(body: Uint8Array): ParsedInbound {
  return parsePostmarkInbound(postmarkInboundSchema.parse(parseJsonText(Buffer.from(body).toString("utf8"))));
}
