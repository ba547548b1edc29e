"use client";

import { useEffect, useRef, type ReactNode } from "react";

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";

/** Select all of the page's tickets, and the actions on the selected ones with their shortcut keys. */
export function BulkBar(props: {
  count: number;
  pageSize: number;
  busy: boolean;
  onSelectAll: (all: boolean) => void;
  onClose: () => void;
  onReopen: () => void;
  onAssign: () => void;
  onTag: () => void;
  onClear: () => void;
  /** More actions on the selection (the macro menu). */
  more?: ReactNode;
}) {
  const { count, pageSize, busy, onSelectAll, onClose, onReopen, onAssign, onTag, onClear, more } = props;
  const all = pageSize > 0 && count === pageSize;
  const checkbox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (checkbox.current) checkbox.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  if (pageSize === 0) return null;
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      className={`flex min-h-11 flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-1.5 sm:px-4 ${count ? "bg-brand-50" : ""}`}
    >
      <label className="mr-2 flex items-center gap-2 text-sm text-slate-700">
        <input ref={checkbox} type="checkbox" checked={all} onChange={(e) => onSelectAll(e.target.checked)} aria-keyshortcuts="*" />
        {count ? (
          <span className="font-medium text-brand-700" data-testid="selected-count">
            {count} selected
          </span>
        ) : (
          <span>
            Select all <kbd className="text-xs text-slate-500">*</kbd>
          </span>
        )}
      </label>
      {count > 0 && (
        <>
          <button type="button" className={BUTTON} disabled={busy} onClick={onClose}>
            Close <kbd className="ml-1 text-xs text-slate-500">e</kbd>
          </button>
          <button type="button" className={BUTTON} disabled={busy} onClick={onReopen}>
            Reopen <kbd className="ml-1 text-xs text-slate-500">o</kbd>
          </button>
          <button type="button" className={BUTTON} disabled={busy} onClick={onAssign}>
            Assign… <kbd className="ml-1 text-xs text-slate-500">a</kbd>
          </button>
          <button type="button" className={BUTTON} disabled={busy} onClick={onTag}>
            Tag… <kbd className="ml-1 text-xs text-slate-500">t</kbd>
          </button>
          {more}
          <button type="button" className="ml-auto text-sm text-slate-600 underline hover:text-slate-900" onClick={onClear}>
            Clear selection
          </button>
        </>
      )}
    </div>
  );
}
