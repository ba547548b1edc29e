import { inboundJson, workspaceInboundRoute } from "@/server/http/inbound-route";
import { otherMethods } from "@/server/http/methods";
import { rpcInboundSchema } from "@/server/inbound/inbound.schema";
import { normalizeRpcInbound } from "@/server/inbound/normalize";

// POST /api/rpc/tickets/email/inbound — public JSON webhook.
export const POST = workspaceInboundRoute({
  parse: (body) => inboundJson(body, rpcInboundSchema),
  workspaceId: (body) => body.organizationId,
  email: normalizeRpcInbound,
});
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
