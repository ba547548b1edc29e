-- Full-text search over ticket subjects and message bodies. The vectors are generated columns, so
-- PostgreSQL keeps them current on every insert and update; GIN indexes serve `@@` queries.
-- Bodies are capped so a huge email cannot exceed tsvector's size limit.

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce("subject", ''))) STORED;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english', left(coalesce("bodyText", ''), 100000))) STORED;

-- CreateIndex
CREATE INDEX "Ticket_searchVector_idx" ON "Ticket" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Message_searchVector_idx" ON "Message" USING GIN ("searchVector");
