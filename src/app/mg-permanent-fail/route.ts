import { mailgunEventRoute } from "@/server/http/mailgun-event-route";
import { otherMethods } from "@/server/http/methods";

// POST /mg-permanent-fail — Mailgun's event webhook, signature checked when a signing key is set.
export const POST = mailgunEventRoute("permanent_fail");
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
