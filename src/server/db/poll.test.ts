import { describe, expect, it } from "vitest";
import { pollUntil } from "./poll";

describe("pollUntil", () => {
  it("calls the attempt, numbered, until it answers, pausing between calls", async () => {
    const calls: number[] = [];
    const started = performance.now();
    const answer = await pollUntil(
      (n) => {
        calls.push(n);
        return Promise.resolve(n === 3 ? "done" : null);
      },
      { totalMs: 5000, firstPauseMs: 10 },
    );
    expect([answer, calls]).toEqual(["done", [0, 1, 2, 3]]);
    // Three pauses of at least half of 10, 15 and 22.5 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(20);
  });

  it("answers null once the whole wait passed without an answer", async () => {
    let calls = 0;
    const started = performance.now();
    const answer = await pollUntil(
      () => {
        calls++;
        return Promise.resolve(null);
      },
      { totalMs: 200, firstPauseMs: 10, maxPauseMs: 40 },
    );
    const waited = performance.now() - started;
    expect(answer).toBeNull();
    expect(calls).toBeGreaterThan(3);
    expect(waited).toBeGreaterThanOrEqual(195);
    expect(waited).toBeLessThan(2000);
  });

  it("ends the wait with an attempt's error", async () => {
    let calls = 0;
    const failing = pollUntil(
      (n) => {
        calls++;
        return n === 1 ? Promise.reject(new Error("routing failed")) : Promise.resolve(null);
      },
      { totalMs: 5000, firstPauseMs: 1 },
    );
    await expect(failing).rejects.toThrow("routing failed");
    expect(calls).toBe(2);
  });
});
