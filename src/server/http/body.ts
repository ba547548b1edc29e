import type { z } from "zod";
import { AppError } from "@/server/errors";
import { assertSafeText, unsafeTextError, UNSAFE_TEXT } from "./unsafe-text";

const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Deepest nesting of arrays and objects a JSON body may have: real payloads need a handful. */
export const MAX_JSON_DEPTH = 64;

const tooLarge = (maxBytes: number) => new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes} bytes`);

/** Reads the raw body, refusing (413) one larger than `maxBytes` without reading all of it. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

/**
 * Whether JSON text nests arrays and objects deeper than `maxDepth`, in one pass over the text
 * (strings skipped whole), so that a body nested 10,000 deep is refused before it is parsed and
 * walked recursively (by zod, JSON.stringify and Prisma, which overflow the stack).
 */
export function jsonNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // The closing quote is the next one not escaped by an odd run of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i === -1) return false;
        let backslashes = 0;
        while (text.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** JSON text as a value: not JSON or nested too deep is 400 (an empty text is `{}`). */
export function parseJsonText(text: string): unknown {
  if (text.trim() === "") return {};
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new AppError("BAD_REQUEST", `The request body nests deeper than ${MAX_JSON_DEPTH} levels`, {
      fields: { "(body)": `must not nest arrays and objects deeper than ${MAX_JSON_DEPTH} levels` },
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
}

/**
 * Reads a JSON body and validates it: too large is 413 (also when sent chunked, while reading), bad
 * JSON or nested too deep 400, a string holding NUL or a lone surrogate 422 (PostgreSQL cannot store
 * it; `allowUnsafeText` is for inbound mail, which cleans it instead), a failing schema 422 (naming
 * the fields).
 */
export async function parseJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes = DEFAULT_MAX_BYTES,
  options: { allowUnsafeText?: boolean } = {},
): Promise<z.infer<T>> {
  return parseJsonBytes(await readBodyBytes(request, maxBytes), schema, options);
}

/** A JSON body already read, checked and validated as parseJsonBody does. */
export function parseJsonBytes<T extends z.ZodType>(bytes: Uint8Array, schema: T, options: { allowUnsafeText?: boolean } = {}): z.infer<T> {
  const body = parseJsonText(new TextDecoder().decode(bytes));
  if (!options.allowUnsafeText) assertSafeText(body);
  return schema.parse(body);
}

/**
 * Reads a multipart or URL-encoded form: too large is 413 (while reading), not a form 400, and a
 * field name, text value or file name holding NUL or a lone surrogate 422 naming the field.
 */
export async function parseFormBody(request: Request, maxBytes: number): Promise<FormData> {
  const bytes = await readBodyBytes(request, maxBytes);
  const form = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => {
    throw new AppError("BAD_REQUEST", "Send the body as multipart/form-data");
  });
  for (const [name, value] of form) {
    if (UNSAFE_TEXT.test(name)) throw unsafeTextError([]);
    if (UNSAFE_TEXT.test(typeof value === "string" ? value : value.name)) throw unsafeTextError([name]);
  }
  return form;
}
