import { describe, expect, it } from "vitest";
import { eventFor, parseDatabaseEvent } from "./live-events";

const owner = { workspaceId: "w1", userId: "owner" };

describe("live event scoping", () => {
  it("shows a ticket change to every member of its workspace only", () => {
    const change = { kind: "ticket" as const, workspaceId: "w1", ticketId: "t1", userId: null };
    expect(eventFor(owner, change)).toEqual({ kind: "ticket", ticketId: "t1" });
    expect(eventFor({ workspaceId: "w2", userId: "owner" }, change)).toBeNull();
  });

  it("shows a notification to its own user only", () => {
    const notification = { kind: "notification" as const, workspaceId: "w1", ticketId: null, userId: "member" };
    expect(eventFor(owner, notification)).toBeNull();
    expect(eventFor({ workspaceId: "w1", userId: "member" }, notification)).toEqual({ kind: "notification", ticketId: null });
  });

  it("reads the triggers' payloads and ignores anything else sent on the channel", () => {
    expect(parseDatabaseEvent('{"workspaceId" : "w1", "ticketId" : "t1", "kind" : "ticket", "userId" : null}')).toEqual({
      kind: "ticket",
      workspaceId: "w1",
      ticketId: "t1",
      userId: null,
    });
    expect(parseDatabaseEvent("not json")).toBeNull();
    expect(parseDatabaseEvent('{"kind":"presence","workspaceId":"w1"}')).toBeNull();
  });
});
