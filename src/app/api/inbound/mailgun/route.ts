import { db } from "@/server/db";
import { otherMethods } from "@/server/http/methods";
import { providerInboundRoute } from "@/server/http/inbound-route";
import { authenticateMailgunRoute, parseMailgunInbound } from "@/server/inbound/providers/mailgun";

// POST /api/inbound/mailgun — a Mailgun route's forward(), parsed or MIME; signed, single-use signatures when MAILGUN_WEBHOOK_SIGNING_KEY is set.
export const POST = providerInboundRoute("mailgun", async (body, contentType) => {
  const inbound = await parseMailgunInbound(body, contentType);
  await authenticateMailgunRoute(db(), inbound, new Date());
  return inbound.email;
});
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
