import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { useTestDatabase } from "@/test/database";
import { seedAutomationWorkspace } from "@/server/automations/test-fixtures";

const db = useTestDatabase();
const sessionOf = (userId: string) => createCaller({ db: db(), caller: { kind: "session", userId } });

describe("tRPC automation procedures", () => {
  it("let an owner edit, reorder, dry-run and delete rules over the same services as REST", async () => {
    const ws = await seedAutomationWorkspace(db());
    const trpc = sessionOf(ws.owner.user.id);
    const workspaceSlug = ws.workspace.slug;
    const rule = await trpc.automation.create({
      workspaceSlug,
      name: "VIP",
      event: "ticket_created",
      conditions: [{ type: "contact_list", operator: "in", list_id: ws.list.id }],
      actions: [{ type: "add_tag", tag_id: ws.tag.id }],
    });
    expect(rule).toMatchObject({ name: "VIP", is_active: true, priority: 1, match_count: 0 });
    const other = await trpc.automation.create({
      workspaceSlug,
      name: "Other",
      event: "conversation_created",
      actions: [{ type: "send_response", body: "Hi" }],
    });

    const updated = await trpc.automation.update({ workspaceSlug, ruleId: rule.id, name: "VIP customers", stop_on_match: true });
    expect(updated).toMatchObject({ name: "VIP customers", stop_on_match: true, conditions: rule.conditions });
    expect((await trpc.automation.get({ workspaceSlug, ruleId: rule.id })).name).toBe("VIP customers");

    const reordered = await trpc.automation.reorder({ workspaceSlug, ids: [other.id, rule.id] });
    expect(reordered.map((r) => r.id)).toEqual([other.id, rule.id]);
    expect(await trpc.automation.test({ workspaceSlug, ruleId: rule.id, from_email: "x@y.z" })).toEqual({
      matched: false,
      trace: [{ type: "contact_list", operator: "in", value: ws.list.id, result: false }],
    });

    expect(await trpc.automation.delete({ workspaceSlug, ruleId: rule.id })).toEqual({ id: rule.id, deleted: true });
    expect((await trpc.automation.list({ workspaceSlug })).map((r) => r.id)).toEqual([other.id]);
  });

  it("forbid writes to members, hide other workspaces, and answer 422 with the fields", async () => {
    const a = await seedAutomationWorkspace(db());
    const b = await seedAutomationWorkspace(db());
    const owner = sessionOf(a.owner.user.id);
    const member = sessionOf(a.member.user.id);
    const workspaceSlug = a.workspace.slug;
    const rule = await owner.automation.create({ workspaceSlug, name: "R", event: "ticket_created", actions: [{ type: "add_tag", tag_id: a.tag.id }] });

    await expect(
      member.automation.create({ workspaceSlug, name: "R", event: "ticket_created", actions: [{ type: "send_response", body: "x" }] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(member.automation.update({ workspaceSlug, ruleId: rule.id, name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(member.automation.delete({ workspaceSlug, ruleId: rule.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(member.automation.reorder({ workspaceSlug, ids: [rule.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await member.automation.list({ workspaceSlug })).toHaveLength(1);

    await expect(owner.automation.list({ workspaceSlug: b.workspace.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sessionOf(b.owner.user.id).automation.get({ workspaceSlug: b.workspace.slug, ruleId: rule.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.automation.update({ workspaceSlug, ruleId: rule.id, actions: [{ type: "add_tag", tag_id: b.tag.id }] })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      cause: { details: { fields: { "actions.0.tag_id": expect.any(String) } } },
    });
  });
});
