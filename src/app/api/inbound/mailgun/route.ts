import { providerInboundRoute } from "@/server/inbound/provider-route";
import { parseMailgunInbound, verifyMailgunRoute } from "@/server/inbound/providers/mailgun";

// POST /api/inbound/mailgun — a Mailgun route's forward(), parsed or MIME (SPEC §2.3); signed when MAILGUN_WEBHOOK_SIGNING_KEY is set.
export const POST = providerInboundRoute("mailgun", async (body, contentType) => {
  const { email, signature } = await parseMailgunInbound(body, contentType);
  const key = process.env.MAILGUN_WEBHOOK_SIGNING_KEY?.trim();
  if (key) verifyMailgunRoute(key, signature, new Date());
  return email;
});
