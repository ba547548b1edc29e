// Issue 14's Done-when: a malformed id sent to any REST route or tRPC procedure that takes one is a
// 404 (or, where the id is in a body its schema checks, a 400/422 naming it), never a 5xx. The
// routes and procedures are enumerated (the route files, the app router, the OpenAPI operations),
// so a new one is covered without editing this file.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { operations } from "@/server/openapi/document";
import { useTestDatabase } from "@/test/database";
import { trpcAs } from "@/test/guards";
import { seedDiscardedMail } from "@/test/incoming-mails";
import { seedInboundWorkspace } from "@/test/inbound";
import { seedTicket } from "@/test/tickets";

const db = useTestDatabase();

const uuid = randomUUID();
const MALFORMED_IDS: Record<string, string> = {
  "not a uuid": "not-a-uuid",
  digits: "123",
  "a uuid with a NUL": `${uuid.slice(0, 8)}\u0000${uuid.slice(9)}`,
  "5,000 characters": "a".repeat(5000),
};

/** An input or body key naming rows by id: `ticketId`, `messageIds`, `customer_id`, `ids`. */
const isIdKey = (key: string) => /^ids?$|Ids?$|_ids?$/.test(key);
const malformedValue = (key: string, id: string) => (/ids$/i.test(key) ? [id] : id);

async function seed() {
  const ws = await seedInboundWorkspace(db());
  const w = ws.workspace.id;
  const { ticket, message } = await seedTicket(db(), w);
  const other = (await seedTicket(db(), w, { subject: "Other" })).ticket;
  const tag = await db().tag.create({ data: { workspaceId: w, name: "seeded" } });
  const list = await db().contactList.create({ data: { workspaceId: w, name: "Seeded list" } });
  const contact = await db().contact.create({ data: { workspaceId: w, email: "listed@example.test" } });
  await db().contactListMember.create({ data: { listId: list.id, contactId: contact.id } });
  const customer = await db().customer.create({ data: { workspaceId: w, name: "Acme" } });
  const rule = await db().automationRule.create({ data: { workspaceId: w, name: "Rule", event: "ticket_created", conditions: [], actions: [] } });
  const mail = await seedDiscardedMail(db(), ws);
  const notification = await db().notification.create({ data: { workspaceId: w, userId: ws.owner.user.id, type: "mention", title: "T" } });
  const token = await db().apiToken.findFirstOrThrow({ where: { workspaceId: w } });
  const member = await db().membership.findFirstOrThrow({ where: { workspaceId: w, role: "member" } });
  // A valid id for every id a route or procedure takes, so that only the malformed one is wrong.
  const ids: Record<string, string> = {
    workspaceId: w,
    ticketId: ticket.id,
    targetTicketId: other.id,
    messageIds: message.id,
    tagId: tag.id,
    listId: list.id,
    contactId: contact.id,
    customerId: customer.id,
    customer_id: customer.id,
    ruleId: rule.id,
    ids: rule.id,
    id: mail.id,
    incomingMailId: mail.id,
    notificationId: notification.id,
    tokenId: token.id,
    mailboxId: ws.ticketMailbox.id,
    userId: member.userId,
    assigneeId: member.userId,
  };
  return { ws, ids };
}
type Seeded = Awaited<ReturnType<typeof seed>>;
const validId = (s: Seeded, key: string) => s.ids[key] ?? randomUUID();

