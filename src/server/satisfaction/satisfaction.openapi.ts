import type { Operation } from "@/server/openapi-operation";
import { rateTicketSchema } from "./satisfaction.schema";

export const satisfactionOperations: Operation[] = [
  {
    tag: "Satisfaction",
    security: "none",
    method: "post",
    path: "/api/rate/{token}",
    summary: "A customer's answer to a satisfaction survey (the token comes from the survey email's link)",
    body: rateTicketSchema,
    responses: {
      200: "{workspaceName, ticketNumber, subject, rating, comment, ratedAt}",
      404: "No survey has this token",
      422: "Invalid rating",
      429: "Too many answers from this link or address",
    },
  },
];
