import { z } from "zod";

/** The channel the database triggers (migration live_events) and presence heartbeats NOTIFY on. */
export const LIVE_CHANNEL = "threadline_live";

/** Open streams one user may hold on one instance (tabs, devices); more is refused with 429. */
export const MAX_STREAMS_PER_USER = 8;

export const presenceStates = ["viewing", "typing-reply", "typing-note"] as const;
export type PresenceState = (typeof presenceStates)[number];

/**
 * A row change: "ticket" for the ticket, its messages, tags and timeline; "notification" for one
 * user's bell; "incoming" and "outbox" for the workspace's receive log and outbound mail.
 */
const changeSchema = z.object({
  kind: z.enum(["ticket", "notification", "incoming", "outbox"]),
  workspaceId: z.string(),
  ticketId: z.string().nullable(),
  userId: z.string().nullable(),
});

/** A heartbeat of someone on a ticket's page; "left" clears it before its expiry. */
const presenceSchema = z.object({
  kind: z.literal("presence"),
  workspaceId: z.string(),
  ticketId: z.string(),
  userId: z.string(),
  name: z.string(),
  state: z.enum([...presenceStates, "left"]),
});

const databaseEventSchema = z.discriminatedUnion("kind", [changeSchema, presenceSchema]);
export type DatabaseEvent = z.infer<typeof databaseEventSchema>;
export type PresenceEvent = z.infer<typeof presenceSchema>;

/** A NOTIFY payload, or null when it is not one of ours (never trusted blindly: any session may NOTIFY). */
export function parseDatabaseEvent(payload: string): DatabaseEvent | null {
  try {
    const parsed = databaseEventSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * What a browser receives: which kind of data changed, and on which ticket. "resync": events may
 * have been missed (the listener reconnected), so everything shown should be fetched again.
 */
export interface LiveEvent {
  kind: "ticket" | "notification" | "incoming" | "outbox" | "presence" | "resync";
  ticketId: string | null;
}

/** Who holds an open stream: events of their workspace, and notifications of their own. */
export interface LiveAudience {
  workspaceId: string;
  userId: string;
}

/** An event on its way to the streams: a notification's `userId` is its one recipient. */
export interface RoutedEvent extends LiveEvent {
  workspaceId: string;
  userId: string | null;
}

/** The event as `audience` may see it, or null when it is not theirs. */
export function eventFor(audience: LiveAudience, event: RoutedEvent): LiveEvent | null {
  if (event.workspaceId !== audience.workspaceId) return null;
  if (event.kind === "notification" && event.userId !== audience.userId) return null;
  return { kind: event.kind, ticketId: event.ticketId };
}
