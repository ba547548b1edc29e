// The app's round trips and CPU per inbound email, in-process: the body validated and normalized and
// the ingest service called as the webhook's route does (without HTTP), one email at a time so each
// one's statements and CPU are its own. On PGlite the CPU includes the embedded database's.
import { pgStatementsSent } from "./lib";
import { openDatabase } from "@/server/db";
import { databaseConfigFromUrl } from "@/server/db/config";
import { ingestInboundEmail } from "@/server/inbound/ingest";
import { normalizeRpcInbound } from "@/server/inbound/normalize";
import { rpcInboundSchema } from "@/server/inbound/inbound.schema";

export interface PerEmail {
  emails: number;
  /** Statements Prisma reported (onQuery events). */
  reported: number;
  /**
   * BEGINs Prisma does not report: one per COMMIT or ROLLBACK of a transaction whose BEGIN was not
   * reported (the ingest's BEGIN travels with its first statement and is reported with it).
   */
  begins: number;
  /** Statements on the wire (pg clients; PostgreSQL only), to check the two above. */
  wire: number;
  cpuMicros: number;
}

export async function statementsPerEmail(
  url: string,
  workspaceId: string,
  emails: { body: Record<string, unknown>; isReply: boolean }[],
): Promise<{ newTicket: PerEmail; reply: PerEmail }> {
  let reported = 0;
  let ends = 0;
  const handle = openDatabase(databaseConfigFromUrl(url), {
    onQuery: ({ query }) => {
      reported++;
      // Prisma reports a transaction's end but not its BEGIN: one unreported BEGIN per COMMIT or ROLLBACK,
      // less those reported within a statement (BEGIN travelling with the ingest's first statement).
      if (/^\s*(COMMIT|ROLLBACK)\b/i.test(query)) ends++;
      if (/\bBEGIN\b/.test(query)) ends--;
    },
  });
  const figures = () => ({ emails: 0, reported: 0, begins: 0, wire: 0, cpuMicros: 0 });
  const totals = { newTicket: figures(), reply: figures() };
  try {
    const workspace = await handle.db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    for (const { body, isReply } of emails) {
      const before = { reported, ends, wire: pgStatementsSent(), cpu: process.cpuUsage() };
      const result = await ingestInboundEmail(handle.db, { workspace, mailbox: null }, normalizeRpcInbound(rpcInboundSchema.parse(body)));
      if (!result.ticketId) throw new Error("An email was not routed to a ticket");
      const cpu = process.cpuUsage(before.cpu);
      const into = isReply ? totals.reply : totals.newTicket;
      into.emails++;
      into.reported += reported - before.reported;
      into.begins += ends - before.ends;
      into.wire += pgStatementsSent() - before.wire;
      into.cpuMicros += cpu.user + cpu.system;
    }
  } finally {
    await handle.close();
  }
  return totals;
}
