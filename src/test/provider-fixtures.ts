import fs from "node:fs";

const FIXTURES = "src/test/fixtures";

/** A fixture file's bytes. */
export function fixtureBytes(path: string): Buffer {
  return fs.readFileSync(`${FIXTURES}/${path}`);
}

/**
 * A captured request (`*.http`): the request headers up to the first blank line (after a stray
 * `HTTP/1.1 200 OK` line), then the body, kept byte for byte.
 */
export function requestDump(path: string): { contentType: string; body: Buffer } {
  const bytes = fixtureBytes(path);
  const text = bytes.toString("latin1");
  const blank = /\r?\n\r?\n/.exec(text);
  if (!blank) throw new Error(`${path}: no blank line after the request headers`);
  const contentType = /^content-type:\s*(.+?)\r?$/im.exec(text.slice(0, blank.index))?.[1];
  if (!contentType) throw new Error(`${path}: no Content-Type header`);
  return { contentType, body: bytes.subarray(blank.index + blank[0].length) };
}

/** SendGrid's fixtures use the boundary `xYzZY`. */
export const SENDGRID_CONTENT_TYPE = "multipart/form-data; boundary=xYzZY";
