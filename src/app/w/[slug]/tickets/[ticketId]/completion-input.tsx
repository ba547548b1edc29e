"use client";

import { useLayoutEffect, useRef, useState, type ComponentProps, type KeyboardEvent, type RefObject } from "react";
import { typedTrigger } from "./completion-trigger";

type TextareaProps = Omit<ComponentProps<"textarea">, "value" | "onChange" | "ref">;

export interface CompletionOption {
  key: string;
  label: string;
  detail?: string;
  /** The text that replaces the trigger and its query. */
  insert: string;
}

/** What a trigger character ("@", "/") lists, narrowed by the query typed after it. */
export interface CompletionSource {
  trigger: string;
  /** The list's accessible name. */
  label: string;
  options: (query: string) => CompletionOption[];
}

/**
 * A textarea where a trigger at the start of a word lists its source's options (narrowed by what
 * follows); ↑/↓ move, Enter or Tab (or a click) write the option's text in place of the typed word,
 * Escape closes the list. Without sources it is a plain textarea.
 */
export function CompletionInput(
  props: TextareaProps & {
    value: string;
    onValue: (value: string) => void;
    sources: readonly CompletionSource[];
    inputRef: RefObject<HTMLTextAreaElement | null>;
  },
) {
  const { value, onValue, sources, inputRef, onKeyDown, ...rest } = props;
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  // Where the caret goes once the chosen text is in the textarea: set in the same commit, so a key
  // typed right after the pick lands after it (a later frame would move the caret behind it).
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfterPick.current === null) return;
    inputRef.current?.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = null;
  });
  const typed =
    caret === null
      ? null
      : typedTrigger(
          value,
          caret,
          sources.map((s) => s.trigger),
        );
  const source = typed && typed.start !== dismissed ? sources.find((s) => s.trigger === typed.trigger) : undefined;
  const matches = source && typed ? source.options(typed.query).slice(0, 6) : [];
  const open = matches.length > 0;
  const enabled = sources.length > 0;

  function choose(option: CompletionOption) {
    if (!typed || caret === null) return;
    onValue(value.slice(0, typed.start) + option.insert + value.slice(caret));
    const at = typed.start + option.insert.length;
    setCaret(at);
    caretAfterPick.current = at;
  }
  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open && !event.ctrlKey && !event.metaKey) {
      const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (step) {
        event.preventDefault();
        setActive((active + step + matches.length) % matches.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(matches[Math.min(active, matches.length - 1)]!);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setDismissed(typed!.start);
        return;
      }
    }
    onKeyDown?.(event);
  }
  const track = (target: HTMLTextAreaElement) => {
    setCaret(target.selectionStart);
    setActive(0);
  };

  return (
    <div className="relative">
      <textarea
        {...rest}
        ref={inputRef}
        value={value}
        role={enabled ? "combobox" : undefined}
        aria-expanded={enabled ? open : undefined}
        aria-controls={open ? "completion-list" : undefined}
        aria-autocomplete={enabled ? "list" : undefined}
        onChange={(e) => {
          onValue(e.target.value);
          track(e.target);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={keyDown}
        onBlur={() => setCaret(null)}
      />
      {open && (
        <ul
          id="completion-list"
          role="listbox"
          aria-label={source!.label}
          className="absolute z-20 mt-1 w-80 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {matches.map((option, i) => (
            <li
              key={option.key}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the textarea keeps its focus and caret.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-50 text-brand-900" : "hover:bg-slate-50"}`}
            >
              <span className="font-medium">{option.label}</span>
              {option.detail && <span className="block truncate text-xs text-slate-500">{option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
