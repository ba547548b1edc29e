import { describe, expect, it } from "vitest";
import { GET as trpcGet, POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { POST as createTag } from "@/app/api/v1/workspaces/[workspaceId]/tags/route";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace, sessionCookie } from "@/test/factories";

const db = useTestDatabase();
const APP = "http://help.example.test:3000";

function tagRequest(workspaceId: string, headers: Record<string, string>, body: string) {
  const request = new Request(`${APP}/api/v1/workspaces/${workspaceId}/tags`, {
    method: "POST",
    headers: { host: "help.example.test:3000", ...headers },
    body,
  });
  return createTag(request, { params: Promise.resolve({ workspaceId }) });
}

function trpcMutation(headers: Record<string, string>, input: unknown) {
  const request = new Request(`${APP}/api/trpc/tag.create`, {
    method: "POST",
    headers: { host: "help.example.test:3000", ...headers },
    body: JSON.stringify({ json: input }),
  });
  return trpcPost(request);
}

// What a page on a sibling origin (another port, another subdomain of the same site) can send
// with the victim's cookie without a CORS preflight.
const crossOriginForms: Record<string, string>[] = [
  { origin: "http://help.example.test:3001", "content-type": "text/plain" },
  { origin: "http://evil.example.test:3000", "content-type": "text/plain;charset=UTF-8" },
  { origin: "http://evil.example.test:3000", "content-type": "application/x-www-form-urlencoded" },
  { origin: "null", "content-type": "text/plain" },
  { "sec-fetch-site": "same-site", origin: "http://help.example.test:3000", "content-type": "text/plain" },
  { "content-type": "text/plain" },
];

describe("writes with the session cookie", () => {
  it.each(crossOriginForms)("a REST form post from another origin is refused with 403 JSON and stores nothing: %j", async (headers) => {
    const { workspace, owner } = await seedWorkspace(db());
    const response = await tagRequest(workspace.id, { cookie: await sessionCookie(owner.user.id), ...headers }, JSON.stringify({ name: "csrf" }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: expect.any(String) } });
    expect(await db().tag.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("a REST write from the app's own page works; text/plain is refused even from it; a bearer token needs no Origin", async () => {
    const { workspace, owner } = await seedWorkspace(db());
    const cookie = await sessionCookie(owner.user.id);
    const sameOrigin = await tagRequest(workspace.id, { cookie, origin: APP, "content-type": "application/json" }, JSON.stringify({ name: "ui" }));
    expect(sameOrigin.status).toBe(201);
    const fetchMetadata = await tagRequest(
      workspace.id,
      { cookie, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      JSON.stringify({ name: "ui2" }),
    );
    expect(fetchMetadata.status).toBe(201);
    const plain = await tagRequest(workspace.id, { cookie, origin: APP, "content-type": "text/plain" }, JSON.stringify({ name: "plain" }));
    expect(plain.status).toBe(403);
    const token = await tagRequest(
      workspace.id,
      { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
      JSON.stringify({ name: "api" }),
    );
    expect(token.status).toBe(201);
    expect((await db().tag.findMany({ where: { workspaceId: workspace.id }, orderBy: { name: "asc" } })).map((tag) => tag.name)).toEqual(["api", "ui", "ui2"]);
  });

  it("a tRPC mutation needs the app's own Origin; queries do not", async () => {
    const { workspace, owner } = await seedWorkspace(db());
    const cookie = await sessionCookie(owner.user.id);
    const input = { workspaceSlug: workspace.slug, name: "via trpc" };

    for (const headers of crossOriginForms) {
      const refused = await trpcMutation({ cookie, ...headers }, input);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await db().tag.count({ where: { workspaceId: workspace.id } })).toBe(0);

    const accepted = await trpcMutation({ cookie, origin: APP, "content-type": "application/json" }, input);
    expect(accepted.status).toBe(200);
    expect(await db().tag.count({ where: { workspaceId: workspace.id } })).toBe(1);

    const query = encodeURIComponent(JSON.stringify({ json: { workspaceSlug: workspace.slug } }));
    const read = await trpcGet(new Request(`${APP}/api/trpc/workspace.get?input=${query}`, { headers: { cookie, host: "help.example.test:3000" } }));
    expect(read.status).toBe(200);
  });
});
