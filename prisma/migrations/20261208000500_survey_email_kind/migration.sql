-- Alone in its migration: a new enum value cannot be used in the transaction that adds it.
ALTER TYPE "OutboundEmailKind" ADD VALUE 'survey';
