import net from "node:net";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import { isDatabaseUnavailable } from "./unavailable";

const clientVersion = "6.19.3";

/** Prisma's error around an adapter error, as the client raises it (shapes seen against a real server). */
function prismaError(code: string, message: string, cause: ConstructorParameters<typeof DriverAdapterError>[0]) {
  return new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion, meta: { driverAdapterError: new DriverAdapterError(cause) } });
}

function databaseError(code: string, message: string) {
  const error = new pg.DatabaseError(message, message.length, "error");
  error.code = code;
  error.severity = "FATAL";
  return error;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("isDatabaseUnavailable", () => {
  // A server that accepts connections and never answers: a database that hangs.
  const silent = net.createServer(() => undefined);
  const sockets = new Set<net.Socket>();
  silent.on("connection", (socket) => sockets.add(socket));
  let silentPort = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    silentPort = (silent.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("recognizes pg's own errors: connection refused, connect timeout, pool checkout timeout", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const refused = await rejection(new pg.Client({ host: "127.0.0.1", port: closedPort }).connect());
    expect(refused).toMatchObject({ code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(refused)).toBe(true);

    const pool = new pg.Pool({ host: "127.0.0.1", port: silentPort, max: 1, connectionTimeoutMillis: 100 });
    const [connectTimeout, checkoutTimeout] = await Promise.all([rejection(pool.connect()), rejection(pool.connect())]);
    expect(connectTimeout).toMatchObject({ message: "Connection terminated due to connection timeout" });
    expect(checkoutTimeout).toMatchObject({ message: "timeout exceeded when trying to connect" });
    expect(isDatabaseUnavailable(connectTimeout)).toBe(true);
    expect(isDatabaseUnavailable(checkoutTimeout)).toBe(true);
    await pool.end();
  });

  it("recognizes a connection that broke under a statement", () => {
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", errno: -104, syscall: "read" }))).toBe(true);
  });

  it("recognizes the SQLSTATEs of a server shutting down, starting up, out of connections, or a connection failure", () => {
    for (const code of ["57P01", "57P02", "57P03", "53300", "08006", "08001", "08P01"]) {
      expect(isDatabaseUnavailable(databaseError(code, "terminating connection due to administrator command")), code).toBe(true);
    }
  });

  it("recognizes Prisma's and the driver adapter's wrappings", () => {
    const adminShutdown = {
      kind: "postgres",
      code: "57P01",
      severity: "FATAL",
      message: "terminating connection due to administrator command",
      detail: undefined,
      column: undefined,
      hint: undefined,
    } as const;
    expect(isDatabaseUnavailable(new DriverAdapterError(adminShutdown))).toBe(true);
    expect(
      isDatabaseUnavailable(
        prismaError("P2010", "Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`", adminShutdown),
      ),
    ).toBe(true);
    const unreachable = { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } as const;
    expect(isDatabaseUnavailable(prismaError("P1001", "Can't reach database server at 127.0.0.1:5432", unreachable))).toBe(true);
    expect(
      isDatabaseUnavailable(prismaError("P2010", "Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:5432`", unreachable)),
    ).toBe(true);
    const tooMany = { kind: "TooManyConnections", cause: 'too many connections for role "app"' } as const;
    expect(isDatabaseUnavailable(prismaError("P2037", 'Too many database connections opened: too many connections for role "app"', tooMany))).toBe(true);
    expect(isDatabaseUnavailable(new DriverAdapterError({ kind: "ConnectionClosed" }))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", { code: "P2028", clientVersion }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Prisma.PrismaClientKnownRequestError("Timed out fetching a new connection from the connection pool.", { code: "P2024", clientVersion }),
      ),
    ).toBe(true);
  });

  it("leaves every other error alone: bad requests, constraint violations, bugs", () => {
    const syntax = {
      kind: "postgres",
      code: "42601",
      severity: "ERROR",
      message: 'syntax error at or near "SELEC"',
      detail: undefined,
      column: undefined,
      hint: undefined,
    } as const;
    const unique = { kind: "UniqueConstraintViolation" as const, constraint: { fields: ["email"] } };
    for (const error of [
      prismaError("P2010", "Raw query failed. Code: `42601`.", syntax),
      prismaError("P2002", "Unique constraint failed on the fields: (`email`)", unique),
      new Prisma.PrismaClientKnownRequestError("Transaction API error: Transaction already closed.", { code: "P2028", clientVersion }),
      databaseError("23505", "duplicate key value violates unique constraint"),
      new AppError("UNAVAILABLE", "not a database error"),
      new ZodError([]),
      new Error("boom"),
      new TypeError("Cannot read properties of undefined"),
      "Connection terminated",
      null,
      undefined,
    ]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(false);
    }
  });
});
