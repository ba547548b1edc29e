import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";

/** Where a list page ended: the last row's place in the list's order. */
export interface TicketCursor {
  lastActivityAt: Date;
  ticketNumber: number;
}

const cursorJson = z.object({ a: z.iso.datetime(), n: z.number().int().min(0) });

/** Opaque to clients: base64url of the last row's order key. */
export function encodeTicketCursor(cursor: TicketCursor): string {
  return Buffer.from(JSON.stringify({ a: cursor.lastActivityAt.toISOString(), n: cursor.ticketNumber })).toString("base64url");
}

/** The order key in a cursor, or null when the text is not a cursor a list answered. */
export function decodeTicketCursor(text: string): TicketCursor | null {
  try {
    const { a, n } = cursorJson.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return { lastActivityAt: new Date(a), ticketNumber: n };
  } catch {
    return null;
  }
}

/** The `cursor` a list accepts: a string a previous page answered (a forged one is a 422). */
export const ticketCursorSchema = z
  .string()
  .max(200)
  .refine((text) => decodeTicketCursor(text) !== null, "Not a cursor this list answered; pass nextCursor from the previous page");

/** Rows after the cursor in the list's order (newest activity, then highest number, first). */
export function afterCursor(text: string | undefined): Prisma.Sql[] {
  const cursor = text === undefined ? null : decodeTicketCursor(text);
  if (!cursor) return [];
  return [Prisma.sql`(t."lastActivityAt", t."ticketNumber") < (${cursor.lastActivityAt.toISOString()}::timestamp(3), ${cursor.ticketNumber})`];
}
