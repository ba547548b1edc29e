import { AppError } from "@/server/errors";

// JSON text read safely, wherever it comes from: a request body (http/) or a provider's payload
// (inbound/providers).

/** Deepest nesting of arrays and objects a JSON body may have: real payloads need a handful. */
export const MAX_JSON_DEPTH = 64;

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
