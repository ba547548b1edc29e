import { createHash } from "node:crypto";
import type { PGlite, Results } from "@electric-sql/pglite";
import type pg from "pg";

/** A parameterized statement, named once so PostgreSQL parses and plans it once per connection. */
export interface SqlStatement {
  name: string;
  text: string;
}

/** Names a statement after its text: one name per text, computed once where the statement is defined. */
export function sqlStatement(text: string): SqlStatement {
  return { name: `tl_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`, text };
}

export type SqlParam = string | number | boolean | null | string[];
export type SqlRow = object;

/** Runs statements inside one transaction of the driver, without Prisma. */
export interface SqlRunner {
  query<T extends SqlRow>(statement: SqlStatement, params: SqlParam[]): Promise<T[]>;
}

/**
 * How a transaction starts, in one round trip: `beforeBegin` (committed on its own, whatever the
 * transaction then does), BEGIN, then `afterBegin`. Both are parameterless scripts of one statement
 * each, so they can travel with BEGIN in one simple-protocol message; their rows are handed to the
 * transaction.
 */
export interface Opening {
  beforeBegin?: string;
  afterBegin: string;
}

export interface OpeningRows {
  beforeBegin: Record<string, unknown>[];
  afterBegin: Record<string, unknown>[];
}

/** The driver behind a database handle: what `sqlTransaction` and `sqlQuery` run on. */
export interface SqlDriver extends SqlRunner {
  transaction<T>(opening: Opening, run: (sql: SqlRunner, rows: OpeningRows) => Promise<T>): Promise<T>;
}

type OnStatement = (text: string) => void;

// PostgreSQL: "A; COMMIT; BEGIN; B" in one simple query commits A in its own implicit transaction,
// then runs B in the explicit one (see "Multiple Statements in a Simple Query" in the protocol docs).
const openingScript = (opening: Opening) =>
  [opening.beforeBegin ? `${opening.beforeBegin}; COMMIT` : null, "BEGIN", opening.afterBegin].filter(Boolean).join("; ");

/** A PostgreSQL pool as a driver: one checked-out connection per transaction. */
export function poolDriver(pool: pg.Pool, onStatement?: OnStatement): SqlDriver {
  return {
    async query<T extends SqlRow>(statement: SqlStatement, params: SqlParam[]) {
      onStatement?.(statement.text);
      return (await pool.query<T>({ name: statement.name, text: statement.text, values: params })).rows;
    },
    async transaction(opening, run) {
      const client = await pool.connect();
      let failure: Error | undefined;
      try {
        const script = openingScript(opening);
        onStatement?.(script);
        const results = [await client.query(script)].flat() as pg.QueryResult[];
        const rows = { beforeBegin: opening.beforeBegin ? results[0]!.rows : [], afterBegin: results.at(-1)!.rows };
        const runner: SqlRunner = {
          async query<T extends SqlRow>(statement: SqlStatement, params: SqlParam[]) {
            onStatement?.(statement.text);
            return (await client.query<T>({ name: statement.name, text: statement.text, values: params })).rows;
          },
        };
        const result = await run(runner, rows);
        onStatement?.("COMMIT");
        await client.query("COMMIT");
        return result;
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        onStatement?.("ROLLBACK");
        // A connection whose ROLLBACK fails is broken: released with the error, the pool closes it.
        await client.query("ROLLBACK").catch((rollbackError: Error) => (failure = rollbackError));
        throw error;
      } finally {
        // Released with an error only when the connection cannot be trusted; a failed statement is not that.
        client.release(failure && isConnectionFailure(failure) ? failure : undefined);
      }
    },
  };
}

const isConnectionFailure = (error: Error) => !("code" in error) || typeof (error as { code?: unknown }).code !== "string";

/**
 * PGlite as a driver. PGlite is one connection: its transaction() keeps every other query (Prisma's
 * too) out until it ends. The statement before BEGIN runs first, on its own.
 */
export function pgliteDriver(pglite: PGlite, onStatement?: OnStatement): SqlDriver {
  const rowsOf = (results: Results[]) => (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
  return {
    async query<T extends SqlRow>(statement: SqlStatement, params: SqlParam[]) {
      onStatement?.(statement.text);
      return (await pglite.query<T>(statement.text, params)).rows;
    },
    async transaction(opening, run) {
      let beforeBegin: Record<string, unknown>[] = [];
      if (opening.beforeBegin) {
        onStatement?.(opening.beforeBegin);
        beforeBegin = rowsOf(await pglite.exec(opening.beforeBegin));
      }
      return pglite.transaction(async (tx) => {
        onStatement?.(`BEGIN; ${opening.afterBegin}`);
        const afterBegin = rowsOf(await tx.exec(opening.afterBegin));
        const runner: SqlRunner = {
          async query<T extends SqlRow>(statement: SqlStatement, params: SqlParam[]) {
            onStatement?.(statement.text);
            return (await tx.query<T>(statement.text, params)).rows;
          },
        };
        const result = await run(runner, { beforeBegin, afterBegin });
        onStatement?.("COMMIT");
        return result;
      });
    },
  };
}

/**
 * A string as an SQL literal, for the few parameterless statements that travel with others in one
 * simple-protocol message. Quotes doubled; with a backslash, the E'' form with backslashes doubled,
 * so the meaning does not depend on standard_conforming_strings (as pg's escapeLiteral does).
 */
export function sqlLiteral(value: string): string {
  if (value.includes("\0")) throw new Error("An SQL literal cannot hold a NUL character");
  const quoted = `'${value.replaceAll("'", "''")}'`;
  return value.includes("\\") ? ` E${quoted.replaceAll("\\", "\\\\")}` : quoted;
}
