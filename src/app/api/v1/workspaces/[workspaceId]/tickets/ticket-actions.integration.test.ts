import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { callRoute } from "@/test/http";
import { newMessageId, postRpc } from "@/test/inbound";
import { seedTicket } from "@/test/tickets";
import { attachmentStore } from "@/server/attachments/attachment-store";
import { GET as getTicket } from "./[ticketId]/route";
import { POST as addMessage } from "./[ticketId]/messages/route";
import { POST as upload } from "./[ticketId]/attachments/route";
import { POST as merge } from "./[ticketId]/merge/route";
import { POST as split } from "./[ticketId]/split/route";

const db = useTestDatabase();

function fileForm(name: string, type: string, content: BlobPart) {
  const form = new FormData();
  form.set("file", new File([content], name, { type }));
  return form;
}

describe("POST /tickets/:id/messages and attachments", () => {
  it("emails a reply to the contact, threaded under the last inbound message, with the [#n] token", async () => {
    const a = await seedWorkspace(db());
    const inboundId = newMessageId();
    const res = await postRpc({
      organizationId: a.workspace.id,
      from: "Jane <jane@acme.com>",
      to: "support@x.test",
      subject: "Broken",
      text: "It broke",
      messageId: inboundId,
      references: "<root@acme.com>",
    });
    const ticketId = res.json.ticketId as string;
    const params = { workspaceId: a.workspace.id, ticketId };

    const uploaded = await callRoute(upload, "POST", "/", { token: a.member.token, params, body: fileForm("steps.txt", "text/plain", "1. restart") });
    expect(uploaded.status).toBe(201);
    expect(uploaded.json).toMatchObject({ id: expect.any(String), filename: "steps.txt", contentType: "text/plain", size: 10, status: "stored" });

    const reply = await callRoute(addMessage, "POST", "/", {
      token: a.member.token,
      params,
      body: { body: "Try restarting.", sendEmail: true, ccAddresses: ["boss@acme.com"], attachmentIds: [uploaded.json.id] },
    });
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({
      direction: "outbound",
      isInternal: false,
      body: "Try restarting.",
      toAddresses: ["jane@acme.com"],
      inReplyTo: inboundId.slice(1, -1),
      deliveryStatus: "recorded",
    });
    expect(reply.json.attachments).toEqual([expect.objectContaining({ id: uploaded.json.id })]);

    const outbound = await db().outboundEmail.findFirstOrThrow({ where: { messageId: reply.json.id } });
    expect(outbound).toMatchObject({
      kind: "reply",
      toAddress: "jane@acme.com",
      ccAddresses: ["boss@acme.com"],
      subject: "Re: [#1] Broken",
      messageIdHeader: reply.json.messageIdHeader,
      inReplyTo: inboundId.slice(1, -1),
      references: ["root@acme.com", inboundId.slice(1, -1)],
    });
    // The customer's answer to our reply threads back into the ticket.
    const answer = await postRpc({
      organizationId: a.workspace.id,
      from: "jane@acme.com",
      to: "support@x.test",
      text: "Worked",
      inReplyTo: `<${outbound.messageIdHeader}>`,
    });
    expect(answer.json.ticketId).toBe(ticketId);

    const reused = await callRoute(addMessage, "POST", "/", { token: a.member.token, params, body: { body: "again", attachmentIds: [uploaded.json.id] } });
    expect(reused.status).toBe(422);
  });

  it("adds an internal note that is never emailed, and sends to explicit addresses", async () => {
    const a = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id);
    const params = { workspaceId: a.workspace.id, ticketId: ticket.id };
    const note = await callRoute(addMessage, "POST", "/", {
      token: a.member.token,
      params,
      body: { body: "Customer is on the old plan", isInternal: true, sendEmail: true },
    });
    expect(note.json).toMatchObject({ direction: "note", isInternal: true, messageIdHeader: null, deliveryStatus: null });
    const explicit = await callRoute(addMessage, "POST", "/", {
      token: a.member.token,
      params,
      body: { body: "FYI", sendEmail: true, toAddresses: ["other@example.org"] },
    });
    expect(explicit.json.toAddresses).toEqual(["other@example.org"]);
    expect(await db().outboundEmail.count({ where: { ticketId: ticket.id } })).toBe(1);
    const bad = await callRoute(addMessage, "POST", "/", { token: a.member.token, params, body: { sendEmail: true, toAddresses: ["not-an-email"] } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.details.fields).sort()).toEqual(["body", "toAddresses.0"]);
  });

  it("refuses executables (422), empty uploads (422) and non-multipart bodies (400), and stores uploads", async () => {
    const a = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id);
    const params = { workspaceId: a.workspace.id, ticketId: ticket.id };
    const send = (body: unknown) => callRoute(upload, "POST", "/", { token: a.member.token, params, body });
    expect((await send(fileForm("setup.exe", "application/octet-stream", "MZ"))).status).toBe(422);
    expect((await send(fileForm("run.sh", "application/x-sh", "#!/bin/sh"))).status).toBe(422);
    expect((await send(fileForm("empty.txt", "text/plain", ""))).status).toBe(422);
    expect((await send({ not: "multipart" })).status).toBe(400);
    const png = await send(fileForm("screen.png", "image/png", new Uint8Array([137, 80, 78, 71])));
    expect(png.status).toBe(201);
    const stored = await db().attachment.findUniqueOrThrow({ where: { id: png.json.id } });
    expect([...(await attachmentStore().get(stored.storageKey!))]).toEqual([137, 80, 78, 71]);
  });

  it("answers 413 for a file over the limit", async () => {
    const a = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id);
    const big = await callRoute(upload, "POST", "/", {
      token: a.member.token,
      params: { workspaceId: a.workspace.id, ticketId: ticket.id },
      body: fileForm("huge.bin", "application/octet-stream", new Uint8Array(25 * 1024 * 1024 + 1) as BlobPart),
    });
    expect(big.status).toBe(413);
  });
});

