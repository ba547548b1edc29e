import { mailgunEventRoute } from "@/server/http/mailgun-event-route";

// POST /mg-clicked — Mailgun's event webhook (SPEC §2.4), signature checked when a signing key is set.
export const POST = mailgunEventRoute("clicked");
