import { sqlStatement } from "@/server/db/sql-transaction";

/**
 * The one rule for a sender's contact, as a CTE named `contact` (RETURNING the row): found by its
 * lower-cased address or created, linked to the customer of its domain when it has none; a name is
 * filled in when it had none, never overwritten. INSERT … ON CONFLICT DO UPDATE: a concurrent creator
 * of the same contact (two first mails of a new sender) makes this wait for its commit and then
 * returns its row, where a plain INSERT's unique violation would abort the whole transaction.
 * `p` names the statement's parameters for the workspace, address, name and address domain.
 */
export function contactUpsertCte(p: { workspace: string; email: string; name: string; domain: string }): string {
  return `contact AS (
    INSERT INTO "Contact" AS c ("id", "workspaceId", "email", "name", "customerId", "updatedAt")
    VALUES (gen_random_uuid(), ${p.workspace}::uuid, ${p.email}::text, ${p.name}::text,
      (SELECT "customerId" FROM "CustomerDomain" WHERE "workspaceId" = ${p.workspace}::uuid AND "domain" = ${p.domain}::text), now())
    ON CONFLICT ("workspaceId", "email") DO UPDATE SET
      "name" = COALESCE(c."name", EXCLUDED."name"),
      "customerId" = COALESCE(c."customerId", EXCLUDED."customerId"),
      "updatedAt" = CASE WHEN (c."name" IS NULL AND EXCLUDED."name" IS NOT NULL) OR (c."customerId" IS NULL AND EXCLUDED."customerId" IS NOT NULL)
        THEN now() ELSE c."updatedAt" END
    RETURNING c.*
  )`;
}

/** $1 workspace, $2 address (lower-cased), $3 name, $4 the address's domain. */
export const FIND_OR_CREATE_CONTACT = sqlStatement(
  `WITH ${contactUpsertCte({ workspace: "$1", email: "$2", name: "$3", domain: "$4" })} SELECT * FROM contact`,
);
