"use client";

import { useLayoutEffect, useRef, useState, type ComponentProps, type KeyboardEvent, type RefObject } from "react";
import type { Member } from "@/trpc/types";
import { mentionName } from "./use-mentions";

type TextareaProps = Omit<ComponentProps<"textarea">, "value" | "onChange" | "ref">;

/** The "@query" being typed right before the caret, or null. */
function typedMention(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, query: match[2]!.toLowerCase() } : null;
}

/**
 * A textarea where typing "@" lists the members (narrowed by what follows); ↑/↓ move, Enter or Tab
 * (or a click) writes "@name", Escape closes the list. Without `members` it is a plain textarea.
 */
export function MentionInput(
  props: TextareaProps & { value: string; onValue: (value: string) => void; members: readonly Member[]; inputRef: RefObject<HTMLTextAreaElement | null> },
) {
  const { value, onValue, members, inputRef, onKeyDown, ...rest } = props;
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  // Where the caret goes once the chosen name is in the textarea: set in the same commit, so a key
  // typed right after the pick lands after the name (a later frame would move the caret behind it).
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfterPick.current === null) return;
    inputRef.current?.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = null;
  });
  const typed = caret === null ? null : typedMention(value, caret);
  const matches =
    typed && typed.start !== dismissed
      ? members.filter((m) => mentionName(m).toLowerCase().includes(typed.query) || m.email.toLowerCase().startsWith(typed.query)).slice(0, 6)
      : [];
  const open = matches.length > 0;

  function choose(member: Member) {
    if (!typed || caret === null) return;
    const inserted = `@${mentionName(member)} `;
    onValue(value.slice(0, typed.start) + inserted + value.slice(caret));
    const at = typed.start + inserted.length;
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
        role={members.length > 0 ? "combobox" : undefined}
        aria-expanded={members.length > 0 ? open : undefined}
        aria-controls={open ? "mention-list" : undefined}
        aria-autocomplete={members.length > 0 ? "list" : undefined}
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
          id="mention-list"
          role="listbox"
          aria-label="Mention a member"
          className="absolute z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {matches.map((member, i) => (
            <li
              key={member.id}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the textarea keeps its focus and caret.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(member);
              }}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-50 text-brand-900" : "hover:bg-slate-50"}`}
            >
              <span className="font-medium">{mentionName(member)}</span> <span className="text-xs text-slate-500">{member.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
