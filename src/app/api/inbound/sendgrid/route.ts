import { otherMethods } from "@/server/http/methods";
import { providerInboundRoute } from "@/server/http/inbound-route";
import { parseSendgridInbound } from "@/server/inbound/providers/sendgrid";

// POST /api/inbound/sendgrid — SendGrid Inbound Parse, parsed or raw mode.
export const POST = providerInboundRoute("sendgrid", parseSendgridInbound);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
