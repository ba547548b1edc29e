// The largest inbound emails the limits allow, against `npm start` on a fresh database (PGlite, or
// PostgreSQL when DATABASE_URL names a server): a References list of 10,000 ids, one filling most
// of the 25 MB body limit, and MIME messages at the part, attachment and nesting limits or holding
// one text part of 21 MB. While each one is processed, a small email is sent every 25 ms; its
// latency is printed beside the same small email's latency on an idle server (the ceiling), so a
// stall shows as a ratio.
//   npm run bench:inbound-limits
import { randomUUID } from "node:crypto";
import { MAX_ATTACHMENTS, MAX_MIME_DEPTH, MAX_MIME_PARTS } from "@/server/inbound/limits";
import { demoWorkspace, freshBenchDatabase, percentile, startServer } from "./lib";

type Post = (path: string, body: string, contentType: string) => Promise<{ status: number; ms: number }>;

const RUNS = 3;

const newId = () => `${randomUUID()}@bench.example.com`;

function helpdeskJson(to: string, extra: Record<string, unknown>) {
  return JSON.stringify({ from: "Customer <customer@example.com>", to, subject: "Question", text: "Hello", message_id: `<${newId()}>`, ...extra });
}

function mimeMessage(to: string, contentType: string, body: string) {
  return [`From: customer@example.com`, `To: ${to}`, "Subject: Parts", `Message-ID: <${newId()}>`, `Content-Type: ${contentType}`, "", body, ""].join("\r\n");
}

/** MAX_MIME_PARTS parts: MAX_ATTACHMENTS attachments of 150 KB (base64), the rest text. */
function widestMime(to: string) {
  const file = Buffer.alloc(150 * 1024, 7)
    .toString("base64")
    .replace(/.{76}/g, "$&\r\n");
  const parts = Array.from({ length: MAX_MIME_PARTS }, (_, i) =>
    i < MAX_ATTACHMENTS
      ? `--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="f${i}.bin"\r\n\r\n${file}\r\n`
      : `--b\r\nContent-Type: text/plain\r\n\r\nLine ${i}\r\n`,
  );
  return mimeMessage(to, 'multipart/mixed; boundary="b"', `${parts.join("")}--b--`);
}

/** One text part filling most of the body limit: 440,000 short lines (21 MB). */
function longestTextMime(to: string) {
  return mimeMessage(to, "text/plain; charset=utf-8", "A line of a very long log pasted into an email\r\n".repeat(440_000));
}

/** Multiparts nested MAX_MIME_DEPTH - 1 deep, the deepest the limit allows. */
function deepestMime(to: string) {
  let inner = "Content-Type: text/plain\r\n\r\ndeep";
  for (let level = MAX_MIME_DEPTH - 1; level > 1; level--)
    inner = `Content-Type: multipart/mixed; boundary="n${level}"\r\n\r\n--n${level}\r\n${inner}\r\n--n${level}--`;
  return mimeMessage(to, 'multipart/mixed; boundary="n1"', `--n1\r\n${inner}\r\n--n1--`);
}

async function whileSendingSmallEmails(post: Post, to: string, big: () => Promise<{ status: number; ms: number }>) {
  const small: number[] = [];
  let running = true;
  const ticker = (async () => {
    while (running) {
      const answer = await post("/api/helpdesk/inbound-email", helpdeskJson(to, {}), "application/json");
      small.push(answer.ms);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const answer = await big();
  running = false;
  await ticker;
  return { answer, small: small.sort((a, b) => a - b) };
}

async function main() {
  const database = await freshBenchDatabase("bench_inbound_limits");
  const demo = await demoWorkspace(database.url);
  const mailbox = demo.mailboxes.find((m) => m.purpose === "ticket")!;
  const server = await startServer(database.url, 3211);
  const post: Post = async (path, body, contentType) => {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": contentType, "x-inbound-secret": mailbox.secret },
      body,
    });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  };
  try {
    const idle: number[] = [];
    for (let i = 0; i < 40; i++) idle.push((await post("/api/helpdesk/inbound-email", helpdeskJson(mailbox.address, {}), "application/json")).ms);
    idle.sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
    console.log(`inbound at the limits on ${database.label}`);
    console.log(`  idle server, small email: p50 ${ms(percentile(idle, 50))}  p95 ${ms(percentile(idle, 95))}  (the ceiling)`);

    const references = (count: number) => Array.from({ length: count }, () => `<${newId()}>`).join(" ");
    // Each case is sent once alone, then RUNS times while small emails are sent, every time as a
    // new email: the first run alone meets code the server has not run yet (a server that has been
    // up a while has); the median alongside is the steady state under load.
    const cases: [string, string, () => string, string][] = [
      ["References: 10,000 ids", "/api/helpdesk/inbound-email", () => helpdeskJson(mailbox.address, { references: references(10_000) }), "application/json"],
      ["References: 400,000 ids", "/api/helpdesk/inbound-email", () => helpdeskJson(mailbox.address, { references: references(400_000) }), "application/json"],
      [`MIME: ${MAX_MIME_PARTS} parts, ${MAX_ATTACHMENTS} attachments`, "/api/inbound/mime", () => widestMime(mailbox.address), "message/rfc822"],
      ["MIME: one text part of 440,000 lines", "/api/inbound/mime", () => longestTextMime(mailbox.address), "message/rfc822"],
      [`MIME: nested ${MAX_MIME_DEPTH - 1} deep`, "/api/inbound/mime", () => deepestMime(mailbox.address), "message/rfc822"],
    ];
    for (const [name, path, build, contentType] of cases) {
      const alone = await post(path, build(), contentType);
      const times: number[] = [];
      const small: number[] = [];
      let label = name;
      for (let run = 0; run < RUNS; run++) {
        const body = build();
        label = `${name} (${(Buffer.byteLength(body) / 1e6).toFixed(1)} MB)`;
        const measured = await whileSendingSmallEmails(post, mailbox.address, () => post(path, body, contentType));
        if (measured.answer.status !== 200) throw new Error(`${name}: answered ${measured.answer.status}`);
        times.push(measured.answer.ms);
        small.push(...measured.small);
      }
      small.sort((a, b) => a - b);
      const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
      console.log(
        `  ${label.padEnd(47)} alone ${ms(alone.ms)}; alongside small emails: first ${ms(times[0]!)}, median ${ms(median)}; meanwhile ${String(small.length).padStart(3)} small emails: p50 ${ms(percentile(small, 50))}  max ${ms(small.at(-1) ?? NaN)}`,
      );
    }
  } finally {
    await server.stop();
  }
}

await main();
