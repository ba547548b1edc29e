import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { trpcAs } from "@/test/guards";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { deleteMailHttp, postJanesFirstEmail, replyMailHttp, seedDiscardedMail, seedHeldReply } from "@/test/incoming-mails";
import { useTestSmtpServer } from "@/test/smtp";
import { seedRule } from "@/server/automations/test-fixtures";
import type { Db } from "@/server/db";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";
import { mentionToken } from "./mentions";

const db = useTestDatabase();
type Ws = Awaited<ReturnType<typeof seedInboundWorkspace>>;

const run = () => runPendingJobs(db(), jobHandlers({ automations: true }));
const mine = (userId: string) => db().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

/** A ticket from jane@acme.com through the inbound route, with the Message-ID a reply can answer. */
async function inboundTicket(ws: Ws) {
  const created = await postJanesFirstEmail(ws);
  await run();
  return created;
}

const customerReply = (ws: Ws, inReplyTo: string, text = "Any news?") =>
  postRpc({
    organizationId: ws.workspace.id,
    from: "jane@acme.com",
    to: ws.ticketMailbox.address,
    subject: "Re: Broken",
    text,
    messageId: newMessageId(),
    inReplyTo,
  });

async function assign(db: Db, ws: Ws, ticketId: string, byUserId: string, assigneeId: string) {
  await trpcAs(db, byUserId).ticket.update({ workspaceSlug: ws.workspace.slug, ticketId, assigneeId });
}

describe("agent notifications", () => {
  it("tells an agent of an assignment by someone else, never of their own", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId } = await inboundTicket(ws);
    await assign(db(), ws, ticketId, ws.owner.user.id, ws.member.user.id);
    await run();
    expect(await mine(ws.member.user.id)).toMatchObject([
      { type: "assigned", ticketId, title: `Owner of ${ws.workspace.slug} assigned you #1`, body: "Broken" },
    ]);

    await assign(db(), ws, ticketId, ws.owner.user.id, ws.owner.user.id);
    await run();
    expect(await mine(ws.owner.user.id)).toEqual([]);
  });

  it("tells the agent a rule assigns a new ticket to", async () => {
    const ws = await seedInboundWorkspace(db());
    await seedRule(db(), ws.workspace.id, { actions: [{ type: "assign_agent", user_id: ws.member.user.id }] });
    const { ticketId } = await inboundTicket(ws);
    await run();
    expect(await mine(ws.member.user.id)).toMatchObject([{ type: "assigned", ticketId, title: "A rule assigned you #1" }]);
  });

  it("tells the assignee of a customer's reply from the inbound route, not of an auto-reply", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId, messageId } = await inboundTicket(ws);
    // Unassigned: nobody to tell.
    await customerReply(ws, messageId, "First");
    await run();
    expect(await db().notification.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);

    await db().ticket.update({ where: { id: ticketId }, data: { assigneeId: ws.member.user.id } });
    await customerReply(ws, messageId, "Still broken, please call me");
    await postRpc({
      organizationId: ws.workspace.id,
      from: "jane@acme.com",
      to: ws.ticketMailbox.address,
      subject: "Out of office",
      text: "Away",
      messageId: newMessageId(),
      inReplyTo: messageId,
      headers: { "Auto-Submitted": "auto-replied" },
    });
    await run();
    await run();
    expect(await mine(ws.member.user.id)).toMatchObject([
      { type: "customer_replied", ticketId, title: "jane@acme.com replied on #1", body: "Still broken, please call me" },
    ]);
    expect(await mine(ws.owner.user.id)).toEqual([]);
  });

  it("tells the members a note mentions, as the note shows their names", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId } = await inboundTicket(ws);
    const outsider = await seedInboundWorkspace(db());
    const body = `${mentionToken(ws.member.user.id)} can you look? ${mentionToken(outsider.member.user.id)} ${mentionToken(ws.owner.user.id)}`;
    await trpcAs(db(), ws.owner.user.id).ticket.addMessage({ workspaceSlug: ws.workspace.slug, ticketId, body, isInternal: true, sendEmail: false });
    await run();
    const [mention] = await mine(ws.member.user.id);
    expect(mention).toMatchObject({ type: "mentioned", ticketId, title: `Owner of ${ws.workspace.slug} mentioned you on #1` });
    expect(mention!.body).toBe(`@${ws.member.user.name} can you look? @unknown @Owner of ${ws.workspace.slug}`);
    // Not the author, not someone outside the workspace.
    expect(await mine(ws.owner.user.id)).toEqual([]);
    expect(await mine(outsider.member.user.id)).toEqual([]);
  });

  it("tells nobody who turned a type off in the app", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId } = await inboundTicket(ws);
    const member = trpcAs(db(), ws.member.user.id);
    const prefs = await member.notification.setPreference({ workspaceSlug: ws.workspace.slug, topic: "assigned", inApp: false, email: false });
    expect(prefs.find((p) => p.topic === "assigned")).toEqual({ topic: "assigned", inApp: false, email: false });
    expect(prefs.find((p) => p.topic === "mentioned")).toEqual({ topic: "mentioned", inApp: true, email: true });
    await member.notification.setPreference({ workspaceSlug: ws.workspace.slug, topic: "incoming_mail", inApp: false, email: true });
    await assign(db(), ws, ticketId, ws.owner.user.id, ws.member.user.id);
    await seedDiscardedMail(db(), ws);
    await run();
    expect(await mine(ws.member.user.id)).toEqual([]);
    expect((await mine(ws.owner.user.id)).map((n) => n.type)).toEqual(["discarded_unmatched"]);
    // The owner's choices are the owner's own.
    expect((await trpcAs(db(), ws.owner.user.id).notification.preferences({ workspaceSlug: ws.workspace.slug })).every((p) => p.inApp && p.email)).toBe(true);
  });

  it("clears notifications when what they point to is dealt with", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId } = await inboundTicket(ws);
    await assign(db(), ws, ticketId, ws.owner.user.id, ws.member.user.id);
    const { mail: held } = await seedHeldReply(db(), ws);
    const discarded = await seedDiscardedMail(db(), ws);
    await run();
    const member = trpcAs(db(), ws.member.user.id);
    const slug = ws.workspace.slug;
    expect((await member.notification.list({ workspaceSlug: slug })).unreadCount).toBe(3);

    // Releasing the held reply clears it for everyone; deleting the discarded one removes it.
    expect((await replyMailHttp(ws.member.token, held.id)).status).toBe(201);
    expect((await deleteMailHttp(ws.owner.token, discarded.id)).status).toBe(201);
    expect((await member.notification.list({ workspaceSlug: slug })).unreadCount).toBe(1);
    expect((await trpcAs(db(), ws.owner.user.id).notification.list({ workspaceSlug: slug })).unreadCount).toBe(0);

    // Opening the ticket clears the assignment.
    await member.ticket.markRead({ workspaceSlug: slug, ticketId });
    expect((await member.notification.list({ workspaceSlug: slug })).unreadCount).toBe(0);

    // Mark all read.
    await seedDiscardedMail(db(), ws);
    await run();
    expect((await member.notification.list({ workspaceSlug: slug })).unreadCount).toBe(1);
    expect(await member.notification.markAllRead({ workspaceSlug: slug })).toEqual({ marked: 1 });
    expect((await member.notification.list({ workspaceSlug: slug })).unreadCount).toBe(0);
  });
});

