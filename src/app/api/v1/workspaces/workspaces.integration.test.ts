import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { callRoute } from "@/test/http";
import { GET as listWorkspaces } from "./route";
import { GET as getWorkspace, PATCH as patchWorkspace } from "./[workspaceId]/route";
import { GET as unknownRoute } from "../[...path]/route";

const db = useTestDatabase();

describe("GET /api/v1/workspaces", () => {
  it("lists only the token's workspace", async () => {
    const a = await seedWorkspace(db());
    await seedWorkspace(db());
    const res = await callRoute(listWorkspaces, "GET", "/api/v1/workspaces", { token: a.member.token });
    expect(res.status).toBe(200);
    expect(res.json).toEqual([
      expect.objectContaining({
        id: a.workspace.id,
        slug: a.workspace.slug,
        role: "member",
        settings: {
          unmatchedInbound: "create",
          closedTicketReply: "reopen",
          requireInboundSecret: false,
          satisfactionSurveys: false,
          undoSendSeconds: 0,
          pendingAutoCloseDays: null,
        },
      }),
    ]);
  });

  it("answers 401 with the JSON error shape without credentials or with a bad token", async () => {
    for (const token of [undefined, "tl_not-a-real-token"]) {
      const res = await callRoute(listWorkspaces, "GET", "/api/v1/workspaces", { token });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });
    }
  });
});

describe("GET|PATCH /api/v1/workspaces/:workspaceId", () => {
  it("shows the workspace to its members and 404s for everyone else", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const own = await callRoute(getWorkspace, "GET", `/api/v1/workspaces/${a.workspace.id}`, {
      token: a.member.token,
      params: { workspaceId: a.workspace.id },
    });
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ id: a.workspace.id, name: a.workspace.name, role: "member" });

    for (const workspaceId of [b.workspace.id, "00000000-0000-4000-8000-000000000000", "nope"]) {
      const other = await callRoute(getWorkspace, "GET", `/api/v1/workspaces/${workspaceId}`, { token: a.member.token, params: { workspaceId } });
      expect(other.status).toBe(404);
      expect(other.json.error.code).toBe("NOT_FOUND");
    }
  });

  it("requires x-workspace-id, when sent, to match the path", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    const matching = await callRoute(getWorkspace, "GET", "/", { token: a.owner.token, params, headers: { "x-workspace-id": a.workspace.id } });
    expect(matching.status).toBe(200);
    const mismatch = await callRoute(getWorkspace, "GET", "/", { token: a.owner.token, params, headers: { "x-workspace-id": b.workspace.id } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.error.details.fields).toHaveProperty("x-workspace-id");
  });

  it("lets owners change name and settings, refuses members with 403 and changes nothing", async () => {
    const a = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    const body = { name: "Renamed", settings: { unmatchedInbound: "discard", closedTicketReply: "hold", requireInboundSecret: true } };

    const asMember = await callRoute(patchWorkspace, "PATCH", "/", { token: a.member.token, params, body });
    expect(asMember.status).toBe(403);
    expect(asMember.json.error.code).toBe("FORBIDDEN");
    expect((await db().workspace.findUniqueOrThrow({ where: { id: a.workspace.id } })).name).toBe(a.workspace.name);

    const asOwner = await callRoute(patchWorkspace, "PATCH", "/", { token: a.owner.token, params, body });
    expect(asOwner.status).toBe(200);
    expect(asOwner.json).toMatchObject({ name: "Renamed", settings: body.settings });
    const stored = await db().workspace.findUniqueOrThrow({ where: { id: a.workspace.id } });
    expect(stored).toMatchObject({ name: "Renamed", unmatchedInbound: "discard", closedTicketReply: "hold", requireInboundSecret: true });
  });

  it("answers 422 naming the bad fields, and 400 for a body that is not JSON", async () => {
    const a = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    const invalid = await callRoute(patchWorkspace, "PATCH", "/", {
      token: a.owner.token,
      params,
      body: { name: "", settings: { unmatchedInbound: "explode" } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys(invalid.json.error.details.fields)).toEqual(expect.arrayContaining(["name", "settings.unmatchedInbound"]));

    const notJson = await callRoute(patchWorkspace, "PATCH", "/", { token: a.owner.token, params, body: "{oops" });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe("BAD_REQUEST");
  });
});

describe("unknown /api/v1 routes", () => {
  it("answer a JSON 404", async () => {
    const res = await callRoute(unknownRoute, "GET", "/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: "NOT_FOUND", message: "No such API route" } });
  });
});
