/**
 * Prisma sends `equals` and `contains` with `mode: "insensitive"` to PostgreSQL's ILIKE without
 * escaping, so a `%` or `_` in user input would act as a wildcard. This makes them literal.
 */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, "\\$&");
