import { AppError } from "@/server/errors";

/**
 * Text PostgreSQL cannot store: U+0000 (text and jsonb refuse it) and a UTF-16 surrogate without
 * its pair (not a character at all; UTF-8 cannot encode it). The API refuses it (below); inbound
 * mail is cleaned of it instead.
 */
// eslint-disable-next-line no-control-regex -- NUL is what this matches
export const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = "must not contain NUL characters or invalid Unicode";

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let at: Visit | null = visit; at?.key != null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The path of the first string in `value` (arrays and plain objects, walked without recursion)
 * that holds unsafe text, or null. A key that does names the object holding it.
 */
export function findUnsafeText(value: unknown): string[] | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const current = visit.value;
    if (typeof current === "string") {
      if (UNSAFE_TEXT.test(current)) return pathOf(visit);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i] as unknown, key: String(i), parent: visit });
    } else if (isPlainObject(current)) {
      const keys = Object.keys(current);
      if (keys.some((key) => UNSAFE_TEXT.test(key))) return pathOf(visit);
      for (const key of keys.toReversed()) stack.push({ value: current[key], key, parent: visit });
    }
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The AppError (422) naming the field that holds unsafe text, as zod's errors name theirs. */
export function unsafeTextError(path: readonly string[], root = "(body)"): AppError {
  const field = path.length > 0 ? path.join(".") : root;
  return new AppError("VALIDATION", `${field} ${UNSAFE_TEXT_MESSAGE}`, { fields: { [field]: UNSAFE_TEXT_MESSAGE } });
}

/** Throws the 422 when any string or key in `value` holds unsafe text (`root` names `value` itself). */
export function assertSafeText(value: unknown, root?: string): void {
  const path = findUnsafeText(value);
  if (path) throw unsafeTextError(path, root);
}