type RouteModule = Record<string, (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>;
const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");
const routeFile = (dir: string) => path.join(API_DIR, dir, "route.ts");

/** The REST route files with a path id, as `workspaces/[workspaceId]/tickets/[ticketId]` (catch-alls left out). */
function routeDirsWithIds(): string[] {
  return (fs.readdirSync(API_DIR, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "route.ts" && /\[\w+\]/.test(file) && !file.includes("[..."))
    .map((file) => path.dirname(file).split(path.sep).join("/"))
    .sort();
}

async function callRoute(s: Seeded, handler: RouteModule[string], method: string, params: Record<string, string>, body?: unknown) {
  const headers = new Headers({ authorization: `Bearer ${s.ws.owner.token}` });
  if (body !== undefined) headers.set("content-type", "application/json");
  const request = new Request("http://localhost/api/v1/x", { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await handler(request, { params: Promise.resolve(params) });
  const json = (await response.json().catch(() => null)) as { error?: { code?: string; details?: { fields?: Record<string, string> } } } | null;
  return { status: response.status, error: json?.error };
}

/** The methods a route file implements, from its OPTIONS answer's Allow. */
async function allowedMethods(module: RouteModule) {
  expect(module.OPTIONS, "every API route file exports OPTIONS (otherMethods)").toBeTypeOf("function");
  const response = await module.OPTIONS!(new Request("http://localhost/", { method: "OPTIONS" }), { params: Promise.resolve({}) });
  return (response.headers.get("allow") ?? "").split(", ").filter((method) => method !== "HEAD" && method !== "OPTIONS");
}

/** A 400/422 about the id names it (`messageIds` or `messageIds.0`); anything else must be a 404. */
function expectIdRefused(where: string, status: number, fields: Record<string, string> | undefined, key: string) {
  expect.soft(status, where).toBeLessThan(500);
  if (status === 400 || status === 422) {
    expect
      .soft(
        Object.keys(fields ?? {}).some((field) => field === key || field.startsWith(`${key}.`)),
        `${where}: names ${key}`,
      )
      .toBe(true);
  } else {
    expect.soft(status, where).toBe(404);
  }
}

// Required fields besides the ids, so that the id is what a body is refused for.
const REST_BODIES: Record<string, Record<string, unknown>> = {
  "post /api/v1/workspaces/{workspaceId}/tickets": { subject: "S", body: "B" },
  "post /api/v1/workspaces/{workspaceId}/tickets/{ticketId}/messages": { body: "B" },
  "post /api/v1/workspaces/{workspaceId}/tickets/{ticketId}/split": { newSubject: "N" },
  "post /api/v1/workspaces/{workspaceId}/contacts": { email: "new@example.test" },
};
const TRPC_INPUTS: Record<string, Record<string, unknown>> = {
  "ticket.create": { subject: "S", body: "B" },
  "ticket.addMessage": { body: "B" },
  "ticket.setStatus": { toStatus: "pending" },
  "ticket.split": { newSubject: "N" },
  "automation.test": { from_email: "a@b.example", subject: "S", body: "B" },
  "member.changeRole": { role: "member" },
  "contactList.addMember": { email: "m@example.test" },
  "contact.create": { email: "new@example.test" },
};

describe("a malformed id", () => {
  it("in a REST path is a 404 on every route and method", { timeout: 300_000 }, async () => {
    const s = await seed();
    let sent = 0;
    for (const dir of routeDirsWithIds()) {
      const module = (await import(routeFile(dir))) as RouteModule;
      const names = [...dir.matchAll(/\[(\w+)\]/g)].map(([, name]) => name!);
      for (const method of await allowedMethods(module)) {
        for (const name of names) {
          for (const [label, id] of Object.entries(MALFORMED_IDS)) {
            const params = Object.fromEntries(names.map((other) => [other, other === name ? id : validId(s, other)]));
            const answer = await callRoute(s, module[method]!, method, params);
            expect.soft(answer, `${method} ${dir} with ${name} ${label}`).toMatchObject({ status: 404, error: { code: "NOT_FOUND" } });
            sent++;
          }
        }
      }
    }
    console.log(`malformed path ids: ${sent} requests`);
    expect(sent).toBeGreaterThanOrEqual(100);
  });

  it("in a REST body is a 404 or a 400/422 naming it, never a 5xx", { timeout: 300_000 }, async () => {
    const s = await seed();
    let sent = 0;
    for (const operation of operations.filter((op) => op.path.startsWith("/api/v1/") && op.bodyType === undefined && op.body)) {
      const keys = Object.keys((operation.body as { shape?: object }).shape ?? {}).filter(isIdKey);
      const dir = operation.path.slice("/api/v1/".length).replace(/\{(\w+)\}/g, "[$1]");
      const module = (await import(routeFile(dir))) as RouteModule;
      const params = Object.fromEntries([...dir.matchAll(/\[(\w+)\]/g)].map(([, name]) => [name!, validId(s, name!)]));
      const base = REST_BODIES[`${operation.method} ${operation.path}`] ?? {};
      for (const key of keys) {
        for (const [label, id] of Object.entries(MALFORMED_IDS)) {
          const answer = await callRoute(s, module[operation.method.toUpperCase()]!, operation.method.toUpperCase(), params, {
            ...base,
            [key]: malformedValue(key, id),
          });
          expectIdRefused(
            `${operation.method} ${operation.path} with ${key} ${label} → ${answer.status} ${JSON.stringify(answer.error)}`,
            answer.status,
            answer.error?.details?.fields,
            key,
          );
          sent++;
        }
      }
    }
    console.log(`malformed body ids: ${sent} requests`);
    expect(sent).toBeGreaterThanOrEqual(20);
  });

  it("in a tRPC input is NOT_FOUND or a 400/422 naming it, for every procedure that takes an id", { timeout: 300_000 }, async () => {
    const s = await seed();
    const caller = trpcAs(db(), s.ws.owner.user.id) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    const procedures = (appRouter._def as unknown as { procedures: Record<string, { _def: { inputs: { shape?: object }[] } }> }).procedures;
    let sent = 0;
    for (const [name, procedure] of Object.entries(procedures)) {
      const keys = procedure._def.inputs.flatMap((input) => Object.keys(input.shape ?? {})).filter(isIdKey);
      const [routerName, procedureName] = name.split(".");
      const valid = Object.fromEntries(keys.map((key) => [key, malformedValue(key, validId(s, key))]));
      for (const key of keys) {
        for (const [label, id] of Object.entries(MALFORMED_IDS)) {
          const input = { workspaceSlug: s.ws.workspace.slug, ...TRPC_INPUTS[name], ...valid, [key]: malformedValue(key, id) };
          const error = await caller[routerName!]![procedureName!]!(input).then(
            () => null,
            (e: unknown) => e,
          );
          expect.soft(error, `${name} with ${key} ${label} succeeded`).toBeInstanceOf(TRPCError);
          if (error instanceof TRPCError) {
            const fields = (error.cause as { details?: { fields?: Record<string, string> } } | undefined)?.details?.fields;
            expectIdRefused(`${name} with ${key} ${label} → ${error.code} ${error.message.slice(0, 200)}`, getHTTPStatusCodeFromError(error), fields, key);
          }
          sent++;
        }
      }
    }
    console.log(`malformed tRPC ids: ${sent} calls`);
    expect(sent).toBeGreaterThanOrEqual(100);
  });
});
