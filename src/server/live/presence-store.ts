import type { PresenceEvent, PresenceState } from "./live-events";

/** A heartbeat keeps its entry this long; the page sends one well within it (see use-presence.ts). */
export const PRESENCE_TTL_MS = 15_000;

export interface PresenceEntry {
  ticketId: string;
  userId: string;
  name: string;
  state: PresenceState;
  expiresAt: number;
}

export interface TicketRef {
  workspaceId: string;
  ticketId: string;
}

/**
 * Who is on which ticket's page, per workspace, kept in memory from the heartbeats every instance
 * hears: no table, and an instance that starts knows everyone after one heartbeat interval.
 */
export class PresenceStore {
  private readonly workspaces = new Map<string, Map<string, PresenceEntry>>();

  /** Records a heartbeat (or a leave); true when what a page shows changed. */
  apply(event: PresenceEvent, now: number): boolean {
    const key = `${event.ticketId}:${event.userId}`;
    let entries = this.workspaces.get(event.workspaceId);
    const before = entries?.get(key);
    if (event.state === "left") {
      if (!before) return false;
      entries!.delete(key);
      if (entries!.size === 0) this.workspaces.delete(event.workspaceId);
      return true;
    }
    if (!entries) this.workspaces.set(event.workspaceId, (entries = new Map<string, PresenceEntry>()));
    entries.set(key, { ticketId: event.ticketId, userId: event.userId, name: event.name, state: event.state, expiresAt: now + PRESENCE_TTL_MS });
    return before?.state !== event.state || before.name !== event.name;
  }

  /** The workspace's live entries (of one ticket, when given), oldest arrivals first. */
  list(workspaceId: string, now: number, ticketId?: string): PresenceEntry[] {
    return [...(this.workspaces.get(workspaceId)?.values() ?? [])].filter((entry) => entry.expiresAt > now && (!ticketId || entry.ticketId === ticketId));
  }

  /** Drops the entries whose heartbeats stopped; returns the tickets whose presence changed. */
  expire(now: number): TicketRef[] {
    const changed: TicketRef[] = [];
    for (const [workspaceId, entries] of this.workspaces) {
      for (const [key, entry] of entries) {
        if (entry.expiresAt > now) continue;
        entries.delete(key);
        changed.push({ workspaceId, ticketId: entry.ticketId });
      }
      if (entries.size === 0) this.workspaces.delete(workspaceId);
    }
    return changed;
  }
}
