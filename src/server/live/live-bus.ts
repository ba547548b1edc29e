import { db, listenToDatabase, type Db, type Unlisten } from "@/server/db";
import { AppError } from "@/server/errors";
import { eventFor, LIVE_CHANNEL, MAX_STREAMS_PER_USER, parseDatabaseEvent, type LiveAudience, type LiveEvent, type RoutedEvent } from "./live-events";
import { PresenceStore } from "./presence-store";

const SWEEP_MS = 1_000;

export interface LiveSubscriber extends LiveAudience {
  send: (event: LiveEvent) => void;
}

interface LiveBus {
  subscribers: Set<LiveSubscriber>;
  presence: PresenceStore;
  /** The LISTEN, on the database it was opened on (tests swap the process's database). */
  listening?: { db: Db; ready: Promise<Unlisten> };
  sweep?: NodeJS.Timeout;
}

// One bus per process, whichever bundle loads this module.
const bus: LiveBus = ((globalThis as unknown as { threadlineLiveBus?: LiveBus }).threadlineLiveBus ??= {
  subscribers: new Set(),
  presence: new PresenceStore(),
});

function deliver(event: RoutedEvent) {
  for (const subscriber of bus.subscribers) {
    const visible = eventFor(subscriber, event);
    if (visible) subscriber.send(visible);
  }
}

function onPayload(payload: string) {
  const event = parseDatabaseEvent(payload);
  if (!event) return;
  if (event.kind === "presence" && !bus.presence.apply(event, Date.now())) return;
  deliver(event);
}

function sweepPresence() {
  for (const ticket of bus.presence.expire(Date.now())) deliver({ kind: "presence", ...ticket, userId: null });
}

/** Starts this process's LISTEN (once per database) and the presence expiry; resolves once it listens. */
export async function ensureListening(): Promise<void> {
  const database = db();
  if (bus.listening?.db !== database) {
    const listening = {
      db: database,
      ready: listenToDatabase(LIVE_CHANNEL, {
        onPayload,
        onGap: () => bus.subscribers.forEach((subscriber) => subscriber.send({ kind: "resync", ticketId: null })),
      }),
    };
    bus.listening = listening;
    // A failed start is tried again by the next caller.
    listening.ready.catch(() => {
      if (bus.listening === listening) bus.listening = undefined;
    });
  }
  bus.sweep ??= setInterval(sweepPresence, SWEEP_MS).unref();
  await bus.listening.ready;
}

/** Adds a stream's subscriber, refused with RATE_LIMITED past MAX_STREAMS_PER_USER; returns its removal. */
export async function subscribe(subscriber: LiveSubscriber): Promise<() => void> {
  await ensureListening();
  // Counted after the wait, next to the add: concurrent opens cannot all pass the check.
  const open = [...bus.subscribers].filter((other) => other.userId === subscriber.userId).length;
  if (open >= MAX_STREAMS_PER_USER) {
    throw new AppError("RATE_LIMITED", `At most ${MAX_STREAMS_PER_USER} live connections per user: close another tab.`, { retryAfterSeconds: 30 });
  }
  bus.subscribers.add(subscriber);
  return () => void bus.subscribers.delete(subscriber);
}

/** Who is on the workspace's ticket pages now (of one ticket, when given), as this instance heard. */
export async function presenceOf(workspaceId: string, ticketId?: string) {
  await ensureListening();
  return bus.presence.list(workspaceId, Date.now(), ticketId);
}
