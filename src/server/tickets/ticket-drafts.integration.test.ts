// The composer's unsent content is kept per agent and ticket, on the server (any device), until
// it is sent or discarded.
import { describe, expect, it } from "vitest";
import { DELETE as deleteDraft, GET as getDraft, PUT as putDraft } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/draft/route";
import { accessFor } from "@/test/access";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { seedInboundWorkspace } from "@/test/inbound";
import { seedTicket } from "@/test/tickets";
import { addTicketMessage } from "./add-message";
import { discardTicketDraft, getTicketDraft, saveTicketDraft } from "./ticket-drafts";

describe("ticket drafts", () => {
  const db = useTestDatabase();

  it("keeps one draft per agent and ticket, cleared by sending or discarding", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticket } = await seedTicket(db(), ws.workspace.id);
    const member = await accessFor(db(), ws.workspace.id, ws.member.user.id);
    const owner = await accessFor(db(), ws.workspace.id, ws.owner.user.id);
    const file = await db().attachment.create({
      data: { workspaceId: ws.workspace.id, ticketId: ticket.id, filename: "a.txt", contentType: "text/plain", size: 1, storageKey: "k" },
    });

    await saveTicketDraft(db(), member, ticket.id, { mode: "reply", body: "Hel", toAddresses: ["jane@"], attachmentIds: [file.id] });
    const saved = await saveTicketDraft(db(), member, ticket.id, { mode: "note", body: "Hello team", attachmentIds: [file.id] });
    expect(saved).toMatchObject({ mode: "note", body: "Hello team", toAddresses: [], attachments: [{ id: file.id }] });
    expect(await getTicketDraft(db(), member, ticket.id)).toEqual(saved);
    expect(await getTicketDraft(db(), owner, ticket.id)).toBeNull();

    await discardTicketDraft(db(), member, ticket.id);
    expect(await getTicketDraft(db(), member, ticket.id)).toBeNull();

    await saveTicketDraft(db(), member, ticket.id, { mode: "reply", body: "Almost done" });
    await saveTicketDraft(db(), owner, ticket.id, { mode: "reply", body: "Owner's words", attachmentIds: [file.id] });
    await addTicketMessage(db(), member, ticket.id, { body: "Done", isInternal: false, sendEmail: true, attachmentIds: [file.id] });
    expect(await getTicketDraft(db(), member, ticket.id)).toBeNull();
    // The file went out with the member's reply: the owner's draft no longer offers it.
    expect(await getTicketDraft(db(), owner, ticket.id)).toMatchObject({ body: "Owner's words", attachments: [] });
  });

  it("serves GET, PUT and DELETE on REST, scoped to the caller's workspace", async () => {
    const ws = await seedInboundWorkspace(db());
    const other = await seedInboundWorkspace(db());
    const { ticket } = await seedTicket(db(), ws.workspace.id);
    const params = { workspaceId: ws.workspace.id, ticketId: ticket.id };
    const token = ws.member.token;

    expect((await callRoute(getDraft, "GET", "/", { token, params })).status).toBe(404);
    const put = await callRoute(putDraft, "PUT", "/", { token, params, body: { mode: "reply", body: "Draft text", ccAddresses: ["cc@example.com"] } });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ mode: "reply", body: "Draft text", ccAddresses: ["cc@example.com"] });
    expect((await callRoute(getDraft, "GET", "/", { token, params })).json).toMatchObject({ body: "Draft text" });
    expect((await callRoute(putDraft, "PUT", "/", { token, params, body: { mode: "email", body: "" } })).status).toBe(422);

    const foreign = { workspaceId: other.workspace.id, ticketId: ticket.id };
    expect((await callRoute(putDraft, "PUT", "/", { token: other.member.token, params: foreign, body: { mode: "reply", body: "x" } })).status).toBe(404);

    expect((await callRoute(deleteDraft, "DELETE", "/", { token, params })).status).toBe(204);
    expect((await callRoute(getDraft, "GET", "/", { token, params })).status).toBe(404);
  });
});
