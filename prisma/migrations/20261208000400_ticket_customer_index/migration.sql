-- A customer's page lists its tickets newest first (the ticket list's `customer` filter).
CREATE INDEX "Ticket_customerId_lastActivityAt_idx" ON "Ticket"("customerId", "lastActivityAt" DESC);
