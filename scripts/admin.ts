// The admin command: `npm run admin -- workspace show <slug>`,
// `npm run admin -- token create --workspace <slug> --email <email> [--name <name>]`.
import { parseArgs } from "node:util";
import { appConfig } from "@/env";
import { issueApiToken } from "@/server/auth/api-tokens";
import { AppError } from "@/server/errors";
import { listMailboxes, presentMailbox } from "@/server/mailboxes/mailboxes.service";
import { getWorkspaceBySlug, presentWorkspace } from "@/server/workspaces/workspaces.service";
import type { Db } from "@/server/db";
import { prepareDatabase } from "./prepare-database";

const USAGE = `Usage:
  npm run admin -- workspace show <slug>
  npm run admin -- token create --workspace <slug> --email <email> [--name <name>]`;

async function showWorkspace(db: Db, slug: string) {
  const { PUBLIC_URL, PORT } = appConfig();
  const baseUrl = PUBLIC_URL ?? `http://localhost:${PORT}`;
  const workspace = await getWorkspaceBySlug(db, slug);
  const mailboxes = await listMailboxes(db, workspace.id);
  const { id, name, settings } = presentWorkspace(workspace);
  return JSON.stringify({ id, name, slug, settings, mailboxes: mailboxes.map((m) => presentMailbox(m, { baseUrl, withSecret: true })) }, null, 2);
}

async function createToken(db: Db, args: string[]) {
  const { values } = parseArgs({
    args,
    options: { workspace: { type: "string" }, email: { type: "string" }, name: { type: "string" } },
  });
  if (!values.workspace || !values.email) throw new AppError("VALIDATION", `--workspace and --email are required\n${USAGE}`);
  const workspace = await getWorkspaceBySlug(db, values.workspace);
  const user = await db.user.findUnique({ where: { email: values.email.trim().toLowerCase() } });
  if (!user) throw new AppError("NOT_FOUND", `No user ${values.email}`);
  const created = await issueApiToken(db, { workspaceId: workspace.id, userId: user.id, name: values.name ?? "admin command" });
  return created.token;
}

async function main(argv: string[]): Promise<string> {
  const [noun, verb, ...rest] = argv;
  if (noun === "workspace" && verb === "show" && rest[0]) {
    return withDatabase((db) => showWorkspace(db, rest[0]!));
  }
  if (noun === "token" && verb === "create") return withDatabase((db) => createToken(db, rest));
  throw new AppError("BAD_REQUEST", USAGE);
}

async function withDatabase(run: (db: Db) => Promise<string>): Promise<string> {
  const handle = await prepareDatabase();
  try {
    return await run(handle.db);
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (output) => console.log(output),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
