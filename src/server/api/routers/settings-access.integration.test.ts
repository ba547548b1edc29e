import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { trpcAs } from "@/test/guards";
import { seedInboundWorkspace } from "@/test/inbound";

const db = useTestDatabase();

describe("the settings page's writes", () => {
  it("refuse members with 403 and change nothing", async () => {
    const ws = await seedInboundWorkspace(db());
    const workspaceSlug = ws.workspace.slug;
    const workspaceId = ws.workspace.id;
    const list = await db().contactList.create({ data: { workspaceId, name: "VIP" } });
    const contact = await db().contact.create({ data: { workspaceId, email: "vip@example.com" } });
    await db().contactListMember.create({ data: { listId: list.id, contactId: contact.id } });
    const customer = await db().customer.create({ data: { workspaceId, name: "Acme" } });
    const tag = await db().tag.create({ data: { workspaceId, name: "billing" } });
    const ownerToken = await db().apiToken.findFirstOrThrow({ where: { workspaceId, userId: ws.owner.user.id } });
    const member = trpcAs(db(), ws.member.user.id);

    const writes = {
      "mailbox.rotateSecret": () => member.mailbox.rotateSecret({ workspaceSlug, mailboxId: ws.ticketMailbox.id }),
      "workspace.update": () => member.workspace.update({ workspaceSlug, settings: { requireInboundSecret: true } }),
      "member.invite": () => member.member.invite({ workspaceSlug, email: "someone@example.test" }),
      "member.changeRole": () => member.member.changeRole({ workspaceSlug, userId: ws.member.user.id, role: "owner" }),
      "member.remove": () => member.member.remove({ workspaceSlug, userId: ws.owner.user.id }),
      "tag.delete": () => member.tag.delete({ workspaceSlug, tagId: tag.id }),
      "contactList.create": () => member.contactList.create({ workspaceSlug, name: "New" }),
      "contactList.addMember": () => member.contactList.addMember({ workspaceSlug, listId: list.id, email: "x@example.com" }),
      "contactList.removeMember": () => member.contactList.removeMember({ workspaceSlug, listId: list.id, contactId: contact.id }),
      "contactList.delete": () => member.contactList.delete({ workspaceSlug, listId: list.id }),
      "customer.create": () => member.customer.create({ workspaceSlug, name: "Initech" }),
      "customer.update": () => member.customer.update({ workspaceSlug, customerId: customer.id, domains: ["acme.com"] }),
      "apiToken.create": () => member.apiToken.create({ workspaceSlug, name: "mine" }),
      "apiToken.revoke": () => member.apiToken.revoke({ workspaceSlug, tokenId: ownerToken.id }),
    };
    for (const [name, write] of Object.entries(writes)) {
      await expect(write(), name).rejects.toMatchObject({ code: "FORBIDDEN" });
    }

    expect(await db().mailbox.findUniqueOrThrow({ where: { id: ws.ticketMailbox.id } })).toMatchObject({ inboundSecret: ws.ticketMailbox.inboundSecret });
    expect(await db().workspace.findUniqueOrThrow({ where: { id: workspaceId } })).toMatchObject({ requireInboundSecret: false });
    expect(await db().membership.findMany({ where: { workspaceId }, select: { userId: true, role: true }, orderBy: { role: "asc" } })).toEqual([
      { userId: ws.owner.user.id, role: "owner" },
      { userId: ws.member.user.id, role: "member" },
    ]);
    expect(await db().tag.count({ where: { workspaceId } })).toBe(1);
    expect(await db().contactList.count({ where: { workspaceId } })).toBe(1);
    expect(await db().contactListMember.count({ where: { listId: list.id } })).toBe(1);
    expect(await db().customerDomain.count({ where: { workspaceId } })).toBe(0);
    expect(await db().customer.count({ where: { workspaceId } })).toBe(1);
    expect(await db().apiToken.count({ where: { workspaceId, revokedAt: null } })).toBe(2);

    // What members may read there.
    await expect(member.mailbox.list({ workspaceSlug })).resolves.toEqual([
      expect.not.objectContaining({ secret: expect.anything() }),
      expect.not.objectContaining({ secret: expect.anything() }),
    ]);
    await expect(member.apiToken.list({ workspaceSlug })).resolves.toHaveLength(1);
    await expect(member.outboundEmail.smtpStatus({ workspaceSlug })).resolves.toEqual({ configured: false, host: null });
  });
});
