"use client";

import { formatCount, type TabCount } from "./status-tabs";

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

interface PaginationProps {
  page: number;
  /** Rows on this page. */
  shown: number;
  pageSize: number;
  /** The tab's count, once known. */
  total: TabCount | undefined;
  hasNext: boolean;
  onPage: (page: number) => void;
}

export function Pagination({ page, shown, pageSize, total, hasNext, onPage }: PaginationProps) {
  const first = shown === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + shown;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 border-t border-slate-200 px-3 py-2 text-sm text-slate-600 sm:px-4">
      <span data-testid="page-range">
        {first}–{last}
        {total && ` of ${formatCount(total)}`}
      </span>
      <span className="flex gap-2">
        <button type="button" className={BUTTON} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <button type="button" className={BUTTON} disabled={!hasNext} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </span>
    </nav>
  );
}
