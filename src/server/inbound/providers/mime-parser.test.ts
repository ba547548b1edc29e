import { describe, expect, it } from "vitest";
import { MimeParseError, parseMimeInWorker } from "./mime-parser";

const message = (body: string) =>
  Buffer.from(
    [
      "From: ann@example.com",
      "Subject: Hello",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      `--b\r\nContent-Type: text/plain\r\n\r\n${body}\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="a.bin"\r\n\r\nAAEC\r\n--b--`,
      "",
    ].join("\r\n"),
  );

describe("parseMimeInWorker", () => {
  it("answers the parsed message, attachment bytes included, and leaves the caller's buffer usable", async () => {
    const bytes = message("Hi there");
    const email = await parseMimeInWorker(bytes, { maxNestingDepth: 20 });
    expect(email.subject).toBe("Hello");
    expect(email.text?.trim()).toBe("Hi there");
    expect([...new Uint8Array(email.attachments[0]!.content as ArrayBuffer)]).toEqual([0, 1, 2]);
    expect(bytes.toString("latin1")).toContain("Subject: Hello");
  });

  it("parses messages sent at the same time, each answering its own", async () => {
    const emails = await Promise.all(Array.from({ length: 20 }, (_, i) => parseMimeInWorker(message(`body ${i}`), { maxNestingDepth: 20 })));
    expect(emails.map((email) => email.text?.trim())).toEqual(Array.from({ length: 20 }, (_, i) => `body ${i}`));
  });

  it("rejects with postal-mime's reason when the nesting limit is passed", async () => {
    let nested = "Content-Type: text/plain\r\n\r\ndeep";
    for (let level = 5; level > 0; level--) nested = `Content-Type: multipart/mixed; boundary="n${level}"\r\n\r\n--n${level}\r\n${nested}\r\n--n${level}--`;
    const error = await parseMimeInWorker(Buffer.from(`From: ann@example.com\r\n${nested}\r\n`), { maxNestingDepth: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MimeParseError);
    expect((error as Error).message).toMatch(/nesting depth/i);
  });

  it("keeps the main thread free while a message of 20 MB is parsed", async () => {
    const big = message(`${"line of text in a long message\r\n".repeat(650_000)}`);
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 5);
    const started = performance.now();
    await parseMimeInWorker(big, { maxNestingDepth: 20 });
    const took = performance.now() - started;
    clearInterval(timer);
    const gaps = ticks.slice(1).map((tick, i) => tick - ticks[i]!);
    // On the main thread the timer would not fire at all until the parse ended.
    expect(ticks.length).toBeGreaterThan(took / 5 / 4);
    expect(Math.max(...gaps)).toBeLessThan(took / 2);
  });
});
