// "Send and close" / "send and set pending": the message and the status change commit together, on
// tRPC's service and on REST alike; a refused reply changes nothing.
import { describe, expect, it } from "vitest";
import { POST as addMessageRoute } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/messages/route";
import { AppError } from "@/server/errors";
import { accessFor } from "@/test/access";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { seedInboundWorkspace } from "@/test/inbound";
import { seedTicket } from "@/test/tickets";
import { addTicketMessage } from "./add-message";

describe("a message that sets the ticket's status", () => {
  const db = useTestDatabase();

  async function seedThread() {
    const ws = await seedInboundWorkspace(db());
    const { ticket, message } = await seedTicket(db(), ws.workspace.id, { from: "jane@customer.example", body: "Where is my invoice?" });
    return { ws, ticket, first: message, member: await accessFor(db(), ws.workspace.id, ws.member.user.id) };
  }
  const timeline = async (ticketId: string) =>
    (await db().activityEvent.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" } })).map((event) => ({ type: event.type, data: event.data }));

  it("closes the ticket in the reply's commit, after the reply in the timeline, and surveys the customer", async () => {
    const { ws, ticket } = await seedThread();
    await db().workspace.update({ where: { id: ws.workspace.id }, data: { satisfactionSurveys: true } });
    // The access carries the workspace's settings as read when it was resolved.
    const access = await accessFor(db(), ws.workspace.id, ws.member.user.id);
    await addTicketMessage(db(), access, ticket.id, { body: "Here it is.", isInternal: false, sendEmail: true, statusAfter: "closed" });

    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("closed");
    const events = (await timeline(ticket.id)).filter((event) => event.type === "replied" || event.type === "status_changed");
    expect(events.map((event) => event.type)).toEqual(["replied", "status_changed"]);
    expect(events[1]!.data).toMatchObject({ from: "open", to: "closed" });
    expect(await db().job.count({ where: { type: "satisfaction.survey" } })).toBe(1);
  });

  it("sets a note's ticket pending, and leaves a ticket already in the asked status without a timeline entry", async () => {
    const { ticket, member } = await seedThread();
    await addTicketMessage(db(), member, ticket.id, { body: "Waiting on finance.", isInternal: true, sendEmail: false, statusAfter: "pending" });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("pending");

    await addTicketMessage(db(), member, ticket.id, { body: "Still waiting.", isInternal: true, sendEmail: false, statusAfter: "pending" });
    expect((await timeline(ticket.id)).filter((event) => event.type === "status_changed")).toHaveLength(1);
  });

  it("changes nothing when the reply is refused as stale", async () => {
    const { ws, ticket, first, member } = await seedThread();
    await db().message.create({
      data: { workspaceId: ws.workspace.id, ticketId: ticket.id, direction: "inbound", fromAddress: "jane@customer.example", bodyText: "Any news?" },
    });
    const refused = await addTicketMessage(db(), member, ticket.id, {
      body: "Done.",
      isInternal: false,
      sendEmail: true,
      lastSeenMessageId: first.id,
      statusAfter: "closed",
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("open");
  });

  it("takes statusAfter on REST, and refuses a status a message cannot set with 422", async () => {
    const { ws, ticket } = await seedThread();
    const post = (body: object) =>
      callRoute(addMessageRoute, "POST", "/", { token: ws.member.token, params: { workspaceId: ws.workspace.id, ticketId: ticket.id }, body });

    const merged = await post({ body: "x", sendEmail: true, statusAfter: "merged" });
    expect(merged.status).toBe(422);
    expect((await post({ body: "We are on it.", sendEmail: true, statusAfter: "pending" })).status).toBe(201);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("pending");
  });
});
