import type { MappedError } from "@prisma/driver-adapter-utils";

export interface PostgresErrorFields {
  code: string;
  message: string;
  detail?: string;
  column?: string;
}

/** SQLSTATE → Prisma's error kinds, as @prisma/adapter-pg maps them (so P2002 etc. work on PGlite). */
export function mapPostgresError(error: PostgresErrorFields): MappedError {
  const keyFields = error.detail
    ?.match(/Key \(([^)]+)\)/)
    ?.at(1)
    ?.split(", ");
  const constraint = keyFields ? { fields: keyFields } : undefined;
  switch (error.code) {
    case "23505":
      return { kind: "UniqueConstraintViolation", constraint };
    case "23502":
      return { kind: "NullConstraintViolation", constraint };
    case "23503":
      return {
        kind: "ForeignKeyConstraintViolation",
        constraint: error.column ? { fields: [error.column] } : undefined,
      };
    case "40001":
      return { kind: "TransactionWriteConflict" };
    default:
      return {
        kind: "postgres",
        code: error.code,
        severity: "ERROR",
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: undefined,
      };
  }
}
