import type { PGlite, Transaction as PGliteTx } from "@electric-sql/pglite";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mapPostgresError } from "./postgres-errors";

type Conn = Pick<PGlite | PGliteTx, "exec">;

/**
 * pglite-prisma-adapter 0.6.1 with its correctness bugs fixed (STACK.md): database errors mapped to
 * Prisma's kinds (a unique violation becomes P2002), scripts awaited (a failing migration fails),
 * parameterless statements sent with the simple protocol (so migrate can run multi-statement SQL).
 */
class FixedQueryable implements SqlQueryable {
  readonly provider = "postgres" as const;
  readonly adapterName = "threadline-pglite";
  constructor(
    protected readonly inner: SqlQueryable,
    protected readonly conn: Conn,
  ) {}

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return withMappedErrors(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    if (query.args.length > 0) return withMappedErrors(() => this.inner.executeRaw(query));
    return withMappedErrors(async () => {
      const results = await this.conn.exec(query.sql);
      return results.at(-1)?.affectedRows ?? 0;
    });
  }
}

class FixedTransaction extends FixedQueryable implements Transaction {
  constructor(
    private readonly tx: Transaction,
    conn: Conn,
  ) {
    super(tx, conn);
  }
  get options() {
    return this.tx.options;
  }
  commit() {
    return this.tx.commit();
  }
  rollback() {
    return this.tx.rollback();
  }
}

class FixedAdapter extends FixedQueryable implements SqlDriverAdapter {
  constructor(
    private readonly adapter: SqlDriverAdapter,
    private readonly pglite: PGlite,
  ) {
    super(adapter, pglite);
  }

  async executeScript(script: string): Promise<void> {
    await withMappedErrors(() => this.pglite.exec(script));
  }

  // PGlite is one connection and runs transactions one at a time, so every transaction is already
  // serializable; the library's SET TRANSACTION outside a transaction is skipped.
  async startTransaction(): Promise<Transaction> {
    const tx = await withMappedErrors(() => this.adapter.startTransaction());
    return new FixedTransaction(tx, (tx as unknown as { client: PGliteTx }).client);
  }

  getConnectionInfo() {
    return this.adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  dispose() {
    return this.adapter.dispose();
  }
}

export class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "threadline-pglite";
  private readonly base: PrismaPGlite;
  private shadow: PGlite | undefined;

  constructor(private readonly pglite: PGlite) {
    this.base = new PrismaPGlite(pglite);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return new FixedAdapter(await this.base.connect(), this.pglite);
  }

  /** Only `prisma migrate dev` uses a shadow database: a throwaway in-memory PGlite. */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const { PGlite } = await import("@electric-sql/pglite");
    this.shadow = new PGlite();
    const shadow = this.shadow;
    const adapter = new FixedAdapter(await new PrismaPGlite(shadow).connect(), shadow);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.close();
    };
    return adapter;
  }
}

async function withMappedErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toDriverAdapterError(error);
  }
}

function toDriverAdapterError(error: unknown): unknown {
  // The library wraps database errors as kind "postgres"; PGlite's own errors carry the SQLSTATE.
  const source =
    error instanceof DriverAdapterError && error.cause.kind === "postgres"
      ? { code: error.cause.code, message: error.cause.message, detail: error.cause.detail, column: error.cause.column }
      : (error as { code?: unknown; message?: unknown; detail?: unknown; column?: unknown });
  if (typeof source?.code !== "string" || typeof source.message !== "string") return error;
  if (error instanceof DriverAdapterError && error.cause.kind !== "postgres") return error;
  return new DriverAdapterError({
    ...mapPostgresError({
      code: source.code,
      message: source.message,
      detail: typeof source.detail === "string" ? source.detail : undefined,
      column: typeof source.column === "string" ? source.column : undefined,
    }),
    // As @prisma/adapter-pg does: a failed raw query reports the database's code and message.
    originalCode: source.code,
    originalMessage: source.message,
  });
}
