import { z } from "zod";

// Every environment variable the server reads is read here, checked and given its default (README,
// "Configuration"); `npm start` and the server check them before anything else, so a bad value
// stops the start with the variable's name and what is wrong with it.

const number = z.coerce.number({ error: (issue) => (issue.code === "invalid_type" ? "must be a number" : undefined) });
const positiveInt = (fallback: number) => number.int().positive().default(fallback);
const limit = (fallback: number) => number.int().min(0).default(fallback);
const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

/** What is wrong with a DATABASE_URL (see src/server/db/config.ts), or undefined when nothing is. */
export function databaseUrlProblem(url: string): string | undefined {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return undefined;
  if (url === "file:") return "needs a folder after file:, e.g. file:./.data/pglite";
  if (url.startsWith("file:")) return undefined;
  return `must start with postgres://, postgresql:// or file: (got "${url.split(":")[0]}:…")`;
}

/** The runtime settings read from the environment (see README, "Configuration"). */
const configSchema = z
  .object({
    /** PostgreSQL's URL, or `file:<folder>` for the embedded PGlite (unset: ./.data/pglite). */
    DATABASE_URL: z
      .string()
      .trim()
      .superRefine((url, context) => {
        const problem = databaseUrlProblem(url);
        if (problem) context.addIssue({ code: "custom", message: problem });
      })
      .optional(),
    /** The HTTP port (`npm start`), and the inbound webhook addresses' last resort. */
    PORT: number.int().min(1).max(65535).default(3000),
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
    /** Lets inbound attachment URLs point at private or loopback addresses (the test suite's servers). */
    INBOUND_ATTACHMENTS_ALLOW_PRIVATE_HOSTS: flag.default(false),
    /** Signs session JWTs (src/server/auth/secret.ts); `npm start` generates one when neither is set. */
    NEXTAUTH_SECRET: z.string().optional(),
    AUTH_SECRET: z.string().optional(),
    /** The app's public URL, for next-auth (which reads it itself too). */
    NEXTAUTH_URL: httpUrl.optional(),
    /** The origin shown in inbound webhook addresses, when the request's own is not the public one. */
    PUBLIC_URL: httpUrl.optional(),
    /** The outgoing mail server; unset, mail is only recorded (the dev outbox). */
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    /** Unset, Mailgun's webhooks are not signed (development). */
    MAILGUN_WEBHOOK_SIGNING_KEY: z.string().trim().min(1).optional(),
    /** `off` leaves jobs to explicit runs (the test suite). */
    JOB_WORKER: z.enum(["on", "off"]).default("on"),
    /** Jobs one instance runs at the same time. */
    JOB_CONCURRENCY: positiveInt(4),
    /**
     * A job's lease; the worker renews it every third of it while the job runs, so a dead worker's
     * jobs are claimed again by another instance within a lease and a poll.
     */
    JOB_LEASE_MS: number.int().min(1000).default(15_000),
    /** How often each instance looks for due jobs (retries, and jobs whose worker died). */
    JOB_POLL_MS: positiveInt(2000),
    /** Done jobs are deleted after this many days; failed ones are kept for a human to see. */
    JOB_RETENTION_DAYS: positiveInt(7),
    /** Set by Next itself (`phase-production-build` while `next build` loads the app), not by operators. */
    NEXT_PHASE: z.string().optional(),
    /**
     * Reverse proxies in front of the app that append to X-Forwarded-For; the client's address is the
     * entry that many from the right. 0 (no proxy): the header is the client's own word, so nothing is
     * limited per address.
     */
    TRUST_PROXY: number.int().min(0).max(10).default(0),
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
  })
  .superRefine((config, context) => {
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

/** This process's environment with some variables changed, for a child process (migrations, tests). */
export function environmentWith(changes: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...changes };
}

// One parse, kept until one of the variables changes: a test changes a setting with
// vi.stubEnv(name, value) and the next appConfig() sees it (no cache to reset), as `npm start` sees
// the NEXTAUTH_SECRET and NEXTAUTH_URL it sets for the server it starts. Comparing the variables'
// values costs about 7 µs a call, a parse about 40 µs.
const variables = Object.keys(configSchema.shape);
let cached: { values: string; config: AppConfig } | undefined;

/** The process's settings, read from the environment; throws when one is invalid (see parseConfig). */
export function appConfig(): AppConfig {
  const values = variables.map((name) => process.env[name] ?? "").join("\0");
  if (cached?.values !== values) cached = { values, config: parseConfig(process.env) };
  return cached.config;
}
