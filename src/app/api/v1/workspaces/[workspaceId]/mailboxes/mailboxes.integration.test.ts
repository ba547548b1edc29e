import { afterEach, describe, expect, it, vi } from "vitest";
import { newInboundSecret } from "@/server/mailboxes/inbound-secret";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { expectWorkspaceGuard, trpcAs } from "@/test/guards";
import { callRoute } from "@/test/http";
import { GET as listMailboxes } from "./route";

const db = useTestDatabase();

async function seedWithInbox() {
  const seeded = await seedWorkspace(db());
  const inbox = await db().mailbox.create({
    data: {
      workspaceId: seeded.workspace.id,
      name: "Team",
      address: `team@${seeded.workspace.slug}.test`,
      purpose: "inbox",
      sendable: false,
      ...newInboundSecret(),
    },
  });
  const ticket = await db().mailbox.findFirstOrThrow({ where: { workspaceId: seeded.workspace.id, isDefault: true } });
  return { ...seeded, inbox, ticket };
}

afterEach(() => vi.unstubAllEnvs());

describe("GET /api/v1/workspaces/:workspaceId/mailboxes", () => {
  it("shows owners every mailbox with its inbound URLs and secret, the default first", async () => {
    vi.stubEnv("PUBLIC_URL", undefined);
    const a = await seedWithInbox();
    const res = await callRoute(listMailboxes, "GET", "/api/v1/x", { token: a.owner.token, params: { workspaceId: a.workspace.id } });
    expect(res.status).toBe(200);
    const inboundUrls = {
      json: "http://localhost/api/rpc/tickets/email/inbound",
      sharedSecret: "http://localhost/api/helpdesk/inbound-email",
      organizationId: a.workspace.id,
    };
    expect(res.json).toEqual([
      expect.objectContaining({
        id: a.ticket.id,
        address: a.ticket.address,
        purpose: "ticket",
        isDefault: true,
        sendable: true,
        inboundUrls,
        secret: a.ticket.inboundSecret,
      }),
      expect.objectContaining({
        id: a.inbox.id,
        name: "Team",
        purpose: "inbox",
        visibility: "shared",
        isDefault: false,
        sendable: false,
        inboundUrls,
        secret: a.inbox.inboundSecret,
      }),
    ]);
  });

  it("never shows members a secret, and uses PUBLIC_URL for the URLs when set", async () => {
    vi.stubEnv("PUBLIC_URL", "https://help.example.com");
    const a = await seedWithInbox();
    const res = await callRoute(listMailboxes, "GET", "/", { token: a.member.token, params: { workspaceId: a.workspace.id } });
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(2);
    for (const mailbox of res.json) {
      expect(mailbox).not.toHaveProperty("secret");
      expect(mailbox.inboundUrls.json).toBe("https://help.example.com/api/rpc/tickets/email/inbound");
    }
    expect(JSON.stringify(res.json)).not.toContain("whsec_");
  });

  it("is guarded: 401 without a token, 404 for another workspace's token", async () => {
    const a = await seedWithInbox();
    const b = await seedWorkspace(db());
    await expectWorkspaceGuard(listMailboxes, "GET", { params: { workspaceId: a.workspace.id }, outsiderToken: b.owner.token });
  });

  it("answers the same through tRPC, secrets to owners only", async () => {
    vi.stubEnv("PUBLIC_URL", "https://help.example.com");
    const a = await seedWithInbox();
    const params = { workspaceId: a.workspace.id };
    for (const role of ["owner", "member"] as const) {
      const rest = await callRoute(listMailboxes, "GET", "/", { token: a[role].token, params });
      expect(await trpcAs(db(), a[role].user.id).mailbox.list({ workspaceSlug: a.workspace.slug })).toEqual(rest.json);
    }
  });
});
