import { otherMethods } from "@/server/http/methods";
import { pagedJson, parseQuery } from "@/server/http/query";
import { withWorkspace } from "@/server/http/with-workspace";
import { listOutboundEmails } from "@/server/outbound-mail/outbound-log";
import { listOutboundEmailsSchema } from "@/server/outbound-mail/outbound-log.schema";

// GET /api/v1/workspaces/:workspaceId/outbound-emails?to=&kind=&limit=&offset= — newest first, total in X-Total-Count.
export const GET = withWorkspace(async ({ request, db, access }) => {
  const { emails, total } = await listOutboundEmails(db, access, parseQuery(request, listOutboundEmailsSchema));
  return pagedJson(emails, total);
});
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
