import { setTimeout as sleep } from "node:timers/promises";

export interface PollOptions {
  /** The whole wait; after it `pollUntil` answers null. */
  totalMs: number;
  firstPauseMs?: number;
  maxPauseMs?: number;
}

/**
 * Calls `attempt` (with its 0-based number) until it answers something other than null, pausing in
 * between — short pauses growing to `maxPauseMs`, jittered so waiters spread out. Meant for waiting
 * on another transaction's work without holding a connection: each attempt takes one briefly and
 * gives it back. Null when `totalMs` passed without an answer; an attempt's error ends the wait.
 */
export async function pollUntil<T>(attempt: (n: number) => Promise<T | null>, options: PollOptions): Promise<T | null> {
  const deadline = Date.now() + options.totalMs;
  let pause = options.firstPauseMs ?? 20;
  for (let n = 0; ; n++) {
    const answer = await attempt(n);
    if (answer !== null) return answer;
    const left = deadline - Date.now();
    if (left <= 0) return null;
    await sleep(Math.min(left, pause * (0.5 + Math.random())));
    pause = Math.min(pause * 1.5, options.maxPauseMs ?? 250);
  }
}
