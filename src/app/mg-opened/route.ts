import { mailgunEventRoute } from "@/server/http/mailgun-event-route";
import { otherMethods } from "@/server/http/methods";

// POST /mg-opened — Mailgun's event webhook, signature checked when a signing key is set.
export const POST = mailgunEventRoute("opened");
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
