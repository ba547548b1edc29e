import pg from "pg";

export interface NotificationHandlers {
  onPayload: (payload: string) => void;
  /** The connection was lost and is back: notifications sent meanwhile were missed. */
  onGap: () => void;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/**
 * LISTENs on one dedicated connection (a pooled one would be handed to other queries), opened
 * again with backoff when it is lost. Resolves with its stop function once it listens (or its first
 * attempt failed: it keeps trying, and reports the gap when it is back).
 */
export async function listenOnPostgres(url: string, channel: string, handlers: NotificationHandlers, connectTimeoutMs: number): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let failures = 0;
  let lost = false;
  let retry: NodeJS.Timeout | undefined;

  const scheduleRetry = () => {
    if (stopped) return;
    lost = true;
    retry = setTimeout(() => void connect(), Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures++));
    retry.unref();
  };

  const connect = async () => {
    const candidate = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true });
    candidate.on("notification", (message) => {
      if (message.channel === channel && message.payload) handlers.onPayload(message.payload);
    });
    // 'end' follows every failure; unheard, 'error' would crash the process.
    candidate.on("error", (error) => console.error(`PostgreSQL: the live-events connection failed: ${error.message}`));
    candidate.on("end", () => {
      if (client !== candidate) return;
      client = undefined;
      scheduleRetry();
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${channel}`);
    } catch {
      void candidate.end().catch(() => {});
      scheduleRetry();
      return;
    }
    if (stopped) return void (await candidate.end().catch(() => {}));
    client = candidate;
    failures = 0;
    if (lost) handlers.onGap();
    lost = false;
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const current = client;
    client = undefined;
    await current?.end().catch(() => {});
  };
}
