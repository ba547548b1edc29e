// Several machines share attachments through the S3-compatible store: an email ingested by app
// instance A downloads through instance B, each with a local folder of its own that stays empty.
// Runs in CI's PostgreSQL pass only: two processes cannot share the in-process PGlite. It uses a
// database of its own on the suite's server, so it needs no PostgreSQL binaries here.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "@/server/db/config";
import { startAppInstance, type AppInstance } from "@/test/app-instances";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedInboundWorkspace } from "@/test/inbound";
import { startS3Server, type S3Server } from "@/test/s3-server";

const invoice = Buffer.from("%PDF-1.4 invoice for March\n");
// More than one 5 MiB part, so the upload is a multipart one; every byte position differs mod 251.
const scan = Buffer.from(Array.from({ length: 6 * 1024 * 1024 + 3 }, (_, i) => i % 251));

function rawEmail(to: string): string {
  const part = (filename: string, contentType: string, bytes: Buffer) => [
    "--b",
    `Content-Type: ${contentType}; name="${filename}"`,
    `Content-Disposition: attachment; filename="${filename}"`,
    "Content-Transfer-Encoding: base64",
    "",
    ...(bytes.toString("base64").match(/.{1,76}/g) ?? []),
  ];
  return [
    "From: Li Wei <li@initech.com>",
    `To: ${to}`,
    "Subject: Invoice and scan",
    `Message-ID: <${randomUUID()}@initech.com>`,
    'Content-Type: multipart/mixed; boundary="b"',
    "",
    "--b",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Both files attached.",
    ...part("invoice.pdf", "application/pdf", invoice),
    ...part("scan.bin", "application/octet-stream", scan),
    "--b--",
    "",
  ].join("\r\n");
}

const filesUnder = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }) : []);

describe.runIf(databaseConfig().kind === "postgres")("attachments on several machines (S3-compatible store)", () => {
  let database: TestDatabase;
  let s3: S3Server;
  let bucket: string;
  let listBucket: () => Promise<string[]>;
  const localDirs = [0, 1].map(() => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "threadline-instance-")), "attachments"));
  const instances: AppInstance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    s3 = await startS3Server();
    bucket = `threadline-${randomUUID()}`;
    const { env, store } = await s3.createBucket(bucket);
    listBucket = async () => ((await store.client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!);
    for (const dir of localDirs) instances.push(await startAppInstance({ databaseUrl: database.url!, env: { ...env, ATTACHMENTS_DIR: dir } }));
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await s3?.stop();
    await database?.close();
    for (const dir of localDirs) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it("stores an email's attachments through instance A and serves their exact bytes through instance B", async () => {
    const [a, b] = instances as [AppInstance, AppInstance];
    const ws = await seedInboundWorkspace(database.db);
    const posted = await fetch(`${a.url}/api/inbound/mime`, {
      method: "POST",
      headers: { "content-type": "message/rfc822", "x-inbound-secret": ws.ticketMailbox.inboundSecret },
      body: rawEmail(ws.ticketMailbox.address),
    });
    expect(posted.status, a.output()).toBe(200);
    const { ticketId } = (await posted.json()) as { ticketId: string };

    const attachments = await database.db.attachment.findMany({ where: { ticketId }, orderBy: { filename: "asc" } });
    expect(attachments.map((row) => [row.filename, row.status, row.size])).toEqual([
      ["invoice.pdf", "stored", invoice.length],
      ["scan.bin", "stored", scan.length],
    ]);
    expect((await listBucket()).sort()).toEqual(attachments.map((row) => row.storageKey).sort());

    for (const [row, expected] of [
      [attachments[0]!, invoice],
      [attachments[1]!, scan],
    ] as const) {
      const downloaded = await fetch(`${b.url}/api/v1/workspaces/${ws.workspace.id}/attachments/${row.id}`, {
        headers: { authorization: `Bearer ${ws.owner.token}` },
      });
      expect(downloaded.status, b.output()).toBe(200);
      expect(downloaded.headers.get("content-type")).toBe(row.contentType);
      expect(Buffer.from(await downloaded.arrayBuffer()).equals(expected)).toBe(true);
    }
    // Nothing came from, or went to, either machine's own disk.
    expect(localDirs.map(filesUnder)).toEqual([[], []]);
  });

  it("answers 404 through B for a stored attachment whose object is not in the bucket", async () => {
    const [, b] = instances as [AppInstance, AppInstance];
    const ws = await seedInboundWorkspace(database.db);
    const row = await database.db.attachment.create({
      data: {
        workspaceId: ws.workspace.id,
        filename: "gone.pdf",
        contentType: "application/pdf",
        size: 1,
        status: "stored",
        storageKey: `${ws.workspace.id}/2025/01/gone.pdf`,
      },
    });
    const answer = await fetch(`${b.url}/api/v1/workspaces/${ws.workspace.id}/attachments/${row.id}`, {
      headers: { authorization: `Bearer ${ws.owner.token}` },
    });
    expect(answer.status, b.output()).toBe(404);
  });
});
