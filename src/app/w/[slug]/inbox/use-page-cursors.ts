"use client";

import { useCallback, useRef } from "react";
import { filtersQuery, type InboxFilters } from "./inbox-filters";

const pageKey = (filters: InboxFilters, page: number) => `${filtersQuery({ ...filters, page: 1 })}#${page}`;

/**
 * The cursors of the pages this inbox has reached, so "Next" (and "Previous" back to a page seen)
 * continue by keyset after the last row shown; a page opened from the URL has none and goes by offset.
 */
export function usePageCursors(filters: InboxFilters) {
  const cursors = useRef(new Map<string, string>());
  const nextKey = pageKey(filters, filters.page + 1);
  /** The shown page's nextCursor: where the page after it starts. */
  const remember = useCallback(
    (nextCursor: string | null) => {
      if (nextCursor) cursors.current.set(nextKey, nextCursor);
    },
    [nextKey],
  );
  // Read at render on purpose: the cursor picks the query.
  return { current: cursors.current.get(pageKey(filters, filters.page)), remember };
}
