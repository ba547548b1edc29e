"use client";

import { useId, useState, type FormEvent } from "react";
import { TagChip } from "@/components/tag-chip";
import type { TagOption, TicketDetail } from "@/trpc/types";

/** The ticket's tags: remove with ×, add by name (a new name creates the tag). */
export function TagEditor({
  tags,
  allTags,
  disabled,
  onChange,
}: {
  tags: TicketDetail["tags"];
  allTags: TagOption[];
  disabled: boolean;
  onChange: (names: string[]) => void;
}) {
  const [name, setName] = useState("");
  const listId = useId();
  const names = tags.map((t) => t.name);

  function add(event: FormEvent) {
    event.preventDefault();
    const wanted = name.trim();
    setName("");
    if (!wanted || names.some((n) => n.toLowerCase() === wanted.toLowerCase())) return;
    onChange([...names, allTags.find((t) => t.name.toLowerCase() === wanted.toLowerCase())?.name ?? wanted]);
  }

  return (
    <div>
      <ul aria-label="Tags" className="flex flex-wrap gap-1">
        {tags.length === 0 && <li className="text-sm text-slate-500">No tags</li>}
        {tags.map((tag) => (
          <li key={tag.id}>
            <TagChip name={tag.name} color={tag.color}>
              <button
                type="button"
                disabled={disabled}
                aria-label={`Remove tag ${tag.name}`}
                onClick={() => onChange(names.filter((n) => n !== tag.name))}
                className="ml-0.5 text-slate-500 hover:text-slate-900"
              >
                ×
              </button>
            </TagChip>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="mt-2 flex gap-1">
        <input
          aria-label="Add tag"
          list={listId}
          value={name}
          disabled={disabled}
          onChange={(event) => setName(event.target.value)}
          placeholder="Add tag…"
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
        <datalist id={listId}>
          {allTags
            .filter((t) => !names.includes(t.name))
            .map((t) => (
              <option key={t.id} value={t.name} />
            ))}
        </datalist>
        <button type="submit" disabled={disabled} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-100">
          Add
        </button>
      </form>
    </div>
  );
}
