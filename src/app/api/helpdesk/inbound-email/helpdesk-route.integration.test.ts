import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import PostalMime from "postal-mime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appConfig } from "@/env";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { newMessageId, postHelpdesk, seedInboundWorkspace } from "@/test/inbound";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";
import { attachmentStore } from "@/server/attachments/attachment-store";

const db = useTestDatabase();

describe("POST /api/helpdesk/inbound-email", () => {
  it("refuses a missing or wrong secret with 401, in every place a secret may be sent", async () => {
    const ws = await seedInboundWorkspace(db());
    const body = { from: "a@b.com", message_id: newMessageId(), text: "x" };
    expect((await postHelpdesk(body)).status).toBe(401);
    expect((await postHelpdesk(body, { secret: "whsec_wrong" })).status).toBe(401);
    expect((await postHelpdesk(body, { secret: `${ws.ticketMailbox.inboundSecret}x` })).status).toBe(401);
    const res = await postHelpdesk(body, { secret: "whsec_wrong" });
    expect(res.json).toEqual({ error: { code: "UNAUTHORIZED", message: "Invalid inbound secret" } });

    for (const options of [{ header: "x-inbound-secret" }, { header: "x-mobieus-inbound-secret" }, { query: true }]) {
      const ok = await postHelpdesk({ ...body, message_id: newMessageId() }, { secret: ws.ticketMailbox.inboundSecret, ...options });
      expect(ok.status).toBe(200);
    }
    expect(await db().incomingMail.count({ where: { workspaceId: ws.workspace.id } })).toBe(3);
  });

  it("answers 422 without from or message_id, and stores nothing", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const noFrom = await postHelpdesk({ message_id: newMessageId() }, { secret });
    expect(noFrom.status).toBe(422);
    expect(noFrom.json.error.details.fields).toEqual({ from: "Required" });
    const noId = await postHelpdesk({ from: "a@b.com" }, { secret });
    expect(noId.status).toBe(422);
    expect(noId.json.error.details.fields).toEqual({ message_id: "Required" });
    expect(await db().incomingMail.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
  });

  it("routes into the secret's mailbox, with from_name and envelope.from as fallbacks", async () => {
    const ws = await seedInboundWorkspace(db());
    const res = await postHelpdesk(
      { envelope: { from: "li@initech.com" }, from_name: "Li Wei", subject: "Export", text: "CSV please", message_id: "abc@initech.com" },
      { secret: ws.inboxMailbox.inboundSecret },
    );
    expect(res.status).toBe(200);
    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: res.json.ticketId }, include: { contact: true, messages: true } });
    expect(ticket).toMatchObject({ kind: "conversation", mailboxId: ws.inboxMailbox.id, contact: { email: "li@initech.com", name: "Li Wei" } });
    expect(ticket.messages[0]).toMatchObject({ messageIdHeader: "abc@initech.com", toAddresses: [ws.inboxMailbox.address] });
  });

  it("detects real auto-replies from their raw headers and stores them without confirming", async () => {
    const ws = await seedInboundWorkspace(db());
    for (const file of ["exchange-ooo-rfc3834-02.eml", "icloud-vacation-rfc3834-03.eml", "mimecast-autoresponse-rfc3834-06.eml"]) {
      const parsed = await PostalMime.parse(fs.readFileSync(`src/test/fixtures/email/${file}`));
      const headers: Record<string, string[]> = {};
      for (const { key, value } of parsed.headers) (headers[key] ??= []).push(value);
      const res = await postHelpdesk(
        { from: parsed.from?.address, subject: parsed.subject, text: parsed.text ?? "", message_id: parsed.messageId ?? newMessageId(), headers },
        { secret: ws.ticketMailbox.inboundSecret },
      );
      expect(res.status).toBe(200);
      const message = await db().message.findUniqueOrThrow({ where: { id: res.json.messageId } });
      expect(message.isAutoReply, file).toBe(true);
      const log = await db().incomingMail.findFirstOrThrow({ where: { messageId: message.id } });
      expect((log.analysis as { autoReply: { reasons: string[] } }).autoReply.reasons.length, file).toBeGreaterThan(0);
    }
    await runPendingJobs(db(), jobHandlers());
    expect(await db().outboundEmail.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
  });
});

describe("inbound attachments", () => {
  const server = http.createServer((req, res) => {
    if (req.url === "/invoice.pdf") {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end("%PDF-1.4 fake invoice");
    } else {
      res.writeHead(404).end();
    }
  });
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("downloads attachment URLs after the commit, and records a failed one without failing the email", async () => {
    const ws = await seedInboundWorkspace(db());
    const res = await postHelpdesk(
      {
        from: "a@b.com",
        message_id: newMessageId(),
        text: "two files",
        attachments: [
          { filename: "invoice.pdf", contentType: "application/pdf", size: 21, url: `${base}/invoice.pdf` },
          { filename: "gone.txt", contentType: "text/plain", url: `${base}/gone.txt` },
        ],
      },
      { secret: ws.ticketMailbox.inboundSecret },
    );
    expect(res.status).toBe(200);
    const pending = await db().attachment.findMany({ where: { messageId: res.json.messageId }, orderBy: { filename: "asc" } });
    expect(pending.map((a) => [a.filename, a.status, a.ticketId])).toEqual([
      ["gone.txt", "pending", res.json.ticketId],
      ["invoice.pdf", "pending", res.json.ticketId],
    ]);

    await runPendingJobs(db(), jobHandlers());
    const [gone, invoice] = await db().attachment.findMany({ where: { messageId: res.json.messageId }, orderBy: { filename: "asc" } });
    expect(invoice).toMatchObject({ status: "stored", size: 21, contentType: "application/pdf" });
    expect((await attachmentStore().get(invoice!.storageKey!)).toString()).toBe("%PDF-1.4 fake invoice");
    expect(gone).toMatchObject({ status: "failed", storageKey: null });
    expect(gone!.error).toMatch(/^http_status/);
  });

  it.runIf(hasConcurrentConnections)(
    "stores an attachment once when two runs of its job download it at the same time (PostgreSQL: needs several connections)",
    async () => {
      const ws = await seedInboundWorkspace(db());
      const attachments = [{ filename: "invoice.pdf", contentType: "application/pdf", url: `${base}/invoice.pdf` }];
      const res = await postHelpdesk({ from: "a@b.com", message_id: newMessageId(), text: "a file", attachments }, { secret: ws.ticketMailbox.inboundSecret });
      expect(res.status).toBe(200);
      const job = await db().job.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, type: "attachment.download" } });
      // A worker that lost its lease and the one that claimed the job since.
      const download = jobHandlers()["attachment.download"];
      await Promise.all([download(db(), job), download(db(), job)]);

      const [invoice, ...others] = await db().attachment.findMany({ where: { messageId: res.json.messageId } });
      expect(others).toEqual([]);
      expect(invoice).toMatchObject({ status: "stored", size: 21 });
      // The run that lost removed the bytes it stored: only the recorded key is left.
      const { ATTACHMENTS_DIR } = appConfig();
      const files = fs.readdirSync(path.join(ATTACHMENTS_DIR, ws.workspace.id), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      expect(files.map((file) => path.relative(ATTACHMENTS_DIR, path.join(file.parentPath, file.name)))).toEqual([invoice!.storageKey]);
    },
  );
});