describe("merge and split", () => {
  it("merges messages, tags and attachments into the target; later replies to the source land there", async () => {
    const a = await seedWorkspace(db());
    const sourceMail = newMessageId();
    const source = (
      await postRpc({ organizationId: a.workspace.id, from: "jane@acme.com", to: "s@x.test", subject: "First", text: "one", messageId: sourceMail })
    ).json.ticketId as string;
    const target = (await seedTicket(db(), a.workspace.id, { subject: "Second" })).ticket.id;
    const tag = await db().tag.create({ data: { workspaceId: a.workspace.id, name: "moved" } });
    await db().ticketTag.create({ data: { ticketId: source, tagId: tag.id } });
    const params = { workspaceId: a.workspace.id, ticketId: source };

    const res = await callRoute(merge, "POST", "/", { token: a.member.token, params, body: { targetTicketId: target } });
    expect(res.status).toBe(200);
    expect(res.json.source).toMatchObject({ id: source, status: "merged", mergedIntoId: target });
    expect(res.json.target.tags.map((t: { name: string }) => t.name)).toEqual(["moved"]);
    expect(res.json.movedCount).toBe(1);
    const targetDetail = await callRoute(getTicket, "GET", "/", { token: a.member.token, params: { workspaceId: a.workspace.id, ticketId: target } });
    expect(targetDetail.json.messages.map((m: { body: string }) => m.body).sort()).toEqual(["Please help", "one"]);
    expect(targetDetail.json.activity.map((e: { type: string }) => e.type)).toContain("merged_in");

    const later = await postRpc({ organizationId: a.workspace.id, from: "jane@acme.com", to: "s@x.test", text: "still broken", inReplyTo: sourceMail });
    expect(later.json.ticketId).toBe(target);

    expect((await callRoute(merge, "POST", "/", { token: a.member.token, params, body: { targetTicketId: target } })).status).toBe(409);
    const third = (await seedTicket(db(), a.workspace.id)).ticket.id;
    expect(
      (await callRoute(merge, "POST", "/", { token: a.member.token, params: { ...params, ticketId: third }, body: { targetTicketId: source } })).status,
    ).toBe(409);
    expect(
      (await callRoute(merge, "POST", "/", { token: a.member.token, params: { ...params, ticketId: third }, body: { targetTicketId: third } })).status,
    ).toBe(422);
    const other = await seedWorkspace(db());
    const foreign = (await seedTicket(db(), other.workspace.id)).ticket.id;
    expect(
      (await callRoute(merge, "POST", "/", { token: a.member.token, params: { ...params, ticketId: third }, body: { targetTicketId: foreign } })).status,
    ).toBe(404);
    expect(await db().ticket.findUniqueOrThrow({ where: { id: foreign } })).toMatchObject({ status: "open", mergedIntoId: null });
  });

  it("splits chosen messages into a new ticket that keeps the contact", async () => {
    const a = await seedWorkspace(db());
    const first = newMessageId();
    const ticketId = (
      await postRpc({ organizationId: a.workspace.id, from: "jane@acme.com", to: "s@x.test", subject: "Two topics", text: "topic one", messageId: first })
    ).json.ticketId as string;
    const second = await postRpc({ organizationId: a.workspace.id, from: "jane@acme.com", to: "s@x.test", text: "also, topic two", inReplyTo: first });
    const params = { workspaceId: a.workspace.id, ticketId };

    const res = await callRoute(split, "POST", "/", { token: a.member.token, params, body: { messageIds: [second.json.messageId], newSubject: "Topic two" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ movedCount: 1, ticket: { subject: "Topic two", ticketNumber: 2, contact: { email: "jane@acme.com" } } });
    const moved = await db().message.findUniqueOrThrow({ where: { id: second.json.messageId } });
    expect(moved.ticketId).toBe(res.json.ticket.id);

    const remaining = await db().message.findMany({ where: { ticketId } });
    const all = await callRoute(split, "POST", "/", { token: a.member.token, params, body: { messageIds: remaining.map((m) => m.id), newSubject: "x" } });
    expect(all.status).toBe(422);
    const foreign = await callRoute(split, "POST", "/", { token: a.member.token, params, body: { messageIds: [second.json.messageId], newSubject: "x" } });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.details.fields).toHaveProperty("messageIds");
  });
});
