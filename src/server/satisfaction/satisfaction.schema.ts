import { z } from "zod";

export const RATINGS = ["great", "okay", "bad"] as const;
export const ratingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof ratingSchema>;
/** How each rating reads, in the email's links, on the rating page and on the ticket. */
export const RATING_WORDS: Record<Rating, string> = { great: "Great", okay: "Okay", bad: "Not good" };

/** What the customer sends from the rating page: the rating, and optionally a few words. */
export const rateTicketSchema = z.object({
  rating: ratingSchema,
  comment: z
    .string()
    .trim()
    .max(2000)
    .transform((comment) => comment || null)
    .nullish(),
});
export type RateTicketInput = z.infer<typeof rateTicketSchema>;
