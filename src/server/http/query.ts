import { NextResponse } from "next/server";
import type { z } from "zod";
import { assertSafeText } from "./unsafe-text";

/**
 * A URL's query as an object for zod: the named keys as arrays (they may repeat), others single. A
 * value or name holding `%00` is 422 (PostgreSQL cannot store or compare it).
 */
export function queryObject(request: Request, repeatable: readonly string[] = []): Record<string, string | string[]> {
  const params = new URL(request.url).searchParams;
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    query[key] = repeatable.includes(key) ? params.getAll(key) : params.get(key)!;
  }
  assertSafeText(query, "(query)");
  return query;
}

/** Validates the query string (a failing schema is 422 naming the parameters). */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T, repeatable: readonly string[] = []): z.infer<T> {
  return schema.parse(queryObject(request, repeatable));
}

/**
 * A page of a list, with the total across pages in X-Total-Count (left out when the caller asked not
 * to count) and, for keyset lists, the next page's cursor in X-Next-Cursor (absent on the last page).
 */
export function pagedJson(items: unknown[], total: number | null, nextCursor: string | null = null) {
  const headers: Record<string, string> = {};
  if (total !== null) headers["X-Total-Count"] = String(total);
  if (nextCursor) headers["X-Next-Cursor"] = nextCursor;
  return NextResponse.json(items, { headers });
}
