// A malformed value in a query of ours (SQLSTATE 22P02, Prisma P2023) answers 404 on the CRUD routes,
// where it came from the URL; on an inbound route it is a server-side failure: 500, so the provider
// retries instead of dropping the mail.
import { describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/database";
import { newMessageId, postHelpdesk, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { postProvider } from "@/test/provider-inbound";
import type * as ingest from "@/server/inbound/ingest";

const failure = vi.hoisted(() => ({ query: null as null | ((db: Parameters<typeof ingest.ingestInboundEmail>[0]) => Promise<unknown>) }));

vi.mock("@/server/inbound/ingest", async (importOriginal) => {
  const actual = await importOriginal<typeof ingest>();
  return {
    ...actual,
    ingestInboundEmail: async (...args: Parameters<typeof actual.ingestInboundEmail>) => {
      if (failure.query) await failure.query(args[0]);
      return actual.ingestInboundEmail(...args);
    },
  };
});

const db = useTestDatabase();

describe("a malformed value in a query of an inbound route", () => {
  it.each([
    ["22P02 (raw query)", (database: Parameters<typeof ingest.ingestInboundEmail>[0]) => database.$queryRaw`SELECT ${"not-a-uuid"}::uuid`],
    ["P2023 (model query)", (database: Parameters<typeof ingest.ingestInboundEmail>[0]) => database.ticket.findFirst({ where: { id: "not-a-uuid" } })],
  ])("answers 500 on every inbound route for %s, never 404, and the retry stores the mail", async (_name, query) => {
    const ws = await seedInboundWorkspace(db());
    const to = ws.ticketMailbox.address;
    const secret = ws.ticketMailbox.inboundSecret;
    const ids = [newMessageId(), newMessageId(), newMessageId()];
    const sendAll = () =>
      Promise.all([
        postRpc({ organizationId: ws.workspace.id, from: "a@customer.example", to, subject: "rpc", text: "rpc", messageId: ids[0] }),
        postHelpdesk({ from: "b@customer.example", to, subject: "helpdesk", text: "helpdesk", message_id: ids[1] }, { secret }),
        postProvider(
          "mime",
          [`From: c@customer.example`, `To: ${to}`, "Subject: mime", `Message-ID: ${ids[2]}`, "", "mime", ""].join("\r\n"),
          "message/rfc822",
          { secret },
        ),
      ]);

    // The route logs the failure; the test expects it.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    failure.query = query;
    const failed = await sendAll();
    expect(failed.map((answer) => [answer.status, answer.json.error.code])).toEqual(Array(3).fill([500, "INTERNAL"]));

    failure.query = null;
    vi.mocked(console.error).mockRestore();
    const stored = await sendAll();
    expect(stored.map((answer) => answer.status)).toEqual([200, 200, 200]);
  });
});
