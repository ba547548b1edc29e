import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { callRoute } from "@/test/http";
import { seedTicket } from "@/test/tickets";
import * as list from "./route";
import * as one from "./[ticketId]/route";
import * as messages from "./[ticketId]/messages/route";
import * as attachments from "./[ticketId]/attachments/route";
import * as status from "./[ticketId]/status/route";
import * as merge from "./[ticketId]/merge/route";
import * as split from "./[ticketId]/split/route";
import * as archive from "./[ticketId]/archive/route";
import * as unarchive from "./[ticketId]/unarchive/route";

const db = useTestDatabase();

type Handler = (request: Request, context: { params: Promise<{ workspaceId: string; ticketId: string }> }) => Promise<Response>;

/** Every ticket route, with a body that would succeed for the right workspace. */
function routes(ticketId: string, otherTicketId: string): [string, Handler, unknown][] {
  const file = new FormData();
  file.set("file", new File(["x"], "a.txt", { type: "text/plain" }));
  return [
    ["GET /tickets", list.GET, undefined],
    ["POST /tickets", list.POST, { subject: "s", body: "b" }],
    ["GET /tickets/:id", one.GET, undefined],
    ["PATCH /tickets/:id", one.PATCH, { priority: "urgent", tags: ["x"] }],
    ["POST /tickets/:id/messages", messages.POST, { body: "hi", sendEmail: true }],
    ["POST /tickets/:id/attachments", attachments.POST, file],
    ["POST /tickets/:id/status", status.POST, { toStatus: "closed" }],
    ["POST /tickets/:id/merge", merge.POST, { targetTicketId: otherTicketId }],
    ["POST /tickets/:id/split", split.POST, { messageIds: [ticketId], newSubject: "x" }],
    ["POST /tickets/:id/archive", archive.POST, undefined],
    ["POST /tickets/:id/unarchive", unarchive.POST, undefined],
  ];
}

describe("tenant isolation of every ticket route", () => {
  it("answers 404 to a token of another workspace and changes nothing", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id);
    const { ticket: other } = await seedTicket(db(), a.workspace.id);
    const snapshot = async () =>
      JSON.stringify([
        await db().ticket.findMany({ orderBy: { id: "asc" } }),
        await db().message.count(),
        await db().attachment.count(),
        await db().activityEvent.count(),
        await db().outboundEmail.count(),
        await db().tag.count(),
      ]);
    const before = await snapshot();
    for (const [name, handler, body] of routes(ticket.id, other.id)) {
      // B's token naming A's workspace, and B's token naming its own workspace but A's ticket.
      for (const workspaceId of [a.workspace.id, b.workspace.id]) {
        const res = await callRoute(handler, name.startsWith("GET") ? "GET" : name.startsWith("PATCH") ? "PATCH" : "POST", "/", {
          token: b.owner.token,
          params: { workspaceId, ticketId: ticket.id },
          body,
        });
        const expected = workspaceId === b.workspace.id && (name === "GET /tickets" || name === "POST /tickets") ? [200, 201] : [404];
        expect(expected, `${name} in ${workspaceId === a.workspace.id ? "A" : "B"}`).toContain(res.status);
        if (res.status === 404) expect(res.json.error.code).toBe("NOT_FOUND");
      }
    }
    // B's own list and create touched only B.
    expect(await db().ticket.count({ where: { workspaceId: a.workspace.id } })).toBe(2);
    await db().ticket.deleteMany({ where: { workspaceId: b.workspace.id } });
    await db().activityEvent.deleteMany({ where: { workspaceId: b.workspace.id } });
    expect(await snapshot()).toBe(before);
  });
});
