"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { Loaded } from "./section";
import { BUTTON, FIELD } from "./ui";
import { ErrorAlert } from "@/components/error-alert";
import { useUnsavedChanges } from "@/components/unsaved-changes";

/** The members of one contact list, with add-by-email and remove for owners. */
export function ContactListMembers({
  workspaceSlug,
  listId,
  listName,
  isOwner,
}: {
  workspaceSlug: string;
  listId: string;
  listName: string;
  isOwner: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.contactList.members.queryOptions({ workspaceSlug, listId }));
  const [email, setEmail] = useState("");
  useUnsavedChanges(email.trim() !== "");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.contactList.pathKey() });
  const add = useMutation(trpc.contactList.addMember.mutationOptions({ onSuccess: () => setEmail(""), onSettled: refresh }));
  const remove = useMutation(trpc.contactList.removeMember.mutationOptions({ onSettled: refresh }));
  function submit(event: FormEvent) {
    event.preventDefault();
    remove.reset();
    add.mutate({ workspaceSlug, listId, email });
  }

  return (
    <div className="space-y-2">
      {isOwner && (
        <form onSubmit={submit} aria-label={`Add a member to ${listName}`} className="flex flex-wrap gap-2">
          <input
            type="email"
            required
            aria-label={`Email to add to ${listName}`}
            placeholder="name@example.com"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={`${FIELD} flex-1 basis-48`}
          />
          <button type="submit" disabled={add.isPending} className={BUTTON}>
            Add
          </button>
        </form>
      )}
      <ErrorAlert error={add.error ?? remove.error} />
      <Loaded query={members} what="list members">
        {({ members: entries, total }) => (
          <>
            {entries.length === 0 && <p className="text-sm text-slate-500">Nobody on this list yet.</p>}
            <ul aria-label={`Members of ${listName}`} className="divide-y divide-slate-100">
              {entries.map((contact) => (
                <li key={contact.id} className="flex items-center gap-2 py-1.5 text-sm">
                  <span className="min-w-0 flex-1 truncate">{contact.name ? `${contact.name} <${contact.email}>` : contact.email}</span>
                  {isOwner && (
                    <button
                      type="button"
                      className={BUTTON}
                      disabled={remove.isPending}
                      aria-label={`Remove ${contact.email} from ${listName}`}
                      onClick={() => {
                        add.reset();
                        remove.mutate({ workspaceSlug, listId, contactId: contact.id });
                      }}
                    >
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {total > entries.length && (
              <p className="text-xs text-slate-500">
                Showing the {entries.length} most recently added of {total}.
              </p>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}