describe("unread tickets", () => {
  it("marks a ticket unread for an agent who opened it when the customer writes again, until they open it", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId, messageId } = await inboundTicket(ws);
    const slug = ws.workspace.slug;
    const member = trpcAs(db(), ws.member.user.id);
    const unread = async (caller = member) => (await caller.ticket.list({ workspaceSlug: slug })).tickets.find((t) => t.id === ticketId)!.unread;

    expect(await member.ticket.markRead({ workspaceSlug: slug, ticketId })).toEqual({ unreadTickets: 0 });
    expect(await unread()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await customerReply(ws, messageId);
    expect(await unread()).toBe(true);
    expect(await member.ticket.unreadCount({ workspaceSlug: slug })).toBe(1);
    // The owner never opened it: new to them, not unread.
    expect(await unread(trpcAs(db(), ws.owner.user.id))).toBe(false);

    expect(await member.ticket.markRead({ workspaceSlug: slug, ticketId })).toEqual({ unreadTickets: 0 });
    expect(await unread()).toBe(false);
    // An agent's own reply does not make it unread.
    await member.ticket.addMessage({ workspaceSlug: slug, ticketId, body: "On it", isInternal: false, sendEmail: true });
    expect(await unread()).toBe(false);
  });

  it("answers NOT_FOUND for another workspace's ticket", async () => {
    const ws = await seedInboundWorkspace(db());
    const other = await seedInboundWorkspace(db());
    const { ticketId } = await inboundTicket(other);
    await expect(trpcAs(db(), ws.member.user.id).ticket.markRead({ workspaceSlug: ws.workspace.slug, ticketId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("notifications by email, with SMTP_URL", () => {
  const received = useTestSmtpServer();

  it("emails an assignment and a mention once, unless the agent turned email off", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId } = await inboundTicket(ws);
    await assign(db(), ws, ticketId, ws.owner.user.id, ws.member.user.id);
    await run();
    await run();
    const emails = await db().outboundEmail.findMany({ where: { workspaceId: ws.workspace.id, kind: "notification" } });
    expect(emails).toMatchObject([{ toAddress: ws.member.user.email, subject: `Owner of ${ws.workspace.slug} assigned you #1`, status: "sent" }]);
    expect(received.filter((email) => email.envelopeTo.includes(ws.member.user.email))).toHaveLength(1);

    await trpcAs(db(), ws.member.user.id).notification.setPreference({ workspaceSlug: ws.workspace.slug, topic: "mentioned", inApp: true, email: false });
    await trpcAs(db(), ws.owner.user.id).ticket.addMessage({
      workspaceSlug: ws.workspace.slug,
      ticketId,
      body: `${mentionToken(ws.member.user.id)} see this`,
      isInternal: true,
      sendEmail: false,
    });
    await run();
    expect(await db().outboundEmail.count({ where: { workspaceId: ws.workspace.id, kind: "notification" } })).toBe(1);
    expect((await mine(ws.member.user.id)).map((n) => n.type)).toEqual(["assigned", "mentioned"]);
  });
});
