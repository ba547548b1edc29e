"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { TagChip } from "@/components/tag-chip";
import { useTRPC } from "@/trpc/react";
import { Loaded, Section } from "./section";
import { FIELD, LABEL, PRIMARY } from "./ui";
import { ErrorAlert } from "@/components/error-alert";
import { useUnsavedChanges } from "@/components/unsaved-changes";

export function TagsSection({ workspaceSlug, isOwner }: { workspaceSlug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.tag.list.queryOptions({ workspaceSlug }));
  const [name, setName] = useState("");
  const [color, setColor] = useState("#64748b");
  useUnsavedChanges(name.trim() !== "");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tag.list.queryKey({ workspaceSlug }) });
  const create = useMutation(trpc.tag.create.mutationOptions({ onSuccess: () => setName(""), onSettled: refresh }));
  const remove = useMutation(trpc.tag.delete.mutationOptions({ onSettled: refresh }));
  function submit(event: FormEvent) {
    event.preventDefault();
    remove.reset();
    create.mutate({ workspaceSlug, name, color });
  }

  return (
    <Section id="tags" title="Tags" description="Labels for tickets. Deleting a tag removes it from every ticket.">
      {isOwner && (
        <form onSubmit={submit} aria-label="Create a tag" className="flex flex-wrap items-end gap-2">
          <label className={`${LABEL} flex-1 basis-48`}>
            Tag name
            <input required maxLength={50} value={name} onChange={(e) => setName(e.target.value)} className={`${FIELD} mt-1`} />
          </label>
          <label className={LABEL}>
            Color
            <input type="color" value={color} onChange={(e) => setColor(e.target.value)} className="mt-1 block h-8 w-14 rounded border border-slate-300" />
          </label>
          <button type="submit" disabled={create.isPending} className={PRIMARY}>
            Add tag
          </button>
        </form>
      )}
      <ErrorAlert error={create.error ?? remove.error} />
      <Loaded query={tags} what="tags">
        {(list) =>
          list.length === 0 ? (
            <p className="text-sm text-slate-500">No tags yet.</p>
          ) : (
            <ul aria-label="Tags" className="flex flex-wrap gap-2">
              {list.map((tag) => (
                <li key={tag.id}>
                  <TagChip name={tag.name} color={tag.color}>
                    {isOwner && (
                      <button
                        type="button"
                        aria-label={`Delete tag ${tag.name}`}
                        disabled={remove.isPending}
                        className="ml-1 text-slate-500 hover:text-red-700"
                        onClick={() => {
                          create.reset();
                          remove.mutate({ workspaceSlug, tagId: tag.id });
                        }}
                      >
                        ✕
                      </button>
                    )}
                  </TagChip>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Section>
  );
}
