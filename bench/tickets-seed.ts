// The ticket benchmark's data, written set-based: a few statements per workspace, the search
// documents built in one pass per batch (the per-message trigger is paused meanwhile) and the GIN
// index made once at the end, so a million tickets take minutes.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";

const WORDS = [
  "invoice",
  "refund",
  "login",
  "password",
  "export",
  "billing",
  "crash",
  "upgrade",
  "shipping",
  "delivery",
  "account",
  "error",
  "timeout",
  "mobile",
  "report",
];
const WORKSPACES = 12;
/** Share of all tickets in the measured workspace. */
const BIG_SHARE = 0.45;
const BATCH = 50_000;

export interface SeededTickets {
  workspaceId: string;
  agentId: string;
  /** The measured workspace's ticket number 1: 50 messages and 20 timeline entries. */
  bigTicketId: string;
}

async function seedWorkspace(db: Db, index: number, count: number) {
  const contacts = Math.max(100, Math.round(count / 20));
  const ws = await db.workspace.create({ data: { name: `Bench ${index}`, slug: `bench-${index}`, lastTicketNumber: count } });
  const agents = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      db.user.create({ data: { email: `agent${i}-${index}@bench.test`, name: `Agent ${i}`, memberships: { create: { workspaceId: ws.id } } } }),
    ),
  );
  const tags = await Promise.all(Array.from({ length: 10 }, (_, i) => db.tag.create({ data: { workspaceId: ws.id, name: `tag${i}` } })));
  const words = Prisma.sql`ARRAY[${Prisma.join(WORDS)}]`;
  const agentIds = Prisma.sql`ARRAY[${Prisma.join(agents.map((a) => a.id))}]::uuid[]`;
  const tagIds = Prisma.sql`ARRAY[${Prisma.join(tags.map((t) => t.id))}]::uuid[]`;
  await db.$executeRaw`
    INSERT INTO "Customer" ("id", "workspaceId", "name", "updatedAt")
    SELECT gen_random_uuid(), ${ws.id}::uuid, 'Customer ' || n, now() FROM generate_series(1, 500) n`;
  await db.$executeRaw`
    INSERT INTO "Contact" ("id", "workspaceId", "email", "name", "customerId", "updatedAt")
    SELECT gen_random_uuid(), ${ws.id}::uuid, 'customer' || n || '@example.com', 'Customer ' || n, cu."id", now()
    FROM generate_series(1, ${contacts}::int) n JOIN "Customer" cu ON cu."workspaceId" = ${ws.id}::uuid AND cu."name" = 'Customer ' || (1 + n % 500)`;
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    await db.$executeRaw`
      INSERT INTO "Ticket" ("id", "workspaceId", "ticketNumber", "subject", "status", "priority", "assigneeId", "contactId", "customerId",
        "archivedAt", "resolutionDueAt", "lastActivityAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${ws.id}::uuid, n,
        initcap((${words})[1 + n % 15]) || ' ' || (${words})[1 + (n / 15) % 15] || ' question ' || n,
        (ARRAY['open','pending','closed']::"TicketStatus"[])[1 + n % 3],
        (ARRAY['low','normal','high','urgent']::"TicketPriority"[])[1 + n % 4],
        CASE WHEN n % 6 = 0 THEN NULL ELSE (${agentIds})[1 + n % 5] END,
        c."id", c."customerId",
        CASE WHEN n % 20 = 7 THEN now() END,
        -- Open and pending, high or urgent (1 ticket in 3): an SLA target due within a few days, some breached.
        CASE WHEN n % 3 <> 2 AND n % 4 >= 2 THEN now() + ((n % 7000) - 1000 || ' minutes')::interval END,
        now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval, now()
      FROM generate_series(${from}::int, ${to}::int) AS n
      JOIN "Contact" c ON c."workspaceId" = ${ws.id}::uuid AND c."email" = 'customer' || (1 + n % ${contacts}::int) || '@example.com'`;
    // 1 to 9 messages per ticket (5 on average), 50 on ticket number 1.
    await db.$executeRaw`
      INSERT INTO "Message" ("id", "workspaceId", "ticketId", "direction", "bodyText", "fromAddress", "createdAt")
      SELECT gen_random_uuid(), t."workspaceId", t."id", 'inbound',
        'Hello, about my ' || (${words})[1 + (t."ticketNumber" * 7 + m) % 15] || ': the ' || (${words})[1 + (m * 3) % 15] || ' does not work since ' || m || ' days.',
        'customer' || t."ticketNumber" || '@example.com', t."createdAt" + (m || ' minutes')::interval
      FROM "Ticket" t, generate_series(1, 50) AS m
      WHERE t."workspaceId" = ${ws.id}::uuid AND t."ticketNumber" BETWEEN ${from} AND ${to} AND (m <= 1 + t."ticketNumber" % 9 OR t."ticketNumber" = 1)`;
    await db.$executeRaw`
      UPDATE "Ticket" t SET "searchDocument" = to_tsvector('english', t."subject" || ' ' || (SELECT string_agg(m."bodyText", ' ') FROM "Message" m WHERE m."ticketId" = t."id"))
      WHERE t."workspaceId" = ${ws.id}::uuid AND t."ticketNumber" BETWEEN ${from} AND ${to}`;
    await db.$executeRaw`
      INSERT INTO "TicketTag" ("ticketId", "tagId")
      SELECT t."id", (${tagIds})[1 + t."ticketNumber" % 10] FROM "Ticket" t
      WHERE t."workspaceId" = ${ws.id}::uuid AND t."ticketNumber" BETWEEN ${from} AND ${to} AND t."ticketNumber" % 2 = 0`;
  }
  const big = await db.ticket.findFirstOrThrow({ where: { workspaceId: ws.id, ticketNumber: 1 } });
  await db.$executeRaw`
    INSERT INTO "ActivityEvent" ("id", "workspaceId", "ticketId", "type", "actorUserId", "data", "createdAt")
    SELECT gen_random_uuid(), ${ws.id}::uuid, ${big.id}::uuid, 'status_changed', ${agents[0]!.id}::uuid,
      jsonb_build_object('from', 'open', 'to', 'pending'), now() - (n || ' minutes')::interval
    FROM generate_series(1, 20) n`;
  return { workspaceId: ws.id, agentId: agents[1]!.id, bigTicketId: big.id };
}

