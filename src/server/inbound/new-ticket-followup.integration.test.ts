import { describe, expect, it } from "vitest";
import PostalMime from "postal-mime";
import { useTestDatabase } from "@/test/database";
import { useTestSmtpServer } from "@/test/smtp";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";
import type { NewTicketEvent } from "@/server/tickets/new-ticket-event";

const db = useTestDatabase();

function recordingHooks() {
  const events: NewTicketEvent[] = [];
  const handlers = jobHandlers({ onNewTicket: [(_db, event) => Promise.resolve(void events.push(event))] });
  return { events, handlers };
}

describe("after-commit work of a new ticket", () => {
  it("runs the new-ticket hooks, then records the confirmation with the ticket reference, once", async () => {
    const ws = await seedInboundWorkspace(db());
    const messageId = newMessageId();
    const res = await postRpc({
      organizationId: ws.workspace.id,
      from: "Jane <jane@acme.com>",
      to: ws.inboxMailbox.address,
      subject: "Re: Refund",
      text: "hi",
      messageId,
      references: "<older@x>",
    });
    const job = await db().job.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    expect(job).toMatchObject({ status: "pending", type: "inbound.new_ticket" });
    expect(await db().outboundEmail.count()).toBe(0);

    const { events, handlers } = recordingHooks();
    // The new-ticket job, then the send job of the confirmation it recorded.
    expect(await runPendingJobs(db(), handlers)).toBe(2);
    expect(events).toEqual([
      {
        workspaceId: ws.workspace.id,
        ticketId: res.json.ticketId,
        messageId: res.json.messageId,
        event: "conversation_created",
        isAutoReply: false,
        isBulk: false,
      },
    ]);
    const confirmation = await db().outboundEmail.findFirstOrThrow({ where: { ticketId: res.json.ticketId } });
    expect(confirmation).toMatchObject({
      kind: "confirmation",
      toAddress: "jane@acme.com",
      fromAddress: ws.inboxMailbox.address,
      subject: "[#1] Refund",
      inReplyTo: messageId.slice(1, -1),
      references: ["older@x", messageId.slice(1, -1)],
      status: "recorded",
    });
    expect(confirmation.bodyText).toContain("#1");
    expect(confirmation.messageIdHeader).toMatch(/@/);
    expect(await db().activityEvent.count({ where: { ticketId: res.json.ticketId, type: "confirmation_sent" } })).toBe(1);
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("done");

    // Processing the job again (a worker that died before marking it done) sends nothing twice.
    await db().job.update({ where: { id: job.id }, data: { status: "pending" } });
    await runPendingJobs(db(), handlers);
    expect(await db().outboundEmail.count({ where: { ticketId: res.json.ticketId } })).toBe(1);
    expect(events).toHaveLength(2);
  });

  it("never confirms an auto-reply or bulk mail, but still runs the hooks", async () => {
    const ws = await seedInboundWorkspace(db());
    await postRpc({
      organizationId: ws.workspace.id,
      from: "boss@acme.com",
      to: ws.ticketMailbox.address,
      subject: "Automatic reply: Out of office",
      text: "I am away",
      messageId: newMessageId(),
    });
    await postRpc({
      organizationId: ws.workspace.id,
      from: "news@shop.test",
      to: ws.ticketMailbox.address,
      subject: "Deals",
      text: "Buy",
      headers: { "List-Unsubscribe": "<mailto:u@shop.test>" },
    });
    const { events, handlers } = recordingHooks();
    await runPendingJobs(db(), handlers);
    expect(events.map((e) => [e.isAutoReply, e.isBulk])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(await db().outboundEmail.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
    expect(await db().message.findFirst({ where: { workspaceId: ws.workspace.id, isAutoReply: true } })).not.toBeNull();
  });

  it("does not confirm to a suppressed address", async () => {
    const ws = await seedInboundWorkspace(db());
    await db().suppressedAddress.create({ data: { workspaceId: ws.workspace.id, email: "bounce@acme.com", reason: "permanent_fail" } });
    await postRpc({ organizationId: ws.workspace.id, from: "bounce@acme.com", to: ws.ticketMailbox.address, subject: "Hi", text: "x" });
    await runPendingJobs(db(), jobHandlers());
    expect(await db().outboundEmail.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
  });

  it("retries a failing job later and picks up a job whose worker died", async () => {
    const ws = await seedInboundWorkspace(db());
    await postRpc({ organizationId: ws.workspace.id, from: "a@b.com", to: ws.ticketMailbox.address, subject: "Hi", text: "x" });
    const failing = jobHandlers({ onNewTicket: [() => Promise.reject(new Error("automation store down"))] });
    await runPendingJobs(db(), failing);
    const retried = await db().job.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    expect(retried).toMatchObject({ status: "pending", attempts: 1, lastError: "automation store down" });
    expect(retried.runAfter.getTime()).toBeGreaterThan(Date.now());
    expect(await db().outboundEmail.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);

    // Claimed by a worker that then died: the lease runs out and another worker takes it.
    await db().job.update({ where: { id: retried.id }, data: { runAfter: new Date(0), lockedUntil: new Date(Date.now() + 60_000) } });
    expect(await runPendingJobs(db(), jobHandlers())).toBe(0);
    await db().job.update({ where: { id: retried.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    // That job, then the send job of the confirmation it recorded.
    expect(await runPendingJobs(db(), jobHandlers())).toBe(2);
    expect(await db().outboundEmail.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
  });
});

describe("with SMTP_URL", () => {
  const received = useTestSmtpServer();

  it("sends the confirmation with its Message-ID and threading headers and marks it sent", async () => {
    const ws = await seedInboundWorkspace(db());
    const messageId = newMessageId();
    await postRpc({ organizationId: ws.workspace.id, from: "jane@acme.com", to: ws.ticketMailbox.address, subject: "Hello", text: "x", messageId });
    await runPendingJobs(db(), jobHandlers());
    const outbound = await db().outboundEmail.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    expect(outbound.status).toBe("sent");
    expect(received).toHaveLength(1);
    expect(received[0]!.envelopeTo).toEqual(["jane@acme.com"]);
    const sent = await PostalMime.parse(received[0]!.raw);
    expect(sent).toMatchObject({ messageId: `<${outbound.messageIdHeader}>`, inReplyTo: messageId, references: messageId, subject: "[#1] Hello" });
  });
});
