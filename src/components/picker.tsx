"use client";

import { useId, useState, type KeyboardEvent } from "react";

interface PickerOption {
  value: string;
  label: string;
  hint?: string;
}

/**
 * A filter box over a list of options for the keyboard: type to narrow, ↑/↓ to move, Enter to pick.
 * With `onCreate`, a typed name that matches nothing can be picked as a new option.
 */
export function Picker({
  label,
  options,
  onPick,
  onCreate,
}: {
  label: string;
  options: PickerOption[];
  onPick: (value: string) => void;
  onCreate?: (name: string) => void;
}) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const needle = query.trim().toLowerCase();
  const matches = options.filter((o) => o.label.toLowerCase().includes(needle) || o.hint?.toLowerCase().includes(needle));
  const canCreate = Boolean(onCreate && needle && !options.some((o) => o.label.toLowerCase() === needle));
  const count = matches.length + (canCreate ? 1 : 0);
  const current = Math.min(active, Math.max(count - 1, 0));

  function choose(index: number) {
    const match = matches[index];
    if (match) onPick(match.value);
    else if (canCreate) onCreate?.(query.trim());
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + count) % Math.max(count, 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(current);
    }
  }

  return (
    <div>
      <input
        autoFocus
        data-autofocus
        aria-label={label}
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={count ? `${listId}-${current}` : undefined}
        value={query}
        placeholder="Type to filter…"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
      />
      <ul id={listId} role="listbox" aria-label={label} className="mt-2 max-h-64 overflow-y-auto">
        {matches.map((option, index) => (
          <li
            key={option.value}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === current}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(index)}
            className={`flex cursor-pointer justify-between gap-3 rounded-md px-3 py-2 text-sm ${index === current ? "bg-brand-50 text-brand-700" : "hover:bg-slate-50"}`}
          >
            <span className="truncate">{option.label}</span>
            {option.hint && <span className="truncate text-slate-500">{option.hint}</span>}
          </li>
        ))}
        {canCreate && (
          <li
            id={`${listId}-${matches.length}`}
            role="option"
            aria-selected={current === matches.length}
            onClick={() => choose(matches.length)}
            className={`cursor-pointer rounded-md px-3 py-2 text-sm ${current === matches.length ? "bg-brand-50 text-brand-700" : "hover:bg-slate-50"}`}
          >
            Create “{query.trim()}”
          </li>
        )}
        {count === 0 && <li className="px-3 py-2 text-sm text-slate-500">No matches</li>}
      </ul>
    </div>
  );
}
