import { otherMethods } from "@/server/http/methods";
import { providerInboundRoute } from "@/server/http/inbound-route";
import { parsePostmarkJson } from "@/server/inbound/providers/postmark";

// POST /api/inbound/postmark — Postmark's inbound webhook JSON.
export const POST = providerInboundRoute("postmark", (body) => Promise.resolve(parsePostmarkJson(body)));
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
