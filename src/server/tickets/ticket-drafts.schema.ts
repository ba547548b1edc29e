import { z } from "zod";

/** Addresses as typed so far: a draft keeps half-written ones, sending validates them. */
const typedAddresses = z.array(z.string().trim().max(320)).max(50).default([]);

/** What the composer holds: PUT /tickets/:ticketId/draft and the ticket.saveDraft procedure. */
export const saveDraftSchema = z.object({
  mode: z.enum(["reply", "note"]),
  body: z.string().max(1_000_000),
  toAddresses: typedAddresses,
  ccAddresses: typedAddresses,
  attachmentIds: z.array(z.uuid()).max(50).default([]),
});
export type SaveDraftInput = z.input<typeof saveDraftSchema>;
