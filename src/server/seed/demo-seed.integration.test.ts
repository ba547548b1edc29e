import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/auth/credentials";
import { useTestDatabase } from "@/test/database";
import { DEMO_AGENT, DEMO_OWNER, DEMO_PASSWORD, seedDemo } from "./demo-seed";

const db = useTestDatabase();

describe("seedDemo", () => {
  it("creates the demo workspace once, and changes nothing when run again", async () => {
    expect(await seedDemo(db())).toEqual({ created: true });
    const demo = await db().workspace.findUniqueOrThrow({
      where: { slug: "demo" },
      include: {
        memberships: { include: { user: true } },
        mailboxes: true,
        tags: true,
        contactLists: true,
        automationRules: true,
        savedReplies: true,
        macros: true,
      },
    });
    expect(demo.memberships.map((m) => [m.user.email, m.role]).sort()).toEqual([
      [DEMO_AGENT, "member"],
      [DEMO_OWNER, "owner"],
    ]);
    expect(demo.mailboxes.map((m) => m.purpose).sort()).toEqual(["inbox", "ticket"]);
    expect(demo.mailboxes.every((m) => m.inboundSecret.length >= 32)).toBe(true);
    expect(demo.mailboxes.filter((m) => m.isDefault)).toHaveLength(1);
    expect(demo.tags.length).toBeGreaterThan(0);
    expect(demo.contactLists).toHaveLength(1);
    expect(demo.automationRules).toHaveLength(1);
    expect(demo.macros).toHaveLength(1);
    // Two shared saved replies and one of the agent's own.
    expect(demo.savedReplies.map((r) => r.ownerUserId === null).sort()).toEqual([false, true, true]);
    const tickets = await db().ticket.findMany({ where: { workspaceId: demo.id }, include: { messages: true } });
    expect(tickets.length).toBeGreaterThanOrEqual(3);
    expect(tickets.every((t) => t.messages.length > 0)).toBe(true);

    const counts = async () => [await db().workspace.count(), await db().user.count(), await db().ticket.count(), await db().message.count()];
    const before = await counts();
    expect(await seedDemo(db())).toEqual({ created: false });
    expect(await counts()).toEqual(before);
  });

  it("lets the demo users sign in with the demo password only", async () => {
    await seedDemo(db());
    expect(await verifyCredentials(db(), DEMO_OWNER, DEMO_PASSWORD)).toMatchObject({ email: DEMO_OWNER });
    expect(await verifyCredentials(db(), " Agent@Demo.test ", DEMO_PASSWORD)).toMatchObject({ email: DEMO_AGENT });
    expect(await verifyCredentials(db(), DEMO_OWNER, "wrong-password")).toBeNull();
    expect(await verifyCredentials(db(), "nobody@demo.test", DEMO_PASSWORD)).toBeNull();
  });
});
