import { z } from "zod";
import type { DeliveryEventType } from "@/generated/prisma/client";
import { parseMailbox } from "@/server/email/address";

export const DELIVERY_EVENT_TYPES = [
  "delivered",
  "opened",
  "clicked",
  "complained",
  "permanent_fail",
  "temporary_fail",
] as const satisfies readonly DeliveryEventType[];

/** An address, also as `Name <addr>`, lower-cased. */
const recipientSchema = z
  .string()
  .trim()
  .min(1, "Required")
  .transform((raw, ctx) => {
    const mailbox = parseMailbox(raw);
    if (!mailbox) {
      ctx.addIssue({ code: "custom", message: "must be an email address" });
      return z.NEVER;
    }
    return mailbox.email;
  });

export const mailgunSignatureSchema = z.object({
  timestamp: z.union([z.string(), z.number()]).transform(String),
  token: z.string().min(1).max(500),
  signature: z.string().min(1).max(500),
});
export type MailgunSignature = z.infer<typeof mailgunSignatureSchema>;

/** Just enough to check the signature before the rest of the payload is looked at. */
export const mailgunEnvelopeSchema = z.looseObject({ signature: mailgunSignatureSchema.optional() });

/** Mailgun's event webhook body (the fields we use; Mailgun sends many more, kept in `payload`). */
export const mailgunEventSchema = z.object({
  "event-data": z.looseObject({
    id: z.string().trim().min(1).max(500),
    event: z.string().trim().min(1).max(100),
    timestamp: z.number().positive(),
    recipient: recipientSchema,
    severity: z.string().nullish(),
    reason: z.string().nullish(),
    "delivery-status": z.looseObject({ description: z.string().nullish(), message: z.string().nullish() }).nullish(),
    message: z.looseObject({ headers: z.looseObject({ "message-id": z.string().trim().min(1).max(1000) }) }),
  }),
});
export type MailgunEvent = z.infer<typeof mailgunEventSchema>;

/** `POST /mail-report`: a generic delivery report from any relay. */
export const mailReportSchema = z.object({
  messageId: z.string().trim().min(1).max(1000),
  recipient: recipientSchema,
  status: z.enum(DELIVERY_EVENT_TYPES),
  reason: z.string().max(2000).nullish(),
});
export type MailReport = z.infer<typeof mailReportSchema>;
