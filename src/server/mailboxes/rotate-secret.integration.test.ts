import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { trpcAs } from "@/test/guards";
import { newMessageId, postHelpdesk, seedInboundWorkspace } from "@/test/inbound";

const db = useTestDatabase();

describe("rotating a mailbox's inbound secret", () => {
  it("gives the mailbox a new secret at once: the old one gets 401, the new one 200", async () => {
    const ws = await seedInboundWorkspace(db());
    const old = ws.inboxMailbox.inboundSecret;
    const email = () => ({ from: "a@b.com", message_id: newMessageId(), text: "x" });
    expect((await postHelpdesk(email(), { secret: old })).status).toBe(200);

    const rotated = await trpcAs(db(), ws.owner.user.id).mailbox.rotateSecret({ workspaceSlug: ws.workspace.slug, mailboxId: ws.inboxMailbox.id });
    expect(rotated).toMatchObject({ id: ws.inboxMailbox.id, address: ws.inboxMailbox.address, secret: expect.stringMatching(/^whsec_/) });
    expect(rotated.secret).not.toBe(old);

    const refused = await postHelpdesk(email(), { secret: old });
    expect(refused).toMatchObject({ status: 401, json: { error: { code: "UNAUTHORIZED", message: "Invalid inbound secret" } } });
    const accepted = await postHelpdesk(email(), { secret: rotated.secret });
    expect(accepted.status).toBe(200);
    expect(await db().ticket.findUniqueOrThrow({ where: { id: accepted.json.ticketId } })).toMatchObject({ mailboxId: ws.inboxMailbox.id });
    // The other mailbox keeps its secret.
    expect((await postHelpdesk(email(), { secret: ws.ticketMailbox.inboundSecret })).status).toBe(200);
  });

  it("is for owners of the mailbox's workspace only", async () => {
    const a = await seedInboundWorkspace(db());
    const b = await seedInboundWorkspace(db());
    const input = { workspaceSlug: a.workspace.slug, mailboxId: a.inboxMailbox.id };
    await expect(trpcAs(db(), a.member.user.id).mailbox.rotateSecret(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(trpcAs(db(), b.owner.user.id).mailbox.rotateSecret(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ownSlugOtherMailbox = { workspaceSlug: b.workspace.slug, mailboxId: a.inboxMailbox.id };
    await expect(trpcAs(db(), b.owner.user.id).mailbox.rotateSecret(ownSlugOtherMailbox)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db().mailbox.findUniqueOrThrow({ where: { id: a.inboxMailbox.id } })).inboundSecret).toBe(a.inboxMailbox.inboundSecret);
  });
});
