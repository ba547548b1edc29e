import { describe, expect, it } from "vitest";
import { ownerAccess } from "@/test/access";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { listRules } from "./automations.service";
import { orderRules } from "./evaluate-rules";
import { rulesReferencingContactList } from "./rule-references";

const db = useTestDatabase();

describe("the rule run order", () => {
  it("is the same in a query (the list, the rules naming a list) and in the engine, ties included", async () => {
    const { workspace } = await seedWorkspace(db());
    const workspaceId = workspace.id;
    const list = await db().contactList.create({ data: { workspaceId, name: "VIP" } });
    const sameTime = new Date("2026-01-01T00:00:00Z");
    const rule = (id: string, priority: number, createdAt: Date) => ({
      id,
      workspaceId,
      name: id,
      event: "ticket_created" as const,
      priority,
      createdAt,
      conditions: [{ type: "contact_list", operator: "in", list_id: list.id }],
      actions: [],
    });
    await db().automationRule.createMany({
      data: [
        rule("f0000000-0000-4000-8000-000000000000", 2, sameTime),
        rule("0a000000-0000-4000-8000-000000000000", 2, sameTime),
        rule("a0000000-0000-4000-8000-000000000000", 2, new Date("2025-06-01T00:00:00Z")),
        rule("0b000000-0000-4000-8000-000000000000", 1, new Date("2026-06-01T00:00:00Z")),
      ],
    });
    const expected = [
      "0b000000-0000-4000-8000-000000000000",
      "a0000000-0000-4000-8000-000000000000",
      "0a000000-0000-4000-8000-000000000000",
      "f0000000-0000-4000-8000-000000000000",
    ];
    const rows = await db().automationRule.findMany({ where: { workspaceId } });
    expect(orderRules(rows.map((row) => ({ ...row, conditions: [] }))).map((r) => r.id)).toEqual(expected);
    expect((await listRules(db(), await ownerAccess(db(), workspaceId))).map((r) => r.id)).toEqual(expected);
    expect((await rulesReferencingContactList(db(), workspaceId, list.id)).map((r) => r.id)).toEqual(expected);
  });
});
