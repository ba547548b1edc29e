import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";

/**
 * The list's orders: newest activity first, soonest SLA due time first (tickets with one only), or
 * a search's best matches first (among its newest matches, see ticketPage).
 */
export const TICKET_ORDERS = ["activity", "due", "relevance"] as const;
export type TicketOrder = (typeof TICKET_ORDERS)[number];

/** Where a list page ended: the last row's place in the list's order. */
export interface TicketCursor {
  order: TicketOrder;
  /** The last row's `lastActivityAt` (activity order) or `slaDueAt` (due order); unused by relevance. */
  at: Date;
  /** The last row's number; in relevance order, how many rows came before the next page. */
  ticketNumber: number;
}

const cursorJson = z.object({ a: z.iso.datetime(), n: z.number().int().min(0), o: z.enum(TICKET_ORDERS).default("activity") });

/** Opaque to clients: base64url of the last row's order key. */
export function encodeTicketCursor(cursor: TicketCursor): string {
  const order = cursor.order === "activity" ? {} : { o: cursor.order };
  return Buffer.from(JSON.stringify({ a: cursor.at.toISOString(), n: cursor.ticketNumber, ...order })).toString("base64url");
}

/** The order key in a cursor, or null when the text is not a cursor a list answered. */
export function decodeTicketCursor(text: string): TicketCursor | null {
  try {
    const { a, n, o } = cursorJson.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return { order: o, at: new Date(a), ticketNumber: n };
  } catch {
    return null;
  }
}

/** The `cursor` a list accepts: a string a previous page answered (a forged one is a 422). */
export const ticketCursorSchema = z
  .string()
  .max(200)
  .refine((text) => decodeTicketCursor(text) !== null, "Not a cursor this list answered; pass nextCursor from the previous page");

/** The SQL order of a list, with the column its cursor keeps. */
export const orderBy = (order: TicketOrder) =>
  order === "due" ? Prisma.sql`t."slaDueAt" ASC, t."ticketNumber" ASC` : Prisma.sql`t."lastActivityAt" DESC, t."ticketNumber" DESC`;

/** Rows after the cursor in the list's order. */
export function afterCursor(text: string | undefined): Prisma.Sql[] {
  const cursor = text === undefined ? null : decodeTicketCursor(text);
  // A relevance page starts at a position among the ranked matches, not after a key.
  if (!cursor || cursor.order === "relevance") return [];
  const at = cursor.at.toISOString();
  return cursor.order === "due"
    ? [Prisma.sql`(t."slaDueAt", t."ticketNumber") > (${at}::timestamp(3), ${cursor.ticketNumber})`]
    : [Prisma.sql`(t."lastActivityAt", t."ticketNumber") < (${at}::timestamp(3), ${cursor.ticketNumber})`];
}
