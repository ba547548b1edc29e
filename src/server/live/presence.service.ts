import type { WorkspaceAccess } from "@/server/auth/access";
import { sqlQuery, type Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { sqlStatement } from "@/server/db/sql-transaction";
import { LIVE_CHANNEL, type PresenceEvent } from "./live-events";
import { presenceOf } from "./live-bus";
import type { ListPresenceInput, ReportPresenceInput } from "./presence.schema";

// One round trip: the ticket must be the workspace's, and the heartbeat goes out to every instance.
const notifyPresence = sqlStatement(`SELECT pg_notify('${LIVE_CHANNEL}', $3) AS sent FROM "Ticket" WHERE "id" = $1::uuid AND "workspaceId" = $2::uuid`);

/** A heartbeat of the caller on a ticket's page (viewing, typing), or their leaving it. */
export async function reportPresence(db: Db, access: WorkspaceAccess, input: ReportPresenceInput): Promise<void> {
  const event: PresenceEvent = {
    kind: "presence",
    workspaceId: access.workspace.id,
    ticketId: input.ticketId,
    userId: access.user.id,
    name: access.user.name ?? access.user.email,
    state: input.state,
  };
  const sent = await sqlQuery(db, notifyPresence, [input.ticketId, access.workspace.id, JSON.stringify(event)]);
  if (sent.length === 0) throw notFound("Ticket");
}

/** Who else is on the workspace's ticket pages (of one ticket, when given), and what they are doing. */
export async function listPresence(access: WorkspaceAccess, input: ListPresenceInput) {
  const entries = await presenceOf(access.workspace.id, input.ticketId);
  return entries.filter((entry) => entry.userId !== access.user.id).map(({ ticketId, userId, name, state }) => ({ ticketId, userId, name, state }));
}
