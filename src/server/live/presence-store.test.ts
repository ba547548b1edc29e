import { describe, expect, it } from "vitest";
import type { PresenceEvent } from "./live-events";
import { PRESENCE_TTL_MS, PresenceStore } from "./presence-store";

const heartbeat = (state: PresenceEvent["state"], userId = "u1", ticketId = "t1"): PresenceEvent => ({
  kind: "presence",
  workspaceId: "w1",
  ticketId,
  userId,
  name: `User ${userId}`,
  state,
});

describe("presence store", () => {
  it("keeps one entry per user and ticket, reporting only changes a page shows", () => {
    const store = new PresenceStore();
    expect(store.apply(heartbeat("viewing"), 0)).toBe(true);
    expect(store.apply(heartbeat("viewing"), 1_000)).toBe(false);
    expect(store.apply(heartbeat("typing-reply"), 2_000)).toBe(true);
    store.apply(heartbeat("viewing", "u2", "t2"), 2_000);
    expect(store.list("w1", 2_000, "t1")).toEqual([
      { ticketId: "t1", userId: "u1", name: "User u1", state: "typing-reply", expiresAt: 2_000 + PRESENCE_TTL_MS },
    ]);
    expect(store.list("w1", 2_000).map((entry) => entry.ticketId)).toEqual(["t1", "t2"]);
    expect(store.list("w2", 2_000)).toEqual([]);
  });

  it("drops an entry when its user leaves, and when the heartbeats stop", () => {
    const store = new PresenceStore();
    store.apply(heartbeat("viewing", "u1"), 0);
    store.apply(heartbeat("viewing", "u2"), 5_000);
    expect(store.apply(heartbeat("left", "u1"), 6_000)).toBe(true);
    expect(store.apply(heartbeat("left", "u1"), 6_000)).toBe(false);
    expect(store.expire(5_000 + PRESENCE_TTL_MS - 1)).toEqual([]);
    expect(store.list("w1", 5_000 + PRESENCE_TTL_MS)).toEqual([]);
    expect(store.expire(5_000 + PRESENCE_TTL_MS)).toEqual([{ workspaceId: "w1", ticketId: "t1" }]);
  });
});
