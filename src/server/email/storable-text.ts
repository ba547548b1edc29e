// PostgreSQL text and jsonb cannot hold U+0000, and a lone UTF-16 surrogate is not valid UTF-8.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text PostgreSQL can store: NUL removed, each lone surrogate replaced by U+FFFD. */
export function storableText(value: string): string {
  return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\ufffd");
}

/** Whether `value` is stored as it is (no NUL, no lone surrogate). */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && value.replace(LONE_SURROGATE, "") === value;
}

/** An object literal or a prototype-less map: the objects JSON is made of. */
export function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A JSON-like value with every string, object keys included, made storable. Arrays and plain
 * objects are copied (keys as own properties, so `__proto__` stays data); anything else (bytes,
 * dates) is kept as it is.
 */
export function storableDeep<T>(value: T): T {
  if (typeof value === "string") return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storableDeep) as T;
  if (value !== null && typeof value === "object" && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [storableText(key), storableDeep(entry)])) as T;
  }
  return value;
}

/** The first `max` characters of `value`, never half of a surrogate pair (so still storable). */
export function storablePrefix(value: string, max: number): string {
  if (value.length <= max) return value;
  return value.slice(0, /[\ud800-\udbff]/.test(value[max - 1] ?? "") ? max - 1 : max);
}
