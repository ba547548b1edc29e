"use client";

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

export function Pagination({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 border-t border-slate-200 px-3 py-2 text-sm text-slate-600 sm:px-4">
      <span data-testid="page-range">
        {first}–{last} of {total}
      </span>
      <span className="flex gap-2">
        <button type="button" className={BUTTON} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <button type="button" className={BUTTON} disabled={last >= total} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </span>
    </nav>
  );
}
