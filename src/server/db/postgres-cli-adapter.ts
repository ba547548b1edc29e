import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// Catalog columns of type name (19), "char" (18) and name[] (1003) are not mapped by the adapter
// (Prisma issue 27403); the migrate engine reads them, so they are presented as text / text[].
const OID_REMAP: Record<number, number> = { 18: 25, 19: 25, 1003: 1009 };

interface FieldsResult {
  fields?: { dataTypeID: number }[];
}

function remapFields<T>(result: T): T {
  for (const part of (Array.isArray(result) ? result : [result]) as FieldsResult[]) {
    for (const field of part?.fields ?? []) {
      field.dataTypeID = OID_REMAP[field.dataTypeID] ?? field.dataTypeID;
    }
  }
  return result;
}

class CatalogFriendlyClient extends pg.Client {
  // pg's query() has many overloads; pg.Pool calls it with a callback, the adapter without.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (error: unknown, result: unknown) => void;
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, error ? result : remapFields(result));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(remapFields) : result) as never;
  }
}

/**
 * The driver adapter the Prisma CLI (migrate deploy/status/dev) uses against a real PostgreSQL.
 * Host, port and database are passed apart (not as a connection string) so the shadow database of
 * `migrate dev` really is another database; scripts go as one query so `$$` bodies survive.
 */
export function postgresMigrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const parsed = new URL(url);
  const config: pg.PoolConfig = {
    host: decodeURIComponent(parsed.hostname) || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    Client: CatalogFriendlyClient,
    allowExitOnIdle: true,
  };
  const factory = new PrismaPg(config);
  const wholeScript = (adapter: SqlDriverAdapter) => {
    const driver = (adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
    adapter.executeScript = async (script: string) => {
      await driver.query(script);
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wholeScript(await factory.connect()),
    connectToShadowDb: async () => wholeScript(await factory.connectToShadowDb()),
  };
}
