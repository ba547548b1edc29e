import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { addToList, rowCounts, ruleRequestBody as ruleBody, seedAutomationWorkspace } from "@/server/automations/test-fixtures";
import { POST as createRoute } from "../../route";
import { POST as testRoute } from "./route";

const db = useTestDatabase();

describe("POST /automations/:ruleId/test (dry run)", () => {
  it("answers {matched, trace} with the sender's real lists and an HTML body stripped, and persists nothing", async () => {
    const ws = await seedAutomationWorkspace(db());
    await addToList(db(), ws.workspace.id, ws.list.id, "listed@acme.com");
    const created = await callRoute(createRoute, "POST", "/", {
      token: ws.owner.token,
      params: { workspaceId: ws.workspace.id },
      body: { ...ruleBody(ws), is_active: false, conditions: [...ruleBody(ws).conditions, { type: "body_contains", value: "order 42" }] },
    });
    const params = { workspaceId: ws.workspace.id, ruleId: created.json.id as string };
    const before = await rowCounts(db(), ws.workspace.id);

    const hit = await callRoute(testRoute, "POST", "/", {
      token: ws.owner.token,
      params,
      body: { from_email: "Jane <Jane@ACME.com>", subject: "URGENT please", body: "<p>about <b>order</b> 42</p>" },
    });
    expect(hit.status).toBe(200);
    expect(hit.json).toEqual({
      matched: true,
      trace: [
        { type: "from_email", operator: "domain", value: "acme.com", result: true },
        { type: "subject_contains", operator: "contains", value: "Urgent", result: true },
        { type: "contact_list", operator: "not_in", value: ws.list.id, result: true },
        { type: "body_contains", operator: "contains", value: "order 42", result: true },
      ],
    });
    const miss = await callRoute(testRoute, "POST", "/", { token: ws.member.token, params, body: { from_email: "listed@acme.com", subject: "Urgent" } });
    expect(miss.json).toMatchObject({ matched: false, trace: [{ result: true }, { result: true }, { result: false }, { result: false }] });

    expect(await rowCounts(db(), ws.workspace.id)).toEqual(before);
    const bad = await callRoute(testRoute, "POST", "/", { token: ws.owner.token, params, body: { from_email: "not an address" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.fields).toHaveProperty("from_email");
  });
});
