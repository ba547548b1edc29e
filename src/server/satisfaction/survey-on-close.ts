import type { Prisma, Ticket, Workspace } from "@/generated/prisma/client";
import { enqueueJobs } from "@/server/jobs/jobs";

/**
 * In the transaction that closes tickets: their satisfaction surveys, as jobs, when the workspace
 * asks for them. Team conversations are not surveyed; the job skips a ticket surveyed before.
 */
export function surveyClosedTickets(
  tx: Prisma.TransactionClient,
  workspace: Pick<Workspace, "id" | "satisfactionSurveys">,
  tickets: Pick<Ticket, "id" | "kind">[],
) {
  if (!workspace.satisfactionSurveys) return Promise.resolve();
  const surveyed = tickets.filter((ticket) => ticket.kind === "ticket");
  return enqueueJobs(
    tx,
    surveyed.map((ticket) => ({ workspaceId: workspace.id, type: "satisfaction.survey" as const, payload: { ticketId: ticket.id } })),
  );
}
