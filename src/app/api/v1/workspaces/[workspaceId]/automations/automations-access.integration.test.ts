import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { ruleRequestBody as ruleBody, seedAutomationWorkspace, seedRule } from "@/server/automations/test-fixtures";
import { GET as listRoute, POST as createRoute } from "./route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "./[ruleId]/route";
import { POST as testRoute } from "./[ruleId]/test/route";
import { POST as reorderRoute } from "./reorder/route";

const db = useTestDatabase();

const base = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/automations`;

/** Every automation route, called as `token` on workspace `workspaceId` and rule `ruleId`. */
function everyRoute(workspaceId: string, ruleId: string, body: unknown) {
  const params = { workspaceId, ruleId };
  const url = `${base(workspaceId)}/${ruleId}`;
  return {
    list: (token: string) => callRoute(listRoute, "GET", base(workspaceId), { token, params: { workspaceId } }),
    create: (token: string) => callRoute(createRoute, "POST", base(workspaceId), { token, params: { workspaceId }, body }),
    get: (token: string) => callRoute(getRoute, "GET", url, { token, params }),
    patch: (token: string) => callRoute(patchRoute, "PATCH", url, { token, params, body: { name: "Changed" } }),
    delete: (token: string) => callRoute(deleteRoute, "DELETE", url, { token, params }),
    test: (token: string) => callRoute(testRoute, "POST", `${url}/test`, { token, params, body: { from_email: "a@acme.com", subject: "x" } }),
    reorder: (token: string) => callRoute(reorderRoute, "POST", `${base(workspaceId)}/reorder`, { token, params: { workspaceId }, body: { ids: [ruleId] } }),
  };
}

describe("who may call the automation routes", () => {
  it("refuses every write to a member with 403 and changes nothing; members can read and dry-run", async () => {
    const ws = await seedAutomationWorkspace(db());
    const rule = await seedRule(db(), ws.workspace.id, { actions: [{ type: "add_tag", tag_id: ws.tag.id }] });
    const routes = everyRoute(ws.workspace.id, rule.id, ruleBody(ws));
    for (const write of [routes.create, routes.patch, routes.delete, routes.reorder]) {
      const res = await write(ws.member.token);
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("FORBIDDEN");
    }
    expect(await db().automationRule.findMany({ where: { workspaceId: ws.workspace.id } })).toEqual([
      expect.objectContaining({ id: rule.id, name: rule.name, priority: rule.priority, updatedAt: new Date(rule.updated_at) }),
    ]);
    for (const read of [routes.list, routes.get, routes.test]) expect((await read(ws.member.token)).status).toBe(200);
    for (const call of Object.values(routes)) expect((await call("")).status).toBe(401);
  });

  it("answers 404 on every route to members of another workspace, and for another workspace's rule", async () => {
    const a = await seedAutomationWorkspace(db());
    const b = await seedAutomationWorkspace(db());
    const bRule = await seedRule(db(), b.workspace.id, { actions: [{ type: "add_tag", tag_id: b.tag.id }] });
    for (const call of Object.values(everyRoute(b.workspace.id, bRule.id, ruleBody(b)))) {
      const res = await call(a.owner.token);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("NOT_FOUND");
    }
    const inOwnWorkspace = everyRoute(a.workspace.id, bRule.id, ruleBody(a));
    for (const call of [inOwnWorkspace.get, inOwnWorkspace.patch, inOwnWorkspace.delete, inOwnWorkspace.test]) {
      expect((await call(a.owner.token)).status).toBe(404);
    }
    const notAUuid = everyRoute(a.workspace.id, "not-a-uuid", ruleBody(a));
    for (const call of [notAUuid.get, notAUuid.patch, notAUuid.delete, notAUuid.test]) expect((await call(a.owner.token)).status).toBe(404);
    const reorder = await inOwnWorkspace.reorder(a.owner.token);
    expect(reorder.status).toBe(422);
    expect(reorder.json.error.details.fields).toHaveProperty("ids.0");
    expect(await db().automationRule.findUniqueOrThrow({ where: { id: bRule.id } })).toMatchObject({ name: bRule.name });
  });
});
