import type { LiveEvent } from "@/server/live/live-events";

/** A live-event stream being read: its events as they come, and the comments (heartbeats) seen. */
export interface LiveEventReader {
  /** The next event matching `match`, or an error after `timeoutMs`. */
  next(match?: (event: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  /** Whether an event matching `match` arrives within `ms` (to show one does not). */
  arrivesWithin(ms: number, match?: (event: LiveEvent) => boolean): Promise<boolean>;
  /** Everything the stream sent so far. */
  text(): string;
  close(): Promise<void>;
}

/** Reads a text/event-stream response (GET …/events); `onEvent` sees each event as it arrives. */
export function readLiveEvents(response: Response, onEvent?: (event: LiveEvent) => void): LiveEventReader {
  if (!response.body) throw new Error(`no stream (HTTP ${response.status})`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: LiveEvent[] = [];
  const waiting = new Set<() => void>();
  let text = "";
  let buffer = "";
  void (async () => {
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        text += chunk.value;
        buffer += chunk.value;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const data = buffer
            .slice(0, end)
            .split("\n")
            .filter((line) => line.startsWith("data: "))
            .map((line) => line.slice("data: ".length));
          buffer = buffer.slice(end + 2);
          if (data.length === 0) continue;
          const event = JSON.parse(data.join("\n")) as LiveEvent;
          onEvent?.(event);
          events.push(event);
        }
        waiting.forEach((wake) => wake());
      }
    } catch {
      // Cancelled by close().
    }
  })();
  const take = (match: (event: LiveEvent) => boolean) => {
    const index = events.findIndex(match);
    return index < 0 ? undefined : events.splice(index, 1)[0];
  };
  const wait = (match: (event: LiveEvent) => boolean, ms: number) =>
    new Promise<LiveEvent | undefined>((resolve) => {
      const found = take(match);
      if (found) return resolve(found);
      const wake = () => {
        const event = take(match);
        if (!event) return;
        done(event);
      };
      const done = (event: LiveEvent | undefined) => {
        clearTimeout(timer);
        waiting.delete(wake);
        resolve(event);
      };
      const timer = setTimeout(() => done(undefined), ms);
      waiting.add(wake);
    });
  const any = () => true;
  return {
    async next(match = any, timeoutMs = 5_000) {
      const event = await wait(match, timeoutMs);
      if (!event) throw new Error(`no matching live event within ${timeoutMs} ms; the stream sent:\n${text}`);
      return event;
    },
    arrivesWithin: async (ms, match = any) => (await wait(match, ms)) !== undefined,
    text: () => text,
    close: () => reader.cancel(),
  };
}
