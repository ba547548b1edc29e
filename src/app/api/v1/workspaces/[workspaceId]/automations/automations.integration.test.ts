import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { ruleRequestBody as ruleBody, seedAutomationWorkspace, seedRule } from "@/server/automations/test-fixtures";
import { GET as listRoute, POST as createRoute } from "./route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "./[ruleId]/route";
import { POST as reorderRoute } from "./reorder/route";

const db = useTestDatabase();

const base = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/automations`;

describe("/api/v1/workspaces/:workspaceId/automations", () => {
  it("lets an owner create, read, change and delete a rule in the seed API's REST shape", async () => {
    const ws = await seedAutomationWorkspace(db());
    const params = { workspaceId: ws.workspace.id };
    const created = await callRoute(createRoute, "POST", base(ws.workspace.id), { token: ws.owner.token, params, body: ruleBody(ws) });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(String),
      name: "Urgent from Acme",
      event: "ticket_created",
      is_active: true,
      priority: 1,
      stop_on_match: false,
      conditions: [
        { type: "from_email", operator: "domain", value: "acme.com" },
        { type: "subject_contains", operator: "contains", value: "Urgent" },
        { type: "contact_list", operator: "not_in", list_id: ws.list.id },
      ],
      actions: ruleBody(ws).actions,
      match_count: 0,
      last_matched_at: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const ruleParams = { ...params, ruleId: created.json.id as string };

    const asMember = await callRoute(getRoute, "GET", "/", { token: ws.member.token, params: ruleParams });
    expect(asMember).toMatchObject({ status: 200, json: created.json });
    const second = await callRoute(createRoute, "POST", "/", { token: ws.owner.token, params, body: { ...ruleBody(ws), name: "Second" } });
    expect(second.json.priority).toBe(2);
    const listed = await callRoute(listRoute, "GET", "/", { token: ws.member.token, params });
    expect(listed.json.map((r: { name: string }) => r.name)).toEqual(["Urgent from Acme", "Second"]);

    const patched = await callRoute(patchRoute, "PATCH", "/", {
      token: ws.owner.token,
      params: ruleParams,
      body: { name: "Renamed", is_active: false, stop_on_match: true, conditions: [{ type: "body_contains", value: "refund" }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      name: "Renamed",
      is_active: false,
      stop_on_match: true,
      conditions: [{ type: "body_contains", operator: "contains", value: "refund" }],
      actions: ruleBody(ws).actions,
    });

    const deleted = await callRoute(deleteRoute, "DELETE", "/", { token: ws.owner.token, params: ruleParams });
    expect(deleted).toMatchObject({ status: 200, json: { id: ruleParams.ruleId, deleted: true } });
    expect((await callRoute(getRoute, "GET", "/", { token: ws.owner.token, params: ruleParams })).status).toBe(404);
    expect((await callRoute(deleteRoute, "DELETE", "/", { token: ws.owner.token, params: ruleParams })).status).toBe(404);
  });

  it("answers 422 naming the field for an unknown type, a missing tag_id, or a tag, list or user of another workspace", async () => {
    const a = await seedAutomationWorkspace(db());
    const b = await seedAutomationWorkspace(db());
    const post = (body: unknown) => callRoute(createRoute, "POST", "/", { token: a.owner.token, params: { workspaceId: a.workspace.id }, body });
    const fieldsOf = async (body: unknown) => {
      const res = await post(body);
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe("VALIDATION");
      return Object.keys(res.json.error.details.fields as object);
    };
    const good = ruleBody(a);
    expect(await fieldsOf({ ...good, conditions: [{ type: "sender_is_vip", value: "x" }] })).toEqual(["conditions.0.type"]);
    expect(await fieldsOf({ ...good, actions: [{ type: "add_tag" }] })).toEqual(["actions.0.tag_id"]);
    expect(await fieldsOf({ ...good, actions: [{ type: "add_tag", tag_id: b.tag.id }] })).toEqual(["actions.0.tag_id"]);
    expect(await fieldsOf({ ...good, conditions: [{ type: "contact_list", list_id: b.list.id }] })).toEqual(["conditions.0.list_id"]);
    expect(await fieldsOf({ ...good, actions: [good.actions[2], { type: "assign_agent", user_id: b.member.user.id }] })).toEqual(["actions.1.user_id"]);
    expect(await db().automationRule.count({ where: { workspaceId: a.workspace.id } })).toBe(0);

    const rule = await seedRule(db(), a.workspace.id, { actions: [{ type: "add_tag", tag_id: a.tag.id }] });
    const patch = await callRoute(patchRoute, "PATCH", "/", {
      token: a.owner.token,
      params: { workspaceId: a.workspace.id, ruleId: rule.id },
      body: { actions: [{ type: "add_tag", tag_id: b.tag.id }] },
    });
    expect(patch.status).toBe(422);
    expect(patch.json.error.details.fields).toEqual({ "actions.0.tag_id": expect.any(String) });
    expect((await post("{nope")).status).toBe(400);
  });

  it("reorders: the listed rules first in the given order, then the others as they were", async () => {
    const ws = await seedAutomationWorkspace(db());
    const action = [{ type: "add_tag" as const, tag_id: ws.tag.id }];
    const one = await seedRule(db(), ws.workspace.id, { name: "one", actions: action });
    await seedRule(db(), ws.workspace.id, { name: "two", actions: action });
    const three = await seedRule(db(), ws.workspace.id, { name: "three", actions: action });
    const res = await callRoute(reorderRoute, "POST", "/", {
      token: ws.owner.token,
      params: { workspaceId: ws.workspace.id },
      body: { ids: [three.id, one.id] },
    });
    expect(res.status).toBe(200);
    expect(res.json.map((r: { name: string; priority: number }) => [r.name, r.priority])).toEqual([
      ["three", 1],
      ["one", 2],
      ["two", 3],
    ]);
    const invalid = await callRoute(reorderRoute, "POST", "/", { token: ws.owner.token, params: { workspaceId: ws.workspace.id }, body: { ids: [] } });
    expect(invalid.status).toBe(422);
  });
});
