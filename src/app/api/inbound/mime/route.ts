import { otherMethods } from "@/server/http/methods";
import { providerInboundRoute } from "@/server/http/inbound-route";
import { parseMimeMessage } from "@/server/inbound/providers/mime";

// POST /api/inbound/mime — a raw RFC 5322 message (message/rfc822).
export const POST = providerInboundRoute("mime", (body) => parseMimeMessage(body));
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
