import { mailgunEventRoute } from "@/server/http/mailgun-event-route";
import { otherMethods } from "@/server/http/methods";

// POST /mg-delivered — Mailgun's event webhook, signature checked when a signing key is set.
export const POST = mailgunEventRoute("delivered");
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
