import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedSentEmail } from "@/test/delivery";

const db = useTestDatabase();

const MIGRATION = "prisma/migrations/20261207180000_message_id_domain_case/migration.sql";

/** The migration's statements, run again on rows written as they were before the rule. */
async function runMigration() {
  const statements = fs
    .readFileSync(MIGRATION, "utf8")
    .replace(/^--.*$/gm, "")
    .split(/;\s*$/m);
  for (const statement of statements) if (statement.trim() !== "") await db().$executeRawUnsafe(statement);
}

describe("migration message_id_domain_case", () => {
  it("lower-cases the domains of stored ids, keeps local parts, and leaves a row whose normalized id is taken", async () => {
    const { ws, ticket, message, outbound } = await seedSentEmail(db(), "jane@acme.test", "Sent-1@THREADLINE.test");
    const workspaceId = ws.workspace.id;
    const inbound = (messageIdHeader: string, extra: { inReplyTo?: string; references?: string[] } = {}) =>
      db().message.create({ data: { workspaceId, ticketId: ticket.id, direction: "inbound", bodyText: "Hi", messageIdHeader, ...extra } });
    const reply = await inbound("Reply-1@Mail.Acme.TEST", {
      inReplyTo: "Sent-1@THREADLINE.test",
      references: ["Root@X.org", "root@x.org", "Root@x.ORG", "Sent-1@Threadline.Test"],
    });
    // One email delivered twice with its domain in two cases, and a third spelling already normalized.
    const twiceEarlier = await inbound("Dup@Acme.TEST");
    const twiceLater = await inbound("Dup@ACME.test");
    const taken = await inbound("Taken@acme.test");
    const other = await inbound("Taken@ACME.TEST");
    const log = await db().incomingMail.create({
      data: {
        workspaceId,
        source: "mime",
        messageIdHeader: "Log-1@Mail.Acme.TEST",
        contentHash: "h",
        sender: "jane@acme.test",
        recipient: "x",
        subject: "s",
        body: "b",
        inReplyTo: "Sent-1@THREADLINE.test",
        references: ["Sent-1@THREADLINE.test"],
      },
    });

    await runMigration();

    const idOf = async (id: string) => (await db().message.findUniqueOrThrow({ where: { id } })).messageIdHeader;
    expect(await idOf(message.id)).toBe("Sent-1@threadline.test");
    expect(await db().message.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({
      messageIdHeader: "Reply-1@mail.acme.test",
      inReplyTo: "Sent-1@threadline.test",
      references: ["Root@x.org", "root@x.org", "Sent-1@threadline.test"],
    });
    expect([await idOf(twiceEarlier.id), await idOf(twiceLater.id)]).toEqual(["Dup@acme.test", "Dup@ACME.test"]);
    expect([await idOf(taken.id), await idOf(other.id)]).toEqual(["Taken@acme.test", "Taken@ACME.TEST"]);
    expect((await db().outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).messageIdHeader).toBe("Sent-1@threadline.test");
    expect(await db().incomingMail.findUniqueOrThrow({ where: { id: log.id } })).toMatchObject({
      messageIdHeader: "Log-1@mail.acme.test",
      inReplyTo: "Sent-1@threadline.test",
      references: ["Sent-1@threadline.test"],
    });
  });
});
