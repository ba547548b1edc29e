import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { trpcAs } from "@/test/guards";

const db = useTestDatabase();

describe("removing a contact list member", () => {
  it("removes a member from a contact list and keeps the contact", async () => {
    const ws = await seedWorkspace(db());
    const owner = trpcAs(db(), ws.owner.user.id);
    const workspaceSlug = ws.workspace.slug;
    const list = await owner.contactList.create({ workspaceSlug, name: "VIP" });
    const added = await owner.contactList.addMember({ workspaceSlug, listId: list.id, email: "vip@example.com" });
    expect(await owner.contactList.removeMember({ workspaceSlug, listId: list.id, contactId: added.id })).toEqual({
      listId: list.id,
      contactId: added.id,
      removed: true,
    });
    expect(await owner.contactList.members({ workspaceSlug, listId: list.id })).toEqual({ members: [], total: 0 });
    expect(await db().contact.count({ where: { id: added.id } })).toBe(1);
    await expect(owner.contactList.removeMember({ workspaceSlug, listId: list.id, contactId: added.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const other = await seedWorkspace(db());
    const otherList = await trpcAs(db(), other.owner.user.id).contactList.create({ workspaceSlug: other.workspace.slug, name: "VIP" });
    await owner.contactList.addMember({ workspaceSlug, listId: list.id, email: "vip@example.com" });
    await expect(
      trpcAs(db(), other.owner.user.id).contactList.removeMember({ workspaceSlug: other.workspace.slug, listId: list.id, contactId: added.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.contactList.removeMember({ workspaceSlug, listId: otherList.id, contactId: added.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await owner.contactList.members({ workspaceSlug, listId: list.id })).total).toBe(1);
  });
});
