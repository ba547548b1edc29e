"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { ConfirmDialog } from "./confirm-dialog";
import { SavedReplyForm } from "./saved-reply-form";
import { Loaded, Section } from "./section";
import { BUTTON } from "./ui";

type SavedReply = RouterOutputs["savedReply"]["list"][number];

/** Shared replies (owners manage them) and the agent's own; agents insert them with "/" or "#". */
export function SavedRepliesSection({ workspaceSlug, isOwner }: { workspaceSlug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const replies = useQuery(trpc.savedReply.list.queryOptions({ workspaceSlug }));
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SavedReply | null>(null);
  const [formKey, setFormKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.savedReply.list.queryKey() });
  const create = useMutation(trpc.savedReply.create.mutationOptions({ onSuccess: () => setFormKey((k) => k + 1), onSettled: refresh }));
  const update = useMutation(trpc.savedReply.update.mutationOptions({ onSuccess: () => setEditing(null), onSettled: refresh }));
  const remove = useMutation(trpc.savedReply.delete.mutationOptions({ onSettled: refresh }));
  const canEdit = (reply: SavedReply) => isOwner || !reply.shared;
  function startEditing(id: string) {
    update.reset();
    setEditing(id);
  }

  function list(title: string, items: SavedReply[]) {
    return (
      <div>
        <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
        {items.length === 0 ? (
          <p className="text-sm text-slate-500">None yet.</p>
        ) : (
          <ul aria-label={title} className="mt-1 divide-y divide-slate-100">
            {items.map((reply) => (
              <li key={reply.id} className="py-2">
                {editing === reply.id ? (
                  <SavedReplyForm
                    label={`Edit ${reply.name}`}
                    initial={reply}
                    canShare={false}
                    submitLabel="Save"
                    pending={update.isPending}
                    error={update.error}
                    onSubmit={({ name, body }) => update.mutate({ workspaceSlug, savedReplyId: reply.id, name, body })}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="font-medium">{reply.name}</p>
                      <p className="whitespace-pre-wrap text-sm text-slate-600">{reply.body}</p>
                    </div>
                    {canEdit(reply) && (
                      <div className="flex shrink-0 gap-2">
                        <button type="button" className={BUTTON} aria-label={`Edit ${reply.name}`} onClick={() => startEditing(reply.id)}>
                          Edit
                        </button>
                        <button type="button" className={BUTTON} aria-label={`Delete ${reply.name}`} onClick={() => setDeleting(reply)}>
                          Delete
                        </button>
                      </div>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  return (
    <Section id="saved-replies" title="Saved replies" description='Answers to insert in the composer: type "/" or "#" and part of the name.'>
      <SavedReplyForm
        key={formKey}
        label="Create a saved reply"
        canShare={isOwner}
        submitLabel="Add saved reply"
        pending={create.isPending}
        error={create.error}
        onSubmit={(draft) => create.mutate({ workspaceSlug, ...draft })}
      />
      <ErrorAlert error={remove.error} lead="Not deleted." />
      <Loaded query={replies} what="saved replies">
        {(all) => (
          <>
            {list(
              "Shared replies",
              all.filter((r) => r.shared),
            )}
            {list(
              "My replies",
              all.filter((r) => !r.shared),
            )}
          </>
        )}
      </Loaded>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete saved reply"
        confirmLabel="Delete"
        onConfirm={() => deleting && remove.mutate({ workspaceSlug, savedReplyId: deleting.id })}
        onClose={() => setDeleting(null)}
      >
        Delete the saved reply “{deleting?.name}”? {deleting?.shared ? "Nobody in the workspace can insert it any more." : ""}
      </ConfirmDialog>
    </Section>
  );
}
