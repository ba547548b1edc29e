import { providerInboundRoute } from "@/server/inbound/provider-route";
import { parsePostmarkJson } from "@/server/inbound/providers/postmark";

// POST /api/inbound/postmark — Postmark's inbound webhook JSON (SPEC §2.3).
export const POST = providerInboundRoute("postmark", (body) => Promise.resolve(parsePostmarkJson(body)));
