import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { z } from "zod";
import { resolveWorkspaceAccess } from "@/server/auth/access";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db";
import { AppError, type AppErrorCode } from "@/server/errors";
import { findUnsafeText, unsafeTextError } from "@/server/http/unsafe-text";
import { kickJobWorker } from "@/server/jobs/worker";
import { normalizeError } from "@/server/normalize-error";
import { transformer } from "./transformer";

export interface TRPCContext {
  db: Db;
  caller: Caller | null;
}

const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  VALIDATION: "UNPROCESSABLE_CONTENT",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** Per procedure: `enqueuesNoJobs` spares the worker a wake-up (a presence heartbeat every 5 s per open page). */
interface ProcedureMeta {
  enqueuesNoJobs?: boolean;
}

const t = initTRPC
  .context<TRPCContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer,
    errorFormatter({ shape, error }) {
      const details = error.cause instanceof AppError ? error.cause.details : undefined;
      return { ...shape, data: { ...shape.data, details: details ?? null } };
    },
  });

/**
 * What a procedure threw (an AppError, a failing input schema, a Prisma error) becomes the tRPC
 * error of the AppError it stands for (normalizeError, as on REST), once for every procedure.
 * tRPC's own errors (a procedure not found) and unknown errors (500) pass as they are.
 */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = normalizeError(result.error.cause);
    if (cause) throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

/**
 * Input holding NUL or a lone surrogate (PostgreSQL cannot store it) is refused before any
 * procedure runs, naming the field, like a failing input schema.
 */
const safeText = t.middleware(async ({ getRawInput, next }) => {
  const path = findUnsafeText(await getRawInput());
  if (path) throw unsafeTextError(path);
  return next();
});

/**
 * A mutation may have enqueued jobs in its commit (an agent's reply, sent by its job): the worker
 * starts on them right away instead of at the next poll.
 */
const wakeJobWorker = t.middleware(async ({ ctx, type, meta, next }) => {
  const result = await next();
  if (result.ok && type === "mutation" && !meta?.enqueuesNoJobs) kickJobWorker(ctx.db);
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(appErrors).use(wakeJobWorker).use(safeText);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.caller) throw new AppError("UNAUTHORIZED", "Sign in first");
  return next({ ctx: { caller: ctx.caller } });
});

const workspaceInput = z.object({ workspaceSlug: z.string().min(1) });

/**
 * Procedures on one workspace: input carries `workspaceSlug`; ctx gets the caller's access (members
 * only, 404 otherwise). The service the procedure calls checks the role it needs.
 */
export const workspaceProcedure = protectedProcedure.input(workspaceInput).use(async ({ ctx, input, next }) => {
  const access = await resolveWorkspaceAccess(ctx.db, ctx.caller, { slug: input.workspaceSlug });
  return next({ ctx: { access } });
});
