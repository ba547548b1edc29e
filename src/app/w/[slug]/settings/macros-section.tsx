"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { ConfirmDialog } from "./confirm-dialog";
import { ACTION_LABELS } from "./macro-action-row";
import { MacroForm } from "./macro-form";
import { Loaded, Section } from "./section";
import { BUTTON } from "./ui";

type Macro = RouterOutputs["macro"]["list"][number];

/** The workspace's macros: owners write them, everyone applies them from a ticket or the inbox. */
export function MacrosSection({ workspaceSlug, isOwner }: { workspaceSlug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const macros = useQuery(trpc.macro.list.queryOptions({ workspaceSlug }));
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug })).data ?? [];
  const replies = (useQuery(trpc.savedReply.list.queryOptions({ workspaceSlug })).data ?? []).filter((r) => r.shared);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Macro | null>(null);
  const [formKey, setFormKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.macro.list.queryKey() });
  const create = useMutation(trpc.macro.create.mutationOptions({ onSuccess: () => setFormKey((k) => k + 1), onSettled: refresh }));
  const update = useMutation(trpc.macro.update.mutationOptions({ onSuccess: () => setEditing(null), onSettled: refresh }));
  const remove = useMutation(trpc.macro.delete.mutationOptions({ onSettled: refresh }));
  function startEditing(id: string) {
    update.reset();
    setEditing(id);
  }

  return (
    <Section
      id="macros"
      title="Macros"
      description="Several ticket actions in one step, previewed before they apply: from a ticket or the inbox's selection, Macros…."
    >
      {isOwner && (
        <MacroForm
          key={formKey}
          label="Create a macro"
          members={members}
          replies={replies}
          submitLabel="Add macro"
          pending={create.isPending}
          error={create.error}
          onSubmit={(draft) => create.mutate({ workspaceSlug, ...draft })}
        />
      )}
      <ErrorAlert error={remove.error} lead="Not deleted." />
      <Loaded query={macros} what="macros">
        {(list) =>
          list.length === 0 ? (
            <p className="text-sm text-slate-500">No macros yet.</p>
          ) : (
            <ul aria-label="Macros" className="divide-y divide-slate-100">
              {list.map((macro) => (
                <li key={macro.id} className="py-2">
                  {editing === macro.id ? (
                    <MacroForm
                      label={`Edit ${macro.name}`}
                      initial={macro}
                      members={members}
                      replies={replies}
                      submitLabel="Save"
                      pending={update.isPending}
                      error={update.error}
                      onSubmit={(draft) => update.mutate({ workspaceSlug, macroId: macro.id, ...draft })}
                      onCancel={() => setEditing(null)}
                    />
                  ) : (
                    <div className="flex items-start justify-between gap-3">
                      <div className="min-w-0">
                        <p className="font-medium">{macro.name}</p>
                        <p className="text-sm text-slate-600">{macro.actions.map((a) => ACTION_LABELS[a.type]).join(" · ")}</p>
                      </div>
                      {isOwner && (
                        <div className="flex shrink-0 gap-2">
                          <button type="button" className={BUTTON} aria-label={`Edit ${macro.name}`} onClick={() => startEditing(macro.id)}>
                            Edit
                          </button>
                          <button type="button" className={BUTTON} aria-label={`Delete ${macro.name}`} onClick={() => setDeleting(macro)}>
                            Delete
                          </button>
                        </div>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete macro"
        confirmLabel="Delete"
        onConfirm={() => deleting && remove.mutate({ workspaceSlug, macroId: deleting.id })}
        onClose={() => setDeleting(null)}
      >
        Delete the macro “{deleting?.name}”? Tickets it changed keep their changes.
      </ConfirmDialog>
    </Section>
  );
}
