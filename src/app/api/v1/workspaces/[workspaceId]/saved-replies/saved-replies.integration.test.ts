import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedMember, seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard, trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { seedTicket } from "@/test/tickets";
import { DELETE as deleteReply, PATCH as patchReply } from "./[savedReplyId]/route";
import { GET as listReplies, POST as createReply } from "./route";

const db = useTestDatabase();

describe("GET|POST /api/v1/workspaces/:workspaceId/saved-replies", () => {
  it("lists the shared replies and the caller's own by name, rendered for a ticket when asked", async () => {
    const a = await seedWorkspace(db(), { name: "Acme Support" });
    const colleague = await seedMember(db(), a.workspace.id, "member");
    const params = { workspaceId: a.workspace.id };
    const shared = await callRoute(createReply, "POST", "/", {
      token: a.owner.token,
      params,
      body: { name: "Invoice", body: "Hi {{contact.name}}, about #{{ticket.number}} ({{ticket.subject}}): {{workspace.name}} {{unknown}}", shared: true },
    });
    expect(shared.status).toBe(201);
    expect(shared.json).toMatchObject({ name: "Invoice", shared: true });
    const own = await callRoute(createReply, "POST", "/", { token: a.member.token, params, body: { name: " apology ", body: "Sorry, {{contact.email}}" } });
    expect(own.json).toMatchObject({ name: "apology", shared: false });
    await callRoute(createReply, "POST", "/", { token: colleague.token, params, body: { name: "Colleague's", body: "Mine only" } });

    const list = await callRoute(listReplies, "GET", "/", { token: a.member.token, params });
    expect(list.status).toBe(200);
    expect(list.json).toEqual([own.json, shared.json]);

    const { ticket } = await seedTicket(db(), a.workspace.id, { subject: "Where is my invoice", from: "jo@example.com" });
    await db().contact.updateMany({ where: { workspaceId: a.workspace.id, email: "jo@example.com" }, data: { name: "Jo" } });
    const rendered = await callRoute(listReplies, "GET", `/?ticketId=${ticket.id}`, { token: a.member.token, params });
    expect(rendered.json.map((reply: { rendered: string }) => reply.rendered)).toEqual([
      "Sorry, jo@example.com",
      `Hi Jo, about #${ticket.ticketNumber} (Where is my invoice): Acme Support {{unknown}}`,
    ]);

    const b = await seedWorkspace(db());
    const theirTicket = (await seedTicket(db(), b.workspace.id)).ticket;
    expect((await callRoute(listReplies, "GET", `/?ticketId=${theirTicket.id}`, { token: a.member.token, params })).status).toBe(404);
    expect((await callRoute(listReplies, "GET", "/?ticketId=nope", { token: a.member.token, params })).status).toBe(422);
  });

  it("refuses a member a shared reply (403) and names bad fields (422)", async () => {
    const a = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    const shared = await callRoute(createReply, "POST", "/", { token: a.member.token, params, body: { name: "Team", body: "x", shared: true } });
    expect(shared.status).toBe(403);
    expect(shared.json.error.code).toBe("FORBIDDEN");
    const invalid = await callRoute(createReply, "POST", "/", { token: a.member.token, params, body: { name: " ", body: "" } });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.details.fields).sort()).toEqual(["body", "name"]);
    expect(await db().savedReply.count({ where: { workspaceId: a.workspace.id } })).toBe(0);
  });

  it("are guarded: 401 without a token, 404 for another workspace's token", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const params = { workspaceId: a.workspace.id };
    await expectWorkspaceGuard(listReplies, "GET", { params, outsiderToken: b.owner.token });
    await expectWorkspaceGuard(createReply, "POST", { params, outsiderToken: b.owner.token, body: { name: "x", body: "y" } });
  });
});

describe("PATCH|DELETE /api/v1/workspaces/:workspaceId/saved-replies/:savedReplyId", () => {
  it("lets members change their own replies and owners the shared ones", async () => {
    const a = await seedWorkspace(db());
    const ws = { workspaceId: a.workspace.id };
    const shared = await db().savedReply.create({ data: { workspaceId: a.workspace.id, name: "Team", body: "Hello" } });
    const own = await db().savedReply.create({ data: { workspaceId: a.workspace.id, ownerUserId: a.member.user.id, name: "Mine", body: "Hi" } });

    const renamed = await callRoute(patchReply, "PATCH", "/", { token: a.member.token, params: { ...ws, savedReplyId: own.id }, body: { name: "Mine 2" } });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ id: own.id, name: "Mine 2", body: "Hi", shared: false });

    const sharedParams = { ...ws, savedReplyId: shared.id };
    expect((await callRoute(patchReply, "PATCH", "/", { token: a.member.token, params: sharedParams, body: { body: "Changed" } })).status).toBe(403);
    expect((await callRoute(deleteReply, "DELETE", "/", { token: a.member.token, params: sharedParams })).status).toBe(403);
    const edited = await callRoute(patchReply, "PATCH", "/", { token: a.owner.token, params: sharedParams, body: { body: "Changed" } });
    expect(edited.json).toMatchObject({ body: "Changed", shared: true });
    expect((await callRoute(patchReply, "PATCH", "/", { token: a.owner.token, params: sharedParams, body: { name: "" } })).status).toBe(422);

    const removed = await callRoute(deleteReply, "DELETE", "/", { token: a.owner.token, params: sharedParams });
    expect(removed.json).toEqual({ id: shared.id, deleted: true });
    expect(await db().savedReply.count({ where: { id: shared.id } })).toBe(0);
  });

  it("answers 404 for another member's own reply, another workspace's, or a malformed id", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const members = await db().savedReply.create({ data: { workspaceId: a.workspace.id, ownerUserId: a.member.user.id, name: "Mine", body: "Hi" } });
    const theirs = await db().savedReply.create({ data: { workspaceId: b.workspace.id, name: "Theirs", body: "Hi" } });
    for (const savedReplyId of [members.id, theirs.id, "not-a-uuid"]) {
      const params = { workspaceId: a.workspace.id, savedReplyId };
      const patched = await callRoute(patchReply, "PATCH", "/", { token: a.owner.token, params, body: { name: "Taken" } });
      expect(patched.json, savedReplyId).toEqual({ error: { code: "NOT_FOUND", message: "Saved reply not found" } });
      expect((await callRoute(deleteReply, "DELETE", "/", { token: a.owner.token, params })).status).toBe(404);
    }
    expect(await db().savedReply.count({ where: { id: { in: [members.id, theirs.id] }, name: { not: "Taken" } } })).toBe(2);
  });
});

describe("tRPC savedReply router", () => {
  it("answers the same shapes as REST, with the same roles", async () => {
    const a = await seedWorkspace(db());
    const member = trpcAs(db(), a.member.user.id);
    const workspaceSlug = a.workspace.slug;
    const created = await member.savedReply.create({ workspaceSlug, name: "Thanks", body: "Thank you!" });
    const rest = await callRoute(listReplies, "GET", "/", { token: a.member.token, params: { workspaceId: a.workspace.id } });
    expect(await member.savedReply.list({ workspaceSlug })).toEqual(rest.json);
    await expect(member.savedReply.create({ workspaceSlug, name: "Team", body: "x", shared: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await member.savedReply.update({ workspaceSlug, savedReplyId: created.id, body: "Thanks a lot" })).toMatchObject({ body: "Thanks a lot" });
    expect(await member.savedReply.delete({ workspaceSlug, savedReplyId: created.id })).toEqual({ id: created.id, deleted: true });
  });
});
