import { inboundJson, inboundRoute } from "@/server/http/inbound-route";
import { otherMethods } from "@/server/http/methods";
import { helpdeskInboundSchema } from "@/server/inbound/inbound.schema";
import { normalizeHelpdeskInbound } from "@/server/inbound/normalize";

// POST /api/helpdesk/inbound-email — the mailbox's shared secret selects mailbox and workspace.
export const POST = inboundRoute({
  parse: (body) => inboundJson(body, helpdeskInboundSchema),
  email: (body, mailbox) => normalizeHelpdeskInbound(body, mailbox.address),
});
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
