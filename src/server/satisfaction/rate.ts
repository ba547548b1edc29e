import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { enforceRateLimits } from "@/server/rate-limit/rate-limit";
import type { RateTicketInput } from "./satisfaction.schema";
import { surveyTokenHash } from "./survey-token";

/** Ratings one link (or one address) may send a minute: a page reload or a change of mind, not a flood. */
const RATINGS_PER_MINUTE = 20;

const surveyInclude = { ticket: { select: { ticketNumber: true, subject: true } }, workspace: { select: { name: true } } } as const;

async function findSurvey(db: Db, token: string) {
  const survey = await db.satisfactionRating.findUnique({ where: { tokenHash: surveyTokenHash(token) }, include: surveyInclude });
  if (!survey) throw notFound("Survey");
  return survey;
}

function presentSurvey(survey: Awaited<ReturnType<typeof findSurvey>>) {
  return {
    workspaceName: survey.workspace.name,
    ticketNumber: survey.ticket.ticketNumber,
    subject: survey.ticket.subject,
    rating: survey.rating,
    comment: survey.comment,
    ratedAt: survey.ratedAt?.toISOString() ?? null,
  };
}
export type SurveyDto = ReturnType<typeof presentSurvey>;

/** The survey a rating link names, for its page (no sign-in: the link's secret is the key). */
export async function getSurvey(db: Db, token: string): Promise<SurveyDto> {
  return presentSurvey(await findSurvey(db, token));
}

/**
 * Records the customer's rating (and comment) on the ticket; a new answer replaces the earlier one.
 * The ticket's timeline shows each change, not a reload that sends the same answer again.
 */
export async function rateTicket(db: Db, token: string, input: RateTicketInput, ip: string | null): Promise<SurveyDto> {
  const tokenHash = surveyTokenHash(token);
  await enforceRateLimits(db, [
    { key: `survey:${tokenHash}`, max: RATINGS_PER_MINUTE, windowSeconds: 60 },
    ...(ip ? [{ key: `survey:ip:${ip}`, max: RATINGS_PER_MINUTE * 5, windowSeconds: 60 }] : []),
  ]);
  const survey = await findSurvey(db, token);
  const comment = input.comment === undefined ? survey.comment : input.comment;
  if (survey.rating === input.rating && survey.comment === comment) return presentSurvey(survey);
  const updated = await db.$transaction(async (tx) => {
    const rated = await tx.satisfactionRating.update({
      where: { id: survey.id },
      data: { rating: input.rating, comment, ratedAt: new Date() },
      include: surveyInclude,
    });
    await tx.activityEvent.create({
      data: { workspaceId: survey.workspaceId, ticketId: survey.ticketId, type: "rated", data: { rating: input.rating, comment } },
    });
    return rated;
  });
  return presentSurvey(updated);
}
