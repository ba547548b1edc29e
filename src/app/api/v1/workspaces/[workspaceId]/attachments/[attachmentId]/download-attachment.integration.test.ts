import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newAttachmentKey } from "@/server/attachments/attachment-keys";
import { attachmentStore } from "@/server/attachments/attachment-store";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace, sessionCookie } from "@/test/factories";
import { callRoute } from "@/test/http";
import { seedTicket } from "@/test/tickets";
import { POST as upload } from "../../tickets/[ticketId]/attachments/route";
import { GET as download } from "./route";

const db = useTestDatabase();

async function uploadFile(workspaceId: string, token: string, ticketId: string, name: string, type: string, content: string) {
  const form = new FormData();
  form.set("file", new File([content], name, { type }));
  const uploaded = await callRoute(upload, "POST", "/", { token, params: { workspaceId, ticketId }, body: form });
  expect(uploaded.status).toBe(201);
  return uploaded.json.id as string;
}

function get(workspaceId: string, attachmentId: string, headers: Record<string, string>) {
  return download(new Request(`http://localhost/api/v1/workspaces/${workspaceId}/attachments/${attachmentId}`, { headers }), {
    params: Promise.resolve({ workspaceId, attachmentId }),
  });
}

describe("GET /workspaces/:id/attachments/:attachmentId", () => {
  it("streams the stored file as a download, to a token or a signed-in member", async () => {
    const a = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id);
    const id = await uploadFile(a.workspace.id, a.member.token, ticket.id, "page ü.html", "text/html", "<script>alert(1)</script>");

    const byToken = await get(a.workspace.id, id, { authorization: `Bearer ${a.member.token}` });
    expect(byToken.status).toBe(200);
    expect(byToken.headers.get("content-type")).toBe("text/html");
    expect(byToken.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''page%20%C3%BC.html");
    expect(byToken.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await byToken.text()).toBe("<script>alert(1)</script>");

    const bySession = await get(a.workspace.id, id, { cookie: await sessionCookie(a.owner.user.id) });
    expect(bySession.status).toBe(200);
    expect(await bySession.text()).toBe("<script>alert(1)</script>");
  });

  it("answers 404 for another workspace's attachment, an unknown id, a failed one, and 401 without credentials", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id);
    const id = await uploadFile(a.workspace.id, a.member.token, ticket.id, "notes.txt", "text/plain", "secret");
    const failed = await db().attachment.create({
      data: { workspaceId: a.workspace.id, ticketId: ticket.id, filename: "x.txt", contentType: "text/plain", size: 1, status: "failed" },
    });

    const cases: [token: string, workspaceId: string, attachmentId: string][] = [
      [b.owner.token, a.workspace.id, id], // not a member of A
      [b.owner.token, b.workspace.id, id], // B's own path, A's attachment
      [a.owner.token, a.workspace.id, randomUUID()],
      [a.owner.token, a.workspace.id, "nope"],
      [a.owner.token, a.workspace.id, failed.id],
    ];
    for (const [token, workspaceId, attachmentId] of cases) {
      const answer = await callRoute(download, "GET", "/", { token, params: { workspaceId, attachmentId } });
      expect(answer.status).toBe(404);
      expect(answer.json.error.code).toBe("NOT_FOUND");
    }
    const anonymous = await callRoute(download, "GET", "/", { params: { workspaceId: a.workspace.id, attachmentId: id } });
    expect(anonymous.status).toBe(401);
  });

  it("answers 404, not a broken 200, when a stored attachment's bytes are not in the store", async () => {
    const a = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id);
    const lost = await db().attachment.create({
      data: {
        workspaceId: a.workspace.id,
        ticketId: ticket.id,
        filename: "lost.pdf",
        contentType: "application/pdf",
        size: 3,
        status: "stored",
        storageKey: newAttachmentKey(a.workspace.id, "lost.pdf"),
      },
    });
    const answer = await callRoute(download, "GET", "/", { token: a.owner.token, params: { workspaceId: a.workspace.id, attachmentId: lost.id } });
    expect(answer.status).toBe(404);
    expect(answer.json.error.code).toBe("NOT_FOUND");
  });

  it("downloads a stored file whose content type holds CR/LF as octet-stream, with no header added", async () => {
    const a = await seedWorkspace(db());
    const { ticket } = await seedTicket(db(), a.workspace.id);
    const storageKey = newAttachmentKey(a.workspace.id, "odd.txt");
    await attachmentStore().put(storageKey, new TextEncoder().encode("odd"));
    const odd = await db().attachment.create({
      data: {
        workspaceId: a.workspace.id,
        ticketId: ticket.id,
        filename: "odd\r\n.txt",
        contentType: "text/html\r\nSet-Cookie: a=b",
        size: 3,
        status: "stored",
        storageKey,
      },
    });
    const answer = await get(a.workspace.id, odd.id, { authorization: `Bearer ${a.owner.token}` });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/octet-stream");
    expect(answer.headers.get("set-cookie")).toBeNull();
    expect(answer.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''odd%0D%0A.txt");
    expect(await answer.text()).toBe("odd");
  });
});
