import { z } from "zod";

/** The log is read 100 mails at a time. */
export const INCOMING_MAILS_PER_PAGE = 100;

// `?filter=` (left blank) filters nothing; `outTicket`, the seed API's own JavaScript example's spelling, is `out_ticket`.
const filterSchema = z.preprocess(
  (value) => (value === "" ? undefined : value === "outTicket" ? "out_ticket" : value),
  z.enum(["out_ticket", "reply_to_closed_ticket"]).optional(),
);

export const listIncomingMailsSchema = z.object({
  /** `out_ticket` (or `outTicket`): no ticket; `reply_to_closed_ticket`: held replies to closed tickets. */
  filter: filterSchema,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type ListIncomingMailsInput = z.infer<typeof listIncomingMailsSchema>;

/** Body of `PUT /api/v1/incoming_mails/:id/ticket`. An id that names no customer of the workspace is a 404. */
export const convertIncomingMailSchema = z.object({
  customer_id: z.string({ error: "Required" }).trim().min(1, "Required"),
});
