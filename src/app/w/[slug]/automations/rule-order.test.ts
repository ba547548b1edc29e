import { describe, expect, it } from "vitest";
import { moveRule } from "./rule-order";

const rules = [
  { id: "t1", event: "ticket_created" },
  { id: "c1", event: "conversation_created" },
  { id: "t2", event: "ticket_created" },
  { id: "t3", event: "ticket_created" },
  { id: "c2", event: "conversation_created" },
];
const ids = (list: { id: string }[] | null) => list?.map((r) => r.id);

describe("moveRule", () => {
  it("moves a rule within its event and leaves the other event's rules in their slots", () => {
    expect(ids(moveRule(rules, "t3", "t1"))).toEqual(["t3", "c1", "t1", "t2", "c2"]);
    expect(ids(moveRule(rules, "t1", "t3"))).toEqual(["t2", "c1", "t3", "t1", "c2"]);
    expect(ids(moveRule(rules, "c2", "c1"))).toEqual(["t1", "c2", "t2", "t3", "c1"]);
  });

  it("answers null when nothing moves: the same place, an unknown id, another event's rule", () => {
    expect(moveRule(rules, "t1", "t1")).toBeNull();
    expect(moveRule(rules, "nope", "t1")).toBeNull();
    expect(moveRule(rules, "t1", "c1")).toBeNull();
  });
});
