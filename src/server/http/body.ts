import type { z } from "zod";
import { AppError } from "@/server/errors";
import { parseJsonText } from "@/server/json-text";
import { assertSafeText, unsafeTextError, UNSAFE_TEXT } from "./unsafe-text";

const DEFAULT_MAX_BYTES = 1024 * 1024;

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
