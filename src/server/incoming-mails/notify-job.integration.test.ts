import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { useTestSmtpServer } from "@/test/smtp";
import { trpcAs } from "@/test/guards";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { convertMailHttp, listMailsHttp, seedDiscardedMail, seedHeldReply } from "@/test/incoming-mails";
import { enqueueJob, runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";

const db = useTestDatabase();

describe("telling the team about mail that needs a human", () => {
  it("notifies every member once about a held reply and a discarded mail, then marks them notified", async () => {
    const ws = await seedInboundWorkspace(db());
    const { mail: held } = await seedHeldReply(db(), ws);
    const discarded = await seedDiscardedMail(db(), ws);
    expect(await db().job.count({ where: { workspaceId: ws.workspace.id, type: "incoming_mail.notify" } })).toBe(2);
    expect((await listMailsHttp(ws.member.token)).json.every((m: { notified: boolean }) => !m.notified)).toBe(true);

    await runPendingJobs(db(), jobHandlers());
    const [latest, heldRow] = (await listMailsHttp(ws.member.token)).json;
    expect([latest.notified, heldRow.notified]).toEqual([true, true]);
    const notifications = await db().notification.findMany({ where: { workspaceId: ws.workspace.id }, orderBy: { title: "asc" } });
    expect(notifications).toHaveLength(4);
    expect(new Set(notifications.map((n) => n.userId))).toEqual(new Set([ws.owner.user.id, ws.member.user.id]));
    expect(notifications.find((n) => n.incomingMailId === held.id)).toMatchObject({
      type: "held_reply_to_closed_ticket",
      title: "Reply to closed ticket #1 held from jane@acme.com",
      ticketId: held.ticketId,
    });
    expect(notifications.find((n) => n.incomingMailId === discarded.id)).toMatchObject({
      type: "discarded_unmatched",
      title: "Email from bob@newco.com did not become a ticket",
    });
    // Without SMTP_URL nobody is emailed.
    expect(await db().outboundEmail.count({ where: { workspaceId: ws.workspace.id, kind: "notification" } })).toBe(0);

    // A second run of the job (at-least-once delivery) adds nothing.
    await db().incomingMail.update({ where: { id: held.id }, data: { notified: false } });
    await enqueueJob(db(), { workspaceId: ws.workspace.id, type: "incoming_mail.notify", payload: { incomingMailId: held.id } });
    await runPendingJobs(db(), jobHandlers());
    expect(await db().notification.count({ where: { workspaceId: ws.workspace.id } })).toBe(4);
    expect(await db().incomingMail.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ notified: true });
  });

  it("does not notify about mail that went into a ticket, or that an agent handled before the job ran", async () => {
    const ws = await seedInboundWorkspace(db());
    await postRpc({ organizationId: ws.workspace.id, from: "jane@acme.com", to: ws.ticketMailbox.address, text: "x", messageId: newMessageId() });
    expect(await db().job.count({ where: { workspaceId: ws.workspace.id, type: "incoming_mail.notify" } })).toBe(0);

    const mail = await seedDiscardedMail(db(), ws);
    const customer = await db().customer.create({ data: { workspaceId: ws.workspace.id, name: "NewCo" } });
    expect((await convertMailHttp(ws.member.token, mail.id, { customer_id: customer.id })).status).toBe(201);
    await runPendingJobs(db(), jobHandlers());
    expect(await db().notification.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
  });

  it("lists my notifications unread first through tRPC and marks them read", async () => {
    const ws = await seedInboundWorkspace(db());
    const other = await seedInboundWorkspace(db());
    await seedHeldReply(db(), ws);
    await seedDiscardedMail(db(), ws);
    await seedDiscardedMail(db(), other);
    await runPendingJobs(db(), jobHandlers());

    const member = trpcAs(db(), ws.member.user.id);
    const first = await member.notification.list({ workspaceSlug: ws.workspace.slug });
    expect(first.unreadCount).toBe(2);
    expect(first.notifications.map((n) => n.type)).toEqual(["discarded_unmatched", "held_reply_to_closed_ticket"]);

    const read = await member.notification.markRead({ workspaceSlug: ws.workspace.slug, notificationId: first.notifications[0]!.id });
    expect(read.readAt).toEqual(expect.any(String));
    const after = await member.notification.list({ workspaceSlug: ws.workspace.slug });
    expect(after.unreadCount).toBe(1);
    expect(after.notifications.map((n) => [n.type, n.readAt === null])).toEqual([
      ["held_reply_to_closed_ticket", true],
      ["discarded_unmatched", false],
    ]);
    // The owner's copy is still unread; another user's notification is not found.
    expect((await trpcAs(db(), ws.owner.user.id).notification.list({ workspaceSlug: ws.workspace.slug })).unreadCount).toBe(2);
    const ownerCopy = await db().notification.findFirstOrThrow({ where: { userId: ws.owner.user.id } });
    await expect(member.notification.markRead({ workspaceSlug: ws.workspace.slug, notificationId: ownerCopy.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(member.notification.list({ workspaceSlug: other.workspace.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("with SMTP_URL", () => {
  const received = useTestSmtpServer();

  it("also emails each member, once", async () => {
    const ws = await seedInboundWorkspace(db());
    const mail = await seedDiscardedMail(db(), ws);
    await runPendingJobs(db(), jobHandlers());
    const emails = await db().outboundEmail.findMany({ where: { workspaceId: ws.workspace.id, kind: "notification" } });
    expect(emails.map((e) => e.toAddress).sort()).toEqual([ws.member.user.email, ws.owner.user.email].sort());
    expect(emails.every((e) => e.status === "sent" && e.subject === "Email from bob@newco.com did not become a ticket")).toBe(true);
    expect(received.flatMap((email) => email.envelopeTo).sort()).toEqual([ws.member.user.email, ws.owner.user.email].sort());

    await db().incomingMail.update({ where: { id: mail.id }, data: { notified: false } });
    await enqueueJob(db(), { workspaceId: ws.workspace.id, type: "incoming_mail.notify", payload: { incomingMailId: mail.id } });
    await runPendingJobs(db(), jobHandlers());
    expect(await db().outboundEmail.count({ where: { workspaceId: ws.workspace.id, kind: "notification" } })).toBe(2);
    expect(received).toHaveLength(2);
  });
});