export async function seedTickets(db: Db, tickets: number): Promise<SeededTickets> {
  await db.$executeRawUnsafe(`ALTER TABLE "Message" DISABLE TRIGGER "Message_searchDocument_insert"`);
  await db.$executeRawUnsafe(`DROP INDEX "Ticket_searchDocument_idx"`);
  const big = Math.round(tickets * BIG_SHARE);
  const measured = await seedWorkspace(db, 0, big);
  for (let i = 1; i < WORKSPACES; i++) await seedWorkspace(db, i, Math.round((tickets - big) / (WORKSPACES - 1)));
  await db.$executeRawUnsafe(`CREATE INDEX "Ticket_searchDocument_idx" ON "Ticket" USING GIN ("searchDocument")`);
  await db.$executeRawUnsafe(`ALTER TABLE "Message" ENABLE TRIGGER "Message_searchDocument_insert"`);
  // What autovacuum would have done by the time a workspace is this big: statistics and the
  // visibility map (which lets counts read the index alone).
  await db.$executeRawUnsafe("VACUUM ANALYZE");
  return measured;
}

/** What an earlier run seeded (kept with --reuse), or null. */
export async function findSeededTickets(db: Db): Promise<SeededTickets | null> {
  const [row] = await db.$queryRaw<SeededTickets[]>`
    SELECT w."id" AS "workspaceId", u."id" AS "agentId", t."id" AS "bigTicketId"
    FROM "Workspace" w JOIN "User" u ON u."email" = 'agent1-0@bench.test' JOIN "Ticket" t ON t."workspaceId" = w."id" AND t."ticketNumber" = 1
    WHERE w."slug" = 'bench-0'`;
  return row ?? null;
}
