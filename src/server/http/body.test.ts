import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AppError } from "@/server/errors";
import { parseFormBody, parseJsonBody } from "./body";

const chunked = (text: string, chunkBytes = 64 * 1024) => {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, (offset += chunkBytes)));
      pulled++;
    },
  });
  const request = new Request("http://localhost/", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as AppError,
  );

describe("parseJsonBody", () => {
  const schema = z.object({ name: z.string() }).loose();

  it("refuses a chunked body (no Content-Length) over the limit while reading it (413)", async () => {
    const body = chunked(JSON.stringify({ name: "x".repeat(5 * 1024 * 1024) }));
    expect(body.request.headers.get("content-length")).toBeNull();
    const error = await failure(parseJsonBody(body.request, schema, 1024 * 1024));
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(body.pulled()).toBeLessThanOrEqual(17);
  });

  it("refuses NUL and lone surrogates in values and keys with 422 naming the field, unless the caller cleans them", async () => {
    const post = (json: string) => new Request("http://localhost/", { method: "POST", body: json });
    expect(await failure(parseJsonBody(post('{"name":"a\\u0000b"}'), schema))).toMatchObject({
      code: "VALIDATION",
      details: { fields: { name: expect.any(String) } },
    });
    expect(await failure(parseJsonBody(post('{"name":"ok","tags":["\\ud800"]}'), schema))).toMatchObject({
      details: { fields: { "tags.0": expect.any(String) } },
    });
    expect(await failure(parseJsonBody(post('{"name":"ok","h":{"\\u0000":"1"}}'), schema))).toMatchObject({ details: { fields: { h: expect.any(String) } } });
    expect(await parseJsonBody(post('{"name":"a\\u0000b"}'), schema, undefined, { allowUnsafeText: true })).toEqual({ name: "a\u0000b" });
    expect(await parseJsonBody(post('{"name":"😀 \\ud83d\\ude00"}'), schema)).toEqual({ name: "😀 😀" });
  });
});

describe("parseFormBody", () => {
  const form = (entries: [string, string | File][]) => {
    const data = new FormData();
    for (const [name, value] of entries) data.append(name, value);
    return new Request("http://localhost/", { method: "POST", body: data });
  };

  // Multipart is UTF-8 bytes: a lone surrogate arrives as U+FFFD, NUL as itself.
  it("refuses a field or file name holding NUL with 422 naming the field", async () => {
    expect(await failure(parseFormBody(form([["file", new File(["x"], "a\u0000.txt")]]), 1024))).toMatchObject({
      code: "VALIDATION",
      details: { fields: { file: expect.any(String) } },
    });
    expect(await failure(parseFormBody(form([["note", "a\u0000"]]), 1024))).toMatchObject({ details: { fields: { note: expect.any(String) } } });
    expect((await parseFormBody(form([["file", new File(["x"], "ok.txt")]]), 1024)).get("file")).toBeInstanceOf(File);
  });

  it("refuses a body over the limit (413) and one that is not a form (400)", async () => {
    expect(await failure(parseFormBody(form([["file", new File(["x".repeat(4096)], "big.txt")]]), 1024))).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const notForm = new Request("http://localhost/", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(await failure(parseFormBody(notForm, 1024))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
