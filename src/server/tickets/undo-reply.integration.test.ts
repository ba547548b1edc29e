// An emailed reply waits the workspace's undo window in the job queue: undone in it, nothing goes
// out and the reply returns as the agent's draft; a restart in it still sends it, exactly once.
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { POST as undoRoute } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/messages/[messageId]/undo/route";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";
import { updateWorkspace } from "@/server/workspaces/workspaces.service";
import { accessFor } from "@/test/access";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { seedInboundWorkspace } from "@/test/inbound";
import { useTestSmtpServer, type ReceivedEmail } from "@/test/smtp";
import { seedTicket } from "@/test/tickets";
import { addTicketMessage } from "./add-message";
import { getTicketDraft } from "./ticket-drafts";
import { getTicketDetail } from "./tickets.service";
import { undoReply } from "./undo-reply";

async function seedThread(db: Db, undoSendSeconds: number) {
  const ws = await seedInboundWorkspace(db);
  await db.workspace.update({ where: { id: ws.workspace.id }, data: { undoSendSeconds } });
  const { ticket } = await seedTicket(db, ws.workspace.id, { from: "jane@customer.example" });
  const member = await accessFor(db, ws.workspace.id, ws.member.user.id);
  const owner = await accessFor(db, ws.workspace.id, ws.owner.user.id);
  return { ws, ticket, member, owner };
}

async function deliveries(received: ReceivedEmail[], messageIdHeader: string) {
  const ids = await Promise.all(received.map(async (email) => (await PostalMime.parse(email.raw)).messageId));
  return ids.filter((id) => id === `<${messageIdHeader}>`).length;
}

const reply = { body: "Here is the fix.", isInternal: false, sendEmail: true, toAddresses: ["jane@customer.example"], ccAddresses: ["boss@customer.example"] };

describe("undo send", () => {
  const db = useTestDatabase();
  const received = useTestSmtpServer();

  it("holds a reply for the window; undone, no email goes out and the reply becomes the draft", async () => {
    const { ws, ticket, member } = await seedThread(db(), 10);
    const file = await db().attachment.create({
      data: { workspaceId: ws.workspace.id, ticketId: ticket.id, filename: "fix.txt", contentType: "text/plain", size: 3, storageKey: "k" },
    });
    const before = Date.now();
    const message = await addTicketMessage(db(), member, ticket.id, { ...reply, attachmentIds: [file.id] });
    const sendAt = new Date(message.scheduledSendAt!).getTime();
    expect(sendAt).toBeGreaterThanOrEqual(before + 10_000);
    expect(sendAt).toBeLessThan(Date.now() + 10_000 + 1);
    const job = await db().job.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, type: "email.send" } });
    expect(job.runAfter.getTime()).toBe(sendAt);
    expect(await runPendingJobs(db(), jobHandlers())).toBe(0);

    const draft = await undoReply(db(), member, ticket.id, message.id);
    expect(draft).toMatchObject({
      mode: "reply",
      body: "Here is the fix.",
      toAddresses: ["jane@customer.example"],
      ccAddresses: ["boss@customer.example"],
      attachments: [{ id: file.id, filename: "fix.txt" }],
    });
    expect(await getTicketDraft(db(), member, ticket.id)).toEqual(draft);
    expect(await db().job.count({ where: { workspaceId: ws.workspace.id, type: "email.send" } })).toBe(0);
    expect(await db().outboundEmail.count({ where: { ticketId: ticket.id } })).toBe(0);
    const detail = await getTicketDetail(db(), member, ticket.id);
    expect(detail.messages.map((m) => m.id)).not.toContain(message.id);
    expect(detail.activity.filter((event) => event.type === "replied")).toHaveLength(0);

    // Past the window nothing is sent.
    await db().job.updateMany({ where: { workspaceId: ws.workspace.id }, data: { runAfter: new Date(Date.now() - 1000) } });
    await runPendingJobs(db(), jobHandlers());
    expect(await deliveries(received, message.messageIdHeader!)).toBe(0);
  });

  it("answers 409 once a worker claimed the send job, and only the author can undo", async () => {
    const { ws, ticket, member, owner } = await seedThread(db(), 10);
    const message = await addTicketMessage(db(), member, ticket.id, reply);
    await expect(undoReply(db(), owner, ticket.id, message.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await db().job.updateMany({ where: { workspaceId: ws.workspace.id }, data: { attempts: 1, lockedUntil: new Date(Date.now() + 60_000) } });
    const claimed = await callRoute(undoRoute, "POST", "/", {
      token: ws.member.token,
      params: { workspaceId: ws.workspace.id, ticketId: ticket.id, messageId: message.id },
    });
    expect(claimed.status).toBe(409);
    expect(await db().message.count({ where: { id: message.id } })).toBe(1);
    expect(await db().outboundEmail.count({ where: { messageId: message.id } })).toBe(1);
  });

  it("sends a reply whose process died in the window exactly once after the restart", async () => {
    const { ws, ticket, member } = await seedThread(db(), 10);
    const message = await addTicketMessage(db(), member, ticket.id, reply);
    // The process dies now; it comes back after the window ended.
    await db().job.updateMany({ where: { workspaceId: ws.workspace.id }, data: { runAfter: new Date(Date.now() - 1000) } });
    expect(await runPendingJobs(db(), jobHandlers())).toBe(1);
    expect(await runPendingJobs(db(), jobHandlers())).toBe(0);
    expect(await deliveries(received, message.messageIdHeader!)).toBe(1);
    expect(await db().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ deliveryStatus: "sent" });
    const late = await undoReply(db(), member, ticket.id, message.id).catch((error: unknown) => error);
    expect(late).toBeInstanceOf(AppError);
    expect((late as AppError).code).toBe("CONFLICT");
  });

  it("sends at once with a window of 0, which owners set", async () => {
    const { ws, ticket, member, owner } = await seedThread(db(), 10);
    await expect(updateWorkspace(db(), member, { settings: { undoSendSeconds: 0 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await updateWorkspace(db(), owner, { settings: { undoSendSeconds: 0 } })).settings.undoSendSeconds).toBe(0);
    const message = await addTicketMessage(db(), await accessFor(db(), ws.workspace.id, member.user.id), ticket.id, reply);
    expect(message.scheduledSendAt).toBeNull();
    expect(await runPendingJobs(db(), jobHandlers())).toBe(1);
    expect(await deliveries(received, message.messageIdHeader!)).toBe(1);
  });

  it.runIf(hasConcurrentConnections)(
    "an undo racing the worker for a due job: either the undo wins and nothing is sent, or the email goes once (PostgreSQL)",
    async () => {
      for (let round = 0; round < 5; round++) {
        const { ws, ticket, member } = await seedThread(db(), 10);
        const message = await addTicketMessage(db(), member, ticket.id, reply);
        await db().job.updateMany({ where: { workspaceId: ws.workspace.id }, data: { runAfter: new Date(Date.now() - 1000) } });
        const [undone] = await Promise.allSettled([undoReply(db(), member, ticket.id, message.id), runPendingJobs(db(), jobHandlers())]);
        const sent = await deliveries(received, message.messageIdHeader!);
        if (undone.status === "fulfilled") expect(sent).toBe(0);
        else expect([(undone.reason as AppError).code, sent]).toEqual(["CONFLICT", 1]);
      }
    },
  );
});
