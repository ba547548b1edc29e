import type { Operation } from "@/server/openapi-operation";
import { helpdeskInboundSchema, rpcInboundSchema } from "@/server/inbound/inbound.schema";

const answers = {
  200: "Stored: {success: true, ticketId, messageId} (ticketId null when discarded, messageId null when held). A redelivery answers the first result.",
  400: "Body is not JSON",
  413: "Body too large",
  422: "Invalid input (the failing fields are named)",
  429: "Not stored: too many emails for this workspace or mailbox secret (RATE_LIMITED); retry after Retry-After seconds",
  500: "Not stored; retry",
  503: "Not stored: the database or the attachment store is briefly unavailable, or a concurrent delivery conflicted (a copy of the email still being processed); retry after Retry-After seconds. Races never answer 4xx",
};

export const inboundOperations: Operation[] = [
  {
    method: "post",
    path: "/api/rpc/tickets/email/inbound",
    tag: "Inbound email",
    security: "none",
    summary: "Receive an email (JSON)",
    description: "Public. When the workspace requires it, send a mailbox inbound secret in X-Inbound-Secret.",
    body: rpcInboundSchema,
    responses: { ...answers, 401: "Secret required by the workspace and missing or wrong", 404: "Unknown organizationId" },
  },
  {
    method: "post",
    path: "/api/helpdesk/inbound-email",
    tag: "Inbound email",
    security: "inboundSecret",
    summary: "Receive an email (mailbox shared secret)",
    description: "The secret (X-Inbound-Secret, X-Mobieus-Inbound-Secret or ?secret=) selects the mailbox and workspace.",
    body: helpdeskInboundSchema,
    responses: { ...answers, 401: "Missing or wrong secret" },
  },
];
