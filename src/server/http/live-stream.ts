import type { WorkspaceAccess } from "@/server/auth/access";
import { subscribe } from "@/server/live/live-bus";
import type { LiveEvent } from "@/server/live/live-events";
import { endOnStop } from "@/server/open-ended";

/** A comment this often keeps proxies from closing a quiet stream and shows a dead one. */
export const HEARTBEAT_MS = 15_000;
/** How long a browser waits before it reconnects a dropped stream. */
const RETRY_MS = 2_000;

const encoder = new TextEncoder();

/**
 * The caller's live events as Server-Sent Events: `data: {"kind","ticketId"}` per change of their
 * workspace (notifications of their own only), until the client leaves or the server stops.
 */
export async function liveEventStream(access: WorkspaceAccess, signal: AbortSignal): Promise<Response> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let ended = false;
  let unsubscribe = () => {};
  let forgetOnStop = () => {};
  const write = (text: string) => {
    if (!ended) controller.enqueue(encoder.encode(text));
  };
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    forgetOnStop();
    try {
      controller.close();
    } catch {
      // Already cancelled by the client.
    }
  };
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: end,
  });
  unsubscribe = await subscribe({
    workspaceId: access.workspace.id,
    userId: access.user.id,
    send: (event: LiveEvent) => write(`data: ${JSON.stringify(event)}\n\n`),
  });
  forgetOnStop = endOnStop(end);
  write(`retry: ${RETRY_MS}\n: connected\n\n`);
  const heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);
  if (signal.aborted) end();
  else signal.addEventListener("abort", end, { once: true });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: no compression, which would hold events back in its buffer.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
