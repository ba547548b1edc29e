import { describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/v1/workspaces/[workspaceId]/attachments/[attachmentId]/route";
import { GET as ticketDetail } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/route";
import { withInlineImages } from "@/server/email/inline-images";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace, sessionCookie } from "@/test/factories";
import { callRoute } from "@/test/http";
import { seedInboundWorkspace } from "@/test/inbound";
import { postProvider } from "@/test/provider-inbound";

const db = useTestDatabase();
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4z8AARAAI/gH/xp559wAAAABJRU5ErkJggg==", "base64");

function inlineImageMail(to: string) {
  return [
    "From: Ann <ann@x.org>",
    `To: ${to}`,
    "Subject: screenshot",
    "Message-ID: <inline-1@x.org>",
    'Content-Type: multipart/related; boundary="r"',
    "",
    "--r",
    "Content-Type: text/html",
    "",
    '<p>Error:</p><img src="cid:shot.png@x.org" alt="shot">',
    "--r",
    'Content-Type: image/png; name="shot.png"',
    "Content-ID: <shot.png@x.org>",
    "Content-Disposition: inline",
    "Content-Transfer-Encoding: base64",
    "",
    PNG.toString("base64"),
    "--r--",
    "",
  ].join("\r\n");
}

function get(path: string, cookie: string) {
  const [, workspaceId, attachmentId] = /^\/api\/v1\/workspaces\/([^/]+)\/attachments\/([^/]+)$/.exec(path)!;
  return download(new Request(`http://localhost${path}`, { headers: { cookie } }), {
    params: Promise.resolve({ workspaceId: workspaceId!, attachmentId: attachmentId! }),
  });
}

describe("an inline cid: image of an inbound email", () => {
  it("is stored with its Content-ID and shown through the attachment route, to members of its workspace only", async () => {
    const a = await seedInboundWorkspace(db());
    const b = await seedWorkspace(db());
    const res = await postProvider("mime", inlineImageMail(a.ticketMailbox.address), "message/rfc822", { secret: a.ticketMailbox.inboundSecret });
    expect(res.status).toBe(200);

    const detail = await callRoute(ticketDetail, "GET", "/", { token: a.member.token, params: { workspaceId: a.workspace.id, ticketId: res.json.ticketId } });
    const [message] = detail.json.messages;
    expect(message.attachments).toMatchObject([{ filename: "shot.png", contentType: "image/png", status: "stored", contentId: "shot.png@x.org" }]);
    const { html } = withInlineImages(message.bodyHtml, message.attachments, a.workspace.id);
    const path = /<img alt="shot" src="([^"]+)"/.exec(html)?.[1];
    expect(path).toBe(`/api/v1/workspaces/${a.workspace.id}/attachments/${message.attachments[0].id}`);

    const shown = await get(path!, await sessionCookie(a.member.user.id));
    expect(shown.status).toBe(200);
    expect(shown.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(PNG);

    // Another workspace's member: not on A's path, nor with A's attachment on B's own path.
    const outsider = await sessionCookie(b.owner.user.id);
    expect((await get(path!, outsider)).status).toBe(404);
    expect((await get(path!.replace(a.workspace.id, b.workspace.id), outsider)).status).toBe(404);
    expect(
      (
        await download(new Request(`http://localhost${path}`), {
          params: Promise.resolve({ workspaceId: a.workspace.id, attachmentId: message.attachments[0].id }),
        })
      ).status,
    ).toBe(401);
  });
});
