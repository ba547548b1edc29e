import { describe, expect, it } from "vitest";
import { ownerAccess } from "@/test/access";
import { useTestDatabase } from "@/test/database";
import { deleteContactList } from "@/server/contact-lists/contact-lists.service";
import { AppError } from "@/server/errors";
import { createRule } from "./automations.service";
import { rulesReferencingContactList } from "./rule-references";
import { seedAutomationWorkspace, seedRule } from "./test-fixtures";

const db = useTestDatabase();

describe("rulesReferencingContactList", () => {
  it("names the workspace's rules whose conditions use the list, in run order, and no others", async () => {
    const ws = await seedAutomationWorkspace(db());
    const other = await seedAutomationWorkspace(db());
    const unused = await db().contactList.create({ data: { workspaceId: ws.workspace.id, name: "Unused" } });
    const actions = [{ type: "add_tag" as const, tag_id: ws.tag.id }];
    const inList = { type: "contact_list" as const, operator: "in" as const, list_id: ws.list.id };
    const second = await seedRule(db(), ws.workspace.id, {
      name: "Not VIP",
      priority: 5,
      actions,
      conditions: [
        { type: "subject_contains", operator: "contains", value: "x" },
        { ...inList, operator: "not_in" },
      ],
    });
    const first = await seedRule(db(), ws.workspace.id, { name: "VIP", priority: 1, actions, conditions: [inList] });
    await seedRule(db(), ws.workspace.id, {
      name: "Mentions the id in text",
      actions,
      conditions: [{ type: "subject_contains", operator: "contains", value: ws.list.id }],
    });
    await seedRule(db(), other.workspace.id, { actions: [{ type: "add_tag", tag_id: other.tag.id }], conditions: [{ ...inList, list_id: other.list.id }] });

    expect(await rulesReferencingContactList(db(), ws.workspace.id, ws.list.id)).toEqual([
      { id: first.id, name: "VIP" },
      { id: second.id, name: "Not VIP" },
    ]);
    expect(await rulesReferencingContactList(db(), ws.workspace.id, unused.id)).toEqual([]);
    expect(await rulesReferencingContactList(db(), other.workspace.id, ws.list.id)).toEqual([]);
  });

  it("makes deleting a referenced contact list a 409 naming the rules", async () => {
    const ws = await seedAutomationWorkspace(db());
    const rule = await seedRule(db(), ws.workspace.id, {
      name: "VIP",
      actions: [{ type: "add_tag", tag_id: ws.tag.id }],
      conditions: [{ type: "contact_list", operator: "in", list_id: ws.list.id }],
    });
    const refused = await deleteContactList(db(), await ownerAccess(db(), ws.workspace.id), ws.list.id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "CONFLICT", details: { rules: [{ id: rule.id, name: "VIP" }] } });
    expect(await db().contactList.count({ where: { id: ws.list.id } })).toBe(1);
  });

  it("cannot miss a rule saved while the list is being deleted (the rule waits on the list row, then is refused)", async () => {
    const ws = await seedAutomationWorkspace(db());
    const owner = await ownerAccess(db(), ws.workspace.id);
    let saving: Promise<unknown> | undefined;
    await db().$transaction(async (tx) => {
      // What a race-free delete does: lock the list row, check the rules, delete.
      await tx.$queryRaw`SELECT "id" FROM "ContactList" WHERE "id" = ${ws.list.id}::uuid FOR UPDATE`;
      expect(await rulesReferencingContactList(tx, ws.workspace.id, ws.list.id)).toEqual([]);
      saving = createRule(db(), owner, {
        name: "Late",
        event: "ticket_created",
        is_active: true,
        stop_on_match: false,
        conditions: [{ type: "contact_list", operator: "in", list_id: ws.list.id }],
        actions: [{ type: "add_tag", tag_id: ws.tag.id }],
      }).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.contactList.delete({ where: { id: ws.list.id } });
    });
    expect(await saving).toMatchObject({ code: "VALIDATION", details: { fields: { "conditions.0.list_id": expect.any(String) } } });
    expect(await db().automationRule.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
  });
});
