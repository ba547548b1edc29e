ALTER TABLE "Workspace" ADD COLUMN "satisfactionSurveys" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "SatisfactionRating" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "rating" TEXT,
    "comment" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ratedAt" TIMESTAMP(3),
    CONSTRAINT "SatisfactionRating_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SatisfactionRating_rating_check" CHECK ("rating" IN ('great', 'okay', 'bad'))
);

CREATE UNIQUE INDEX "SatisfactionRating_ticketId_key" ON "SatisfactionRating"("ticketId");
CREATE UNIQUE INDEX "SatisfactionRating_tokenHash_key" ON "SatisfactionRating"("tokenHash");
CREATE INDEX "SatisfactionRating_workspaceId_ratedAt_idx" ON "SatisfactionRating"("workspaceId", "ratedAt");

ALTER TABLE "SatisfactionRating" ADD CONSTRAINT "SatisfactionRating_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SatisfactionRating" ADD CONSTRAINT "SatisfactionRating_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
