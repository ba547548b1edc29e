import { otherMethods } from "@/server/http/methods";
import { pagedJson, parseQuery } from "@/server/http/query";
import { withCallerWorkspace } from "@/server/http/with-caller-workspace";
import { listIncomingMailsSchema } from "@/server/incoming-mails/incoming-mails.schema";
import { listIncomingMails } from "@/server/incoming-mails/incoming-mails.service";

// GET /api/v1/incoming_mails?filter=out_ticket|reply_to_closed_ticket&page= — 100 per page, newest first, total in X-Total-Count.
export const GET = withCallerWorkspace(async ({ request, db, access }) => {
  const { mails, total } = await listIncomingMails(db, access, parseQuery(request, listIncomingMailsSchema));
  return pagedJson(mails, total);
});
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
