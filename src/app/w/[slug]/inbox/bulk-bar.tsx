"use client";

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";

/** The actions on the selected tickets, with their shortcut keys. */
export function BulkBar(props: { count: number; busy: boolean; onClose: () => void; onAssign: () => void; onTag: () => void; onClear: () => void }) {
  const { count, busy, onClose, onAssign, onTag, onClear } = props;
  if (count === 0) return null;
  return (
    <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-brand-50 px-3 py-2 sm:px-4">
      <span className="mr-2 text-sm font-medium text-brand-700" data-testid="selected-count">
        {count} selected
      </span>
      <button type="button" className={BUTTON} disabled={busy} onClick={onClose}>
        Close <kbd className="ml-1 text-xs text-slate-500">e</kbd>
      </button>
      <button type="button" className={BUTTON} disabled={busy} onClick={onAssign}>
        Assign… <kbd className="ml-1 text-xs text-slate-500">a</kbd>
      </button>
      <button type="button" className={BUTTON} disabled={busy} onClick={onTag}>
        Tag… <kbd className="ml-1 text-xs text-slate-500">t</kbd>
      </button>
      <button type="button" className="ml-auto text-sm text-slate-600 underline hover:text-slate-900" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
