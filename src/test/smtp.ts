import { afterAll, beforeAll } from "vitest";
import { SMTPServer } from "smtp-server";
import { resetSmtpTransport } from "@/server/outbound-mail/transport";

export interface ReceivedEmail {
  envelopeTo: string[];
  raw: string;
}

/**
 * A real SMTP server on loopback for the enclosing describe block, with SMTP_URL pointing at it:
 * tests see exactly what the app delivered. Returns the list of received emails. `mailFromDelayMs`
 * makes each delivery slow before any of it is received (so a test can catch a sender mid-send).
 */
export function useTestSmtpServer(options: { mailFromDelayMs?: number } = {}): ReceivedEmail[] {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onMailFrom(_address, _session, callback) {
      setTimeout(callback, options.mailFromDelayMs ?? 0);
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  // A sender that dies mid-delivery (a test kills an app instance) resets its connection; a real
  // server shrugs that off, and unheard, the 'error' event would crash the test process.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") throw error;
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    // Set, not vi.stubEnv: a test's vi.unstubAllEnvs() must leave the file's server in place.
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
    resetSmtpTransport();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetSmtpTransport();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return received;
}
