import { WORKSPACE_ERRORS, type Operation } from "@/server/openapi-operation";
import { convertIncomingMailSchema, listIncomingMailsSchema } from "./incoming-mails.schema";

const common = {
  tag: "Incoming mails",
  security: "bearer",
  description: "The token's workspace; a signed-in browser session names it in the x-workspace-id header.",
} as const;
const errors = { ...WORKSPACE_ERRORS, 400: "A session without x-workspace-id, or one naming another workspace than the token's" } as const;

// The receive log. Mails cannot be created through the API.
export const incomingMailOperations: Operation[] = [
  {
    ...common,
    method: "get",
    path: "/api/v1/incoming_mails",
    summary: "List received emails, newest first, 100 per page",
    query: listIncomingMailsSchema,
    responses: {
      200: "Array of {id, message_id, sender, recipient, subject, body, ticket_id, reply_to_closed_ticket, analysis, notified, created_at, updated_at}; X-Total-Count",
      422: "Bad filter or page",
      ...errors,
    },
  },
  { ...common, method: "delete", path: "/api/v1/incoming_mails/{id}", summary: "Delete a received email", responses: { 201: "{message}", ...errors } },
  {
    ...common,
    method: "put",
    path: "/api/v1/incoming_mails/{id}/ticket",
    summary: "Make a ticket for a customer from a received email",
    body: convertIncomingMailSchema,
    responses: { 201: "The ticket (the same one when converted before)", 422: "customer_id missing", ...errors, 404: "Unknown mail or customer" },
  },
  {
    ...common,
    method: "put",
    path: "/api/v1/incoming_mails/{id}/reply",
    summary: "Append a received email to its ticket_id ticket as a reply",
    responses: { 201: "The ticket (unchanged when added before)", ...errors, 404: "Unknown mail, or it has no ticket" },
  },
];
