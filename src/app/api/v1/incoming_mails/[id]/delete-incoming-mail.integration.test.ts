import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { deleteMailHttp, listMailsHttp, seedDiscardedMail } from "@/test/incoming-mails";

const db = useTestDatabase();

describe("DELETE /api/v1/incoming_mails/:id", () => {
  it("answers 201, removes what only the log held, and 404s unknown or foreign mails", async () => {
    const ws = await seedInboundWorkspace(db());
    const other = await seedInboundWorkspace(db());
    const mail = await seedDiscardedMail(db(), ws, { attachments: [{ filename: "a.txt", url: "http://127.0.0.1:9/a.txt" }] });
    const foreign = await seedDiscardedMail(db(), other);
    await db().notification.create({
      data: { workspaceId: ws.workspace.id, userId: ws.member.user.id, type: "discarded_unmatched", title: "t", incomingMailId: mail.id },
    });

    expect((await deleteMailHttp(ws.member.token, foreign.id)).status).toBe(404);
    expect(await db().incomingMail.count({ where: { id: foreign.id } })).toBe(1);

    const deleted = await deleteMailHttp(ws.member.token, mail.id);
    expect(deleted).toMatchObject({ status: 201, json: { message: "Incoming mail deleted" } });
    expect(await db().incomingMail.count({ where: { id: mail.id } })).toBe(0);
    expect(await db().attachment.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
    expect(await db().notification.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);

    const again = await deleteMailHttp(ws.member.token, mail.id);
    expect(again).toMatchObject({ status: 404, json: { error: { code: "NOT_FOUND", message: "Incoming mail not found" } } });
    expect((await deleteMailHttp(ws.member.token, "nope")).status).toBe(404);
  });

  it("keeps the ticket and attachments of a mail that became a ticket", async () => {
    const ws = await seedInboundWorkspace(db());
    const messageId = newMessageId();
    const created = await postRpc({
      organizationId: ws.workspace.id,
      from: "jane@acme.com",
      to: ws.ticketMailbox.address,
      text: "x",
      messageId,
      attachments: [{ filename: "a.txt", url: "http://127.0.0.1:9/a.txt" }],
    });
    const [mail] = (await listMailsHttp(ws.member.token)).json;
    expect((await deleteMailHttp(ws.member.token, mail.id)).status).toBe(201);
    expect(await db().message.count({ where: { ticketId: created.json.ticketId } })).toBe(1);
    expect(await db().attachment.count({ where: { ticketId: created.json.ticketId } })).toBe(1);
  });
});
