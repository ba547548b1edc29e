// A conflict that outlives the retries answers 503 with Retry-After on every inbound route (never
// 409, which providers take as "drop this mail"); the logged mail stays and the retry routes it.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/server/errors";
import { errorResponse } from "@/server/http/errors";
import { inboundErrorResponse } from "@/server/http/inbound-errors";
import { useTestDatabase } from "@/test/database";
import { newMessageId, postHelpdesk, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { postProvider } from "@/test/provider-inbound";

const db = useTestDatabase();

describe("a conflict on the inbound routes", () => {
  it("answers 503 with Retry-After on every inbound route when routing keeps colliding, keeps the logged mail, and routes it on the retry", async () => {
    const ws = await seedInboundWorkspace(db());
    const workspaceId = ws.workspace.id;
    // A ticket numbered past the workspace's counter: every ticket creation collides on (workspaceId, ticketNumber).
    await db().ticket.create({ data: { workspaceId, ticketNumber: 1, subject: "Imported" } });
    const to = ws.ticketMailbox.address;
    const secret = ws.ticketMailbox.inboundSecret;
    const ids = [newMessageId(), newMessageId(), newMessageId(), newMessageId()];
    const sendAll = () =>
      Promise.all([
        postRpc({ organizationId: workspaceId, from: "a@customer.example", to, subject: "rpc", text: "rpc", messageId: ids[0] }),
        postHelpdesk({ from: "b@customer.example", to, subject: "helpdesk", text: "helpdesk", message_id: ids[1] }, { secret }),
        postProvider(
          "postmark",
          JSON.stringify({ From: "c@customer.example", To: to, Subject: "postmark", TextBody: "postmark", Headers: [{ Name: "Message-ID", Value: ids[2] }] }),
          "application/json",
          { secret },
        ),
        postProvider(
          "mime",
          [`From: d@customer.example`, `To: ${to}`, "Subject: mime", `Message-ID: ${ids[3]}`, "", "mime", ""].join("\r\n"),
          "message/rfc822",
          { secret },
        ),
      ]);

    const refused = await sendAll();
    expect(refused.map((answer) => [answer.status, answer.headers.get("retry-after"), answer.json.error.code])).toEqual(
      Array(4).fill([503, "5", "UNAVAILABLE"]),
    );
    const logged = await db().incomingMail.findMany({ where: { workspaceId } });
    expect(logged.map((mail) => [mail.processedAt, mail.processingError !== null])).toEqual(Array(4).fill([null, true]));
    expect(await db().ticket.count({ where: { workspaceId } })).toBe(1);

    await db().workspace.update({ where: { id: workspaceId }, data: { lastTicketNumber: 1 } });
    const routed = await sendAll();
    expect(routed.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(await db().ticket.count({ where: { workspaceId } })).toBe(5);
    expect(await db().incomingMail.count({ where: { workspaceId, processedAt: { not: null }, processingError: null } })).toBe(4);
  });

  it("maps a unique violation to 503 on inbound routes while other routes keep 409 for a real conflict", () => {
    const violation = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: Prisma.prismaVersion.client });
    const inbound = inboundErrorResponse(violation);
    expect([inbound.status, inbound.headers.get("retry-after")]).toEqual([503, "5"]);
    expect(errorResponse(violation).status).toBe(409);
    expect(inboundErrorResponse(notFound("Workspace")).status).toBe(404);
  });
});
