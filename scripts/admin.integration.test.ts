import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { callerFromApiToken } from "@/server/auth/api-tokens";
import { openDatabase } from "@/server/db";
import { databaseConfigFromUrl } from "@/server/db/config";
import { withDatabase } from "@/test/global-setup";

const run = promisify(execFile);
let databaseUrl: string;
let cleanup: () => Promise<void>;

// The admin command against an empty database of its own: it must migrate and seed it first.
beforeAll(async () => {
  const template = inject("dbTemplate");
  if (template.kind === "postgres") {
    const name = `threadline_admin_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: template.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    databaseUrl = withDatabase(template.url, name);
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadline-admin-"));
    databaseUrl = `file:${path.join(dir, "pglite")}`;
    cleanup = () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true }));
  }
});
afterAll(() => cleanup());

const admin = (...args: string[]) =>
  run(path.resolve("node_modules/.bin/tsx"), ["scripts/admin.ts", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });

describe("npm run admin", () => {
  it("shows the demo workspace of a fresh database as JSON with its mailboxes and secrets", async () => {
    const { stdout } = await admin("workspace", "show", "demo");
    const shown = JSON.parse(stdout) as { id: string; name: string; settings: object; mailboxes: { address: string; purpose: string; secret: string }[] };
    expect(shown).toMatchObject({ name: "Demo Support", settings: { unmatchedInbound: "create", closedTicketReply: "reopen" } });
    expect(shown.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(shown.mailboxes.map((m) => [m.address, m.purpose])).toEqual([
      ["support@demo.test", "ticket"],
      ["team@demo.test", "inbox"],
    ]);
    expect(shown.mailboxes.every((m) => m.secret.startsWith("whsec_"))).toBe(true);
  }, 60_000);

  it("creates an API token, printing only the token, that authenticates as that user in that workspace", async () => {
    const { stdout } = await admin("token", "create", "--workspace", "demo", "--email", "owner@demo.test");
    const token = stdout.trim();
    expect(stdout).toBe(`${token}\n`);
    expect(token).toMatch(/^tl_[A-Za-z0-9_-]{43}$/);

    const handle = openDatabase(databaseConfigFromUrl(databaseUrl));
    try {
      const caller = await callerFromApiToken(handle.db, token);
      const owner = await handle.db.user.findUniqueOrThrow({ where: { email: "owner@demo.test" } });
      const demo = await handle.db.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
      expect(caller).toMatchObject({ userId: owner.id, workspaceId: demo.id });
    } finally {
      await handle.close();
    }
  }, 60_000);

  it("fails plainly for an unknown workspace or user", async () => {
    await expect(admin("workspace", "show", "nope")).rejects.toMatchObject({ code: 1, stderr: "Workspace not found\n" });
    await expect(admin("token", "create", "--workspace", "demo", "--email", "ghost@demo.test")).rejects.toMatchObject({
      code: 1,
      stderr: "No user ghost@demo.test\n",
    });
  }, 60_000);
});
