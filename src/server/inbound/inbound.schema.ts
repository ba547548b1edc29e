import type { DeliveryReport } from "@/server/email/delivery-report";
import { z } from "zod";

const optionalText = z.string().nullish();
const headerValues = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const references = z.union([z.string(), z.array(z.string())]).nullish();

export const remoteAttachmentSchema = z.object({
  filename: z.string().trim().min(1).max(255),
  contentType: z.string().trim().min(1).max(255).default("application/octet-stream"),
  size: z.number().int().nonnegative().optional(),
  url: z.url({ protocol: /^https?$/ }),
});
export type RemoteAttachment = z.infer<typeof remoteAttachmentSchema>;

/** Body of POST /api/rpc/tickets/email/inbound. */
export const rpcInboundSchema = z.object({
  organizationId: z.uuid(),
  from: z.string().trim().min(1),
  to: z.string().trim().min(1),
  cc: optionalText,
  subject: optionalText,
  text: optionalText,
  html: optionalText,
  messageId: optionalText,
  inReplyTo: optionalText,
  references,
  headers: headerValues.optional(),
  attachments: z.array(remoteAttachmentSchema).max(50).optional(),
});
export type RpcInboundBody = z.infer<typeof rpcInboundSchema>;

/** Body of POST /api/helpdesk/inbound-email. */
export const helpdeskInboundSchema = z
  .object({
    from: optionalText,
    from_name: optionalText,
    envelope: z
      .object({ from: optionalText, to: z.union([z.string(), z.array(z.string())]).nullish() })
      .partial()
      .nullish(),
    to: optionalText,
    cc: optionalText,
    subject: optionalText,
    text: optionalText,
    html: optionalText,
    message_id: z.string({ error: "Required" }).trim().min(1, "Required"),
    in_reply_to: optionalText,
    references,
    headers: headerValues.optional(),
    attachments: z.array(remoteAttachmentSchema).max(50).optional(),
  })
  .refine((body) => Boolean(body.from?.trim() || body.envelope?.from?.trim()), { message: "Required", path: ["from"] });
export type HelpdeskInboundBody = z.infer<typeof helpdeskInboundSchema>;

/** An attachment whose bytes came in the request itself (provider formats, MIME parts). */
export interface InlineAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
  /** The part's Content-ID, without <>: the email's HTML shows it as an image through `cid:`. */
  contentId: string | null;
}

/** Fetched from `url` by a job after the commit, or stored from its inline `content` before it. */
export type InboundAttachment = RemoteAttachment | InlineAttachment;

/** The one shape every inbound route hands to the ingest service. */
export interface InboundEmail {
  source: string;
  from: { email: string; name: string | null };
  /** The addresses the mail was sent to (To, then Cc), lower-cased. */
  recipients: string[];
  /** The raw To line, for the receive log. */
  recipient: string;
  subject: string;
  text: string | null;
  html: string | null;
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  headers: Record<string, string | string[]>;
  attachments: InboundAttachment[];
  rawPayload: unknown;
  /** A bounce's report (multipart/report), recorded as a delivery event of the email it names. */
  deliveryReport?: DeliveryReport | null;
}
