import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { callRoute } from "@/test/http";
import { GET as getWorkspaceRoute } from "@/app/api/v1/workspaces/[workspaceId]/route";
import { createTicketInTx } from "@/server/tickets/create-ticket";

const db = useTestDatabase();
const sessionOf = (userId: string) => createCaller({ db: db(), caller: { kind: "session", userId } });

describe("tRPC workspace and ticket procedures", () => {
  it("give a member of workspace A a 404 for workspace B, as the REST route does", async () => {
    const a = await seedWorkspace(db());
    const b = await seedWorkspace(db());
    await db().$transaction((tx) =>
      createTicketInTx(tx, { workspaceId: b.workspace.id, subject: "B's secret", firstMessage: { direction: "inbound", bodyText: "x" } }),
    );
    const trpc = sessionOf(a.member.user.id);

    await expect(trpc.ticket.list({ workspaceSlug: b.workspace.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(trpc.workspace.get({ workspaceSlug: b.workspace.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const rest = await callRoute(getWorkspaceRoute, "GET", "/", { token: a.member.token, params: { workspaceId: b.workspace.id } });
    expect(rest.status).toBe(404);

    expect((await trpc.ticket.list({ workspaceSlug: a.workspace.slug })).tickets).toEqual([]);
  });

  it("lists the workspace's tickets newest activity first", async () => {
    const a = await seedWorkspace(db());
    for (const [subject, minutesAgo] of [
      ["older", 30],
      ["newest", 1],
      ["middle", 10],
    ] as const) {
      await db().$transaction((tx) =>
        createTicketInTx(tx, {
          workspaceId: a.workspace.id,
          subject,
          createdAt: new Date(Date.now() - minutesAgo * 60_000),
          firstMessage: { direction: "inbound", bodyText: subject },
        }),
      );
    }
    const { tickets, total } = await sessionOf(a.member.user.id).ticket.list({ workspaceSlug: a.workspace.slug });
    expect(total).toBe(3);
    expect(tickets.map((t) => t.subject)).toEqual(["newest", "middle", "older"]);
    expect(tickets.map((t) => t.ticketNumber)).toEqual([2, 3, 1]);
  });

  it("lists a user's workspaces and lets only owners update settings", async () => {
    const a = await seedWorkspace(db());
    expect((await sessionOf(a.member.user.id).workspace.mine()).map((w) => w.slug)).toEqual([a.workspace.slug]);
    await expect(
      sessionOf(a.member.user.id).workspace.update({ workspaceSlug: a.workspace.slug, settings: { unmatchedInbound: "discard" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const updated = await sessionOf(a.owner.user.id).workspace.update({ workspaceSlug: a.workspace.slug, settings: { unmatchedInbound: "discard" } });
    expect(updated.settings.unmatchedInbound).toBe("discard");
  });

  it("refuses anonymous callers", async () => {
    const a = await seedWorkspace(db());
    const anonymous = createCaller({ db: db(), caller: null });
    await expect(anonymous.ticket.list({ workspaceSlug: a.workspace.slug })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
