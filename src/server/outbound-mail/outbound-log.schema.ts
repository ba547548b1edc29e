import { z } from "zod";
import { pageSchema } from "@/server/pagination";

// `?to=&kind=` (a filter left blank) filters nothing.
const blankAsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const listOutboundEmailsSchema = pageSchema.extend({
  // Recipients are stored lower-cased.
  to: blankAsAbsent(z.string().trim().toLowerCase().max(320)),
  kind: blankAsAbsent(z.enum(["reply", "confirmation", "automated_response", "notification", "survey"])),
});
export type ListOutboundEmailsInput = z.infer<typeof listOutboundEmailsSchema>;
