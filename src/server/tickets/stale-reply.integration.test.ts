// A reply written against a thread that moved on (a customer wrote, another agent answered) is
// refused with what arrived, on every transport; two agents answering at once: one goes out.
import { describe, expect, it } from "vitest";
import { POST as addMessageRoute } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/messages/route";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { accessFor } from "@/test/access";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { seedInboundWorkspace } from "@/test/inbound";
import { seedTicket } from "@/test/tickets";
import { addTicketMessage } from "./add-message";

async function seedThread(db: Db) {
  const ws = await seedInboundWorkspace(db);
  const { ticket, message: first } = await seedTicket(db, ws.workspace.id, { from: "jane@customer.example", body: "My invoice is wrong." });
  const owner = await accessFor(db, ws.workspace.id, ws.owner.user.id);
  const member = await accessFor(db, ws.workspace.id, ws.member.user.id);
  return { ws, ticket, first, owner, member };
}

const reply = (body: string, lastSeenMessageId?: string) => ({ body, isInternal: false, sendEmail: true, lastSeenMessageId });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("the stale-reply guard", () => {
  const db = useTestDatabase();

  it("refuses a reply when the customer wrote after the last message the agent saw, listing that message", async () => {
    const { ws, ticket, first, member } = await seedThread(db());
    const later = await db().message.create({
      data: {
        workspaceId: ws.workspace.id,
        ticketId: ticket.id,
        direction: "inbound",
        fromAddress: "jane@customer.example",
        bodyText: "Also, the date is wrong.",
      },
    });
    const error = await refusal(addTicketMessage(db(), member, ticket.id, reply("Fixed it.", first.id)));
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({
      arrived: [
        {
          id: later.id,
          direction: "inbound",
          author: null,
          fromAddress: "jane@customer.example",
          fromName: null,
          createdAt: later.createdAt.toISOString(),
          excerpt: "Also, the date is wrong.",
        },
      ],
    });
    expect(await db().message.count({ where: { ticketId: ticket.id } })).toBe(2);
    expect(await db().outboundEmail.count({ where: { ticketId: ticket.id } })).toBe(0);

    // Sent again with the new message as the last one seen, it goes out.
    await addTicketMessage(db(), member, ticket.id, reply("Fixed both.", later.id));
    expect(await db().outboundEmail.count({ where: { ticketId: ticket.id } })).toBe(1);
  });

  it("counts another agent's reply, but neither notes nor the agent's own replies; notes are never refused", async () => {
    const { ticket, first, owner, member } = await seedThread(db());
    await addTicketMessage(db(), owner, ticket.id, { body: "Checking with billing.", isInternal: true, sendEmail: false });
    await addTicketMessage(db(), member, ticket.id, reply("First answer.", first.id));
    await addTicketMessage(db(), member, ticket.id, reply("And a second thought.", first.id));

    const ownersReply = await addTicketMessage(db(), owner, ticket.id, reply("From the owner.", first.id)).catch((error: unknown) => error);
    expect(ownersReply).toBeInstanceOf(AppError);
    const arrived = ((ownersReply as AppError).details as { arrived: { excerpt: string; author: { id: string } | null }[] }).arrived;
    expect(arrived.map((message) => message.excerpt)).toEqual(["First answer.", "And a second thought."]);
    expect(arrived[0]!.author?.id).toBe(member.user.id);

    const note = await addTicketMessage(db(), owner, ticket.id, { body: "Member answered.", isInternal: true, sendEmail: false, lastSeenMessageId: first.id });
    expect(note.isInternal).toBe(true);
  });

  it("checks REST replies that send lastSeenMessageId (409 with details.arrived) and not those that omit it", async () => {
    const { ws, ticket, first, owner } = await seedThread(db());
    await addTicketMessage(db(), owner, ticket.id, reply("Owner answered.", first.id));
    const post = (body: Record<string, unknown>) =>
      callRoute(addMessageRoute, "POST", "/", { token: ws.member.token, params: { workspaceId: ws.workspace.id, ticketId: ticket.id }, body });

    const stale = await post({ body: "Late answer.", sendEmail: true, lastSeenMessageId: first.id });
    expect(stale.status).toBe(409);
    const error = (stale.json as { error: { code: string; details: { arrived: { excerpt: string }[] } } }).error;
    expect(error.code).toBe("CONFLICT");
    expect(error.details.arrived.map((message) => message.excerpt)).toEqual(["Owner answered."]);

    expect((await post({ body: "Unchecked answer.", sendEmail: true })).status).toBe(201);
    const foreign = await post({ body: "x", sendEmail: true, lastSeenMessageId: crypto.randomUUID() });
    expect(foreign.status).toBe(422);
  });

  it.runIf(hasConcurrentConnections)("lets exactly one of two agents replying at once with the same last message through (PostgreSQL)", async () => {
    for (let round = 0; round < 5; round++) {
      const { ticket, first, owner, member } = await seedThread(db());
      const outcomes = await Promise.allSettled([
        addTicketMessage(db(), owner, ticket.id, reply("Owner's answer.", first.id)),
        addTicketMessage(db(), member, ticket.id, reply("Member's answer.", first.id)),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const rejected = outcomes.find((outcome) => outcome.status === "rejected");
      expect((rejected?.reason as AppError).code).toBe("CONFLICT");
      expect(await db().outboundEmail.count({ where: { ticketId: ticket.id } })).toBe(1);
    }
  });
});
