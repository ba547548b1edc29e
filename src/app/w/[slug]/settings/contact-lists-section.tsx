"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { ConfirmDialog } from "./confirm-dialog";
import { ContactListMembers } from "./contact-list-members";
import { Loaded, Section } from "./section";
import type { ContactListInfo } from "./types";
import { BUTTON, FIELD, LABEL, PRIMARY } from "./ui";
import { ErrorAlert } from "@/components/error-alert";
import { useUnsavedChanges } from "@/components/unsaved-changes";

export function ContactListsSection({ workspaceSlug, isOwner }: { workspaceSlug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lists = useQuery(trpc.contactList.list.queryOptions({ workspaceSlug }));
  const [name, setName] = useState("");
  const [deleting, setDeleting] = useState<ContactListInfo | null>(null);
  useUnsavedChanges(name.trim() !== "");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.contactList.list.queryKey({ workspaceSlug }) });
  const create = useMutation(trpc.contactList.create.mutationOptions({ onSuccess: () => setName(""), onSettled: refresh }));
  const remove = useMutation(trpc.contactList.delete.mutationOptions({ onSettled: refresh }));
  function submit(event: FormEvent) {
    event.preventDefault();
    remove.reset();
    create.mutate({ workspaceSlug, name });
  }

  return (
    <Section id="contact-lists" title="Contact lists" description="Named lists of contacts that automation rules can test a sender against.">
      {isOwner && (
        <form onSubmit={submit} aria-label="Create a contact list" className="flex flex-wrap items-end gap-2">
          <label className={`${LABEL} flex-1 basis-48`}>
            List name
            <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} className={`${FIELD} mt-1`} />
          </label>
          <button type="submit" disabled={create.isPending} className={PRIMARY}>
            Create list
          </button>
        </form>
      )}
      <ErrorAlert error={create.error ?? remove.error} />
      <Loaded query={lists} what="contact lists">
        {(all) => (
          <ul aria-label="Contact lists" className="space-y-2">
            {all.length === 0 && <li className="text-sm text-slate-500">No contact lists yet.</li>}
            {all.map((list) => (
              <li key={list.id} data-testid="contact-list" className="rounded-md border border-slate-200">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2">
                    <span className="flex-1 font-medium">{list.name}</span>
                    <span className="text-sm text-slate-600">
                      {list.memberCount} member{list.memberCount === 1 ? "" : "s"}
                    </span>
                    {isOwner && (
                      <button
                        type="button"
                        className={`${BUTTON} text-red-700`}
                        aria-label={`Delete list ${list.name}`}
                        onClick={(e) => {
                          e.preventDefault();
                          setDeleting(list);
                        }}
                      >
                        Delete…
                      </button>
                    )}
                  </summary>
                  <div className="border-t border-slate-100 px-3 py-2">
                    <ContactListMembers workspaceSlug={workspaceSlug} listId={list.id} listName={list.name} isOwner={isOwner} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this contact list?"
        confirmLabel="Delete"
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) {
            create.reset();
            remove.mutate({ workspaceSlug, listId: deleting.id });
          }
        }}
      >
        “{deleting?.name}” is deleted; its contacts stay. A list that an automation rule uses cannot be deleted.
      </ConfirmDialog>
    </Section>
  );
}
