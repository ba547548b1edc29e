import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const limit = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** The runtime settings read from the environment, validated once (see README, "Configuration"). */
const configSchema = z.object({
  /** Connections per app instance to PostgreSQL. */
  DATABASE_POOL_MAX: positiveInt(10),
  /** How long a request waits for a database connection before it answers 503. */
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt(2000),
  /** `local` (a folder, the default) or `s3` (an S3-compatible bucket several machines share). */
  ATTACHMENT_STORE: z.enum(["local", "s3"]).default("local"),
  ATTACHMENTS_DIR: z.string().trim().min(1).default("./.data/attachments"),
  S3_BUCKET: z.string().trim().min(1).optional(),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  /** For S3-compatible servers other than AWS (MinIO, Ceph, R2…). */
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  S3_FORCE_PATH_STYLE: flag.default(false),
  /** `off` leaves jobs to explicit runs (the test suite). */
  JOB_WORKER: z.enum(["on", "off"]).default("on"),
  /** Jobs one instance runs at the same time. */
  JOB_CONCURRENCY: positiveInt(4),
  /**
   * A job's lease; the worker renews it every third of it while the job runs, so a dead worker's
   * jobs are claimed again by another instance within a lease and a poll.
   */
  JOB_LEASE_MS: z.coerce.number().int().min(1000).default(15_000),
  /** How often each instance looks for due jobs (retries, and jobs whose worker died). */
  JOB_POLL_MS: positiveInt(2000),
  /** Done jobs are deleted after this many days; failed ones are kept for a human to see. */
  JOB_RETENTION_DAYS: positiveInt(7),
  /**
   * Reverse proxies in front of the app that append to X-Forwarded-For; the client's address is the
   * entry that many from the right. 0 (no proxy): the header is the client's own word, so nothing is
   * limited per address.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Rate limits (src/server/rate-limit): hits per window, shared by every instance; 0 = no limit.
  /** Failed sign-ins per account (email); a successful one clears the count. */
  RATE_LIMIT_SIGNIN_PER_ACCOUNT: limit(10),
  /** Sign-in attempts per client address (only with TRUST_PROXY). */
  RATE_LIMIT_SIGNIN_PER_IP: limit(100),
  RATE_LIMIT_SIGNIN_WINDOW_SECONDS: positiveInt(15 * 60),
  /** Inbound emails per workspace, over every inbound route. */
  RATE_LIMIT_INBOUND_PER_WORKSPACE: limit(1200),
  /** Inbound emails per mailbox secret. */
  RATE_LIMIT_INBOUND_PER_SECRET: limit(600),
  RATE_LIMIT_INBOUND_WINDOW_SECONDS: positiveInt(60),
  /** REST API requests per bearer token. */
  RATE_LIMIT_API_PER_TOKEN: limit(600),
  RATE_LIMIT_API_WINDOW_SECONDS: positiveInt(60),
}).superRefine((config, context) => {
  if (config.ATTACHMENT_STORE === "s3" && !config.S3_BUCKET) {
    context.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when ATTACHMENT_STORE=s3" });
  }
  // One key without the other would silently fall back to the AWS SDK's own credential chain.
  if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
    context.addIssue({ code: "custom", path: ["S3_SECRET_ACCESS_KEY"], message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together" });
  }
});

export type AppConfig = z.infer<typeof configSchema>;

/** Parses settings from an environment; throws one readable error naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  // An empty variable means unset (e.g. `S3_ENDPOINT=` in a .env file).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const result = configSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid configuration in the environment:\n  ${problems.join("\n  ")}`);
}

let cached: AppConfig | undefined;

/** The process's settings, read from the environment on first use. */
export function appConfig(): AppConfig {
  return (cached ??= parseConfig(process.env));
}
