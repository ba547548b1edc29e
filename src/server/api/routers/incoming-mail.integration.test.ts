import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { trpcAs } from "@/test/guards";
import { seedInboundWorkspace } from "@/test/inbound";
import { listMailsHttp, seedDiscardedMail, seedHeldReply } from "@/test/incoming-mails";

const db = useTestDatabase();

describe("tRPC incomingMail procedures", () => {
  it("list, convert, add as reply and delete over the same services as REST", async () => {
    const ws = await seedInboundWorkspace(db());
    const { ticketId, mail: held } = await seedHeldReply(db(), ws);
    const discarded = await seedDiscardedMail(db(), ws);
    const customer = await db().customer.create({ data: { workspaceId: ws.workspace.id, name: "NewCo" } });
    const trpc = trpcAs(db(), ws.member.user.id);
    const workspaceSlug = ws.workspace.slug;

    const page = await trpc.incomingMail.list({ workspaceSlug, filter: "out_ticket" });
    expect(page).toEqual({ mails: (await listMailsHttp(ws.member.token, "?filter=out_ticket")).json, total: 1 });
    expect((await trpc.incomingMail.list({ workspaceSlug, page: 2 })).mails).toEqual([]);

    const converted = await trpc.incomingMail.convertToTicket({ workspaceSlug, incomingMailId: discarded.id, customerId: customer.id });
    expect(converted).toMatchObject({ subject: "Hello", customer: { id: customer.id } });
    expect((await trpc.incomingMail.convertToTicket({ workspaceSlug, incomingMailId: discarded.id, customerId: customer.id })).id).toBe(converted.id);

    const replied = await trpc.incomingMail.addAsReply({ workspaceSlug, incomingMailId: held.id });
    expect(replied).toMatchObject({ id: ticketId, status: "open", exchangeCount: 1 });
    expect((await trpc.incomingMail.list({ workspaceSlug, filter: "reply_to_closed_ticket" })).total).toBe(0);

    expect(await trpc.incomingMail.delete({ workspaceSlug, incomingMailId: held.id })).toEqual({ message: "Incoming mail deleted" });
    await expect(trpc.incomingMail.delete({ workspaceSlug, incomingMailId: held.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The reply stays in its ticket.
    expect(await db().message.count({ where: { ticketId } })).toBe(2);
  });

  it("keep other workspaces' mails out of reach", async () => {
    const a = await seedInboundWorkspace(db());
    const b = await seedInboundWorkspace(db());
    const mail = await seedDiscardedMail(db(), a);
    const customer = await db().customer.create({ data: { workspaceId: b.workspace.id, name: "B's customer" } });
    const outsider = trpcAs(db(), b.member.user.id);

    await expect(outsider.incomingMail.list({ workspaceSlug: a.workspace.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = { workspaceSlug: b.workspace.slug, incomingMailId: mail.id };
    await expect(outsider.incomingMail.convertToTicket({ ...own, customerId: customer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.incomingMail.addAsReply(own)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.incomingMail.delete(own)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().incomingMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ ticketId: null });
  });
});
