import { describe, expect, it, vi } from "vitest";
import PostalMime from "postal-mime";
import { useTestDatabase } from "@/test/database";
import { useTestSmtpServer } from "@/test/smtp";
import { newMessageId, postRpc } from "@/test/inbound";
import { runPendingJobs } from "@/server/jobs/jobs";
import { appJobHandlers } from "@/server/jobs/registry";
import type { CreateRuleInput } from "./automations.schema";
import { addToList, seedAutomationWorkspace, seedRule } from "./test-fixtures";

const db = useTestDatabase();

type Seeded = Awaited<ReturnType<typeof seedAutomationWorkspace>>;

async function receive(ws: Seeded, email: Record<string, unknown>) {
  const res = await postRpc({ organizationId: ws.workspace.id, to: ws.ticketMailbox.address, text: "Hello", messageId: newMessageId(), ...email });
  await runPendingJobs(db(), appJobHandlers());
  return db().ticket.findUniqueOrThrow({ where: { id: (res.json as { ticketId: string }).ticketId }, include: { tags: true } });
}

const appliedEntry = async (ticketId: string) =>
  (await db().activityEvent.findFirst({ where: { ticketId, type: "automation_applied" } }))?.data as { actions: Record<string, unknown>[] } | undefined;

describe("actions and conditions against real mail", () => {
  it("matches contact lists and HTML bodies, runs only the event's active rules in order, and stops on match", async () => {
    const ws = await seedAutomationWorkspace(db());
    await addToList(db(), ws.workspace.id, ws.list.id, "vip@globex.io");
    const tag = (name: string) => db().tag.create({ data: { workspaceId: ws.workspace.id, name } });
    const [vip, cancel, never, late] = await Promise.all([tag("vip"), tag("cancel"), tag("never"), tag("late")]);
    const ruleFor = (name: string, tagId: string, extra: Partial<CreateRuleInput>) =>
      seedRule(db(), ws.workspace.id, { name, ...extra, actions: [{ type: "add_tag", tag_id: tagId }] });
    await ruleFor("vip", vip.id, { priority: 1, conditions: [{ type: "contact_list", operator: "in", list_id: ws.list.id }] });
    await ruleFor("cancel", cancel.id, {
      priority: 2,
      stop_on_match: true,
      conditions: [{ type: "body_contains", operator: "contains", value: "cancel my order" }],
    });
    await ruleFor("after stop", late.id, { priority: 3 });
    await ruleFor("inactive", never.id, { priority: 0, is_active: false });
    await ruleFor("conversations only", never.id, { priority: 0, event: "conversation_created" });

    const ticket = await receive(ws, { from: "VIP@globex.io", subject: "Help", text: undefined, html: "<p>Please <b>cancel</b>\nmy order</p>" });
    expect(ticket.tags.map((t) => t.tagId).sort()).toEqual([vip.id, cancel.id].sort());

    const other = await receive(ws, { from: "someone@globex.io", subject: "Help", text: "Nothing to see" });
    expect(other.tags.map((t) => t.tagId)).toEqual([late.id]);
    const counts = await db().automationRule.findMany({
      where: { workspaceId: ws.workspace.id },
      orderBy: { name: "asc" },
      select: { name: true, matchCount: true },
    });
    expect(counts).toEqual([
      { name: "after stop", matchCount: 1 },
      { name: "cancel", matchCount: 1 },
      { name: "conversations only", matchCount: 0 },
      { name: "inactive", matchCount: 0 },
      { name: "vip", matchCount: 1 },
    ]);
  });

  it("skips an agent who left the workspace and a deleted tag silently, and still runs the rest", async () => {
    const ws = await seedAutomationWorkspace(db());
    await seedRule(db(), ws.workspace.id, {
      actions: [
        { type: "assign_agent", user_id: ws.member.user.id },
        { type: "add_tag", tag_id: ws.tag.id },
        { type: "send_response", body: "Thanks" },
      ],
    });
    await db().membership.deleteMany({ where: { workspaceId: ws.workspace.id, userId: ws.member.user.id } });
    await db().tag.delete({ where: { id: ws.tag.id } });
    const ticket = await receive(ws, { from: "a@b.test", subject: "Hi" });
    expect(ticket.assigneeId).toBeNull();
    expect(ticket.tags).toEqual([]);
    expect((await appliedEntry(ticket.id))?.actions).toEqual([
      { type: "assign_agent", status: "skipped", reason: "not_a_member", userId: ws.member.user.id },
      { type: "add_tag", status: "skipped", reason: "tag_not_found", tagId: ws.tag.id },
      expect.objectContaining({ type: "send_response", status: "applied" }),
    ]);
  });

  it("keeps going when one action fails, and records the failure", async () => {
    const ws = await seedAutomationWorkspace(db());
    await seedRule(db(), ws.workspace.id, {
      actions: [
        { type: "add_tag", tag_id: ws.tag.id },
        { type: "assign_agent", user_id: ws.member.user.id },
      ],
    });
    // A database error in the tag action (the actions share the rule's transaction): it is undone
    // at its savepoint, and the assignment after it still commits.
    await db().$executeRawUnsafe(`CREATE FUNCTION refuse_tag() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_tag BEFORE INSERT ON "TicketTag" FOR EACH ROW EXECUTE FUNCTION refuse_tag()`);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const ticket = await receive(ws, { from: "a@b.test", subject: "Hi" }).finally(async () => {
      await db().$executeRawUnsafe(`DROP TRIGGER refuse_tag ON "TicketTag"`);
      await db().$executeRawUnsafe(`DROP FUNCTION refuse_tag`);
    });
    errors.mockRestore();
    expect(ticket.assigneeId).toBe(ws.member.user.id);
    expect((await appliedEntry(ticket.id))?.actions).toEqual([
      { type: "add_tag", status: "failed", reason: expect.stringContaining("disk full") },
      { type: "assign_agent", status: "applied", userId: ws.member.user.id },
    ]);
  });

  it("answers nobody on the suppression list, and escapes the sender's values in an HTML response", async () => {
    const ws = await seedAutomationWorkspace(db());
    await seedRule(db(), ws.workspace.id, { actions: [{ type: "send_response", body: "<p>Hi {{contact.name}}, about <i>{{ticket.subject}}</i></p>" }] });
    await db().suppressedAddress.create({ data: { workspaceId: ws.workspace.id, email: "bounced@b.test", reason: "permanent_fail" } });
    const suppressed = await receive(ws, { from: "bounced@b.test", subject: "Hi" });
    expect((await appliedEntry(suppressed.id))?.actions).toEqual([{ type: "send_response", status: "skipped", reason: "suppressed", to: "bounced@b.test" }]);

    await receive(ws, { from: '"Eve <b>Evil</b>" <eve@b.test>', subject: "<script>x</script>" });
    const sent = await db().outboundEmail.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, kind: "automated_response" } });
    expect(sent.bodyHtml).toBe("<p>Hi Eve &lt;b&gt;Evil&lt;/b&gt;, about <i>&lt;script&gt;x&lt;/script&gt;</i></p>");
    expect(sent.bodyText).toBe("Hi Eve <b>Evil</b>, about <script>x</script>");
  });

  it("answers from the workspace's default sendable mailbox when the ticket's mailbox cannot send", async () => {
    const ws = await seedAutomationWorkspace(db());
    await db().mailbox.update({ where: { id: ws.inboxMailbox.id }, data: { sendable: false } });
    await seedRule(db(), ws.workspace.id, { event: "conversation_created", actions: [{ type: "send_response", body: "Hi" }] });
    await postRpc({ organizationId: ws.workspace.id, from: "a@b.test", to: ws.inboxMailbox.address, subject: "x", text: "y" });
    await runPendingJobs(db(), appJobHandlers());
    const sent = await db().outboundEmail.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, kind: "automated_response" } });
    expect(sent.fromAddress).toBe(ws.ticketMailbox.address);
  });
});

describe("with SMTP_URL", () => {
  const received = useTestSmtpServer();

  it("sends the automated response with its Message-ID and threading headers and marks it sent", async () => {
    const ws = await seedAutomationWorkspace(db());
    await seedRule(db(), ws.workspace.id, { actions: [{ type: "send_response", body: "Hi {{contact.email}}" }] });
    const messageId = newMessageId();
    await receive(ws, { from: "jane@acme.com", subject: "Hello", messageId });
    const outbound = await db().outboundEmail.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, kind: "automated_response" } });
    expect(outbound.status).toBe("sent");
    const parsed = await Promise.all(received.map(({ raw }) => PostalMime.parse(raw)));
    expect(parsed.find((mail) => mail.messageId === `<${outbound.messageIdHeader}>`)).toMatchObject({
      inReplyTo: messageId,
      references: messageId,
      subject: "[#1] Hello",
      text: expect.stringContaining("Hi jane@acme.com"),
    });
  });
});
