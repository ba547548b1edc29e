import { mailgunEventRoute } from "@/server/http/mailgun-event-route";
import { otherMethods } from "@/server/http/methods";

// POST /mg-temporary-fail — Mailgun's event webhook, signature checked when a signing key is set.
export const POST = mailgunEventRoute("temporary_fail");
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
