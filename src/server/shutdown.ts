import diagnosticsChannel from "node:diagnostics_channel";
import type { Server } from "node:http";
import { endOpenEndedResponses } from "./open-ended";

/**
 * The HTTP servers of this process. Next.js creates its own and does not hand it over, so we learn
 * of it from its first request; a server that never had one has nothing to finish.
 */
const servers = new Set<Server>();
diagnosticsChannel.subscribe("http.server.request.start", (message) => {
  servers.add((message as { server: Server }).server);
});

function closeServers(): Promise<unknown> {
  const closing = Promise.all([...servers].map(closeServer));
  endOpenEndedResponses();
  return closing;
}

/** Requests still running this long after a stop signal are cut off. */
const drainMs = 10_000;

/** Stops accepting connections and waits for the running requests (bounded by drainMs). */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => server.closeAllConnections(), drainMs);
    server.close(() => {
      clearTimeout(cutOff);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * On the first SIGTERM or SIGINT: close the HTTP servers (running requests finish), then run
 * `steps` in order (stop the job poller, close the database), then exit — 0, or 1 when a step
 * failed. Repeats are ignored: a stop signal sent to the whole process group (Ctrl-C, systemd)
 * also arrives through the parent's relay, and dying mid-close would leave the embedded
 * database's lock and an unclean folder behind.
 */
export function closeOnStopSignals(...steps: (() => void | Promise<void>)[]): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    console.log(`${signal}: closing the server and the database…`);
    void (async () => {
      let failed = false;
      for (const step of [closeServers, ...steps]) {
        try {
          await step();
        } catch (error) {
          failed = true;
          console.error("Shutdown step failed", error);
        }
      }
      console.log(`Closed in ${Date.now() - started} ms.`);
      process.exit(failed ? 1 : 0);
    })();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
