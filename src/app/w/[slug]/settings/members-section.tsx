"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { ConfirmDialog } from "./confirm-dialog";
import { InviteMemberForm } from "./invite-member-form";
import { Loaded, Section } from "./section";
import type { MemberInfo } from "./types";
import { BUTTON, INLINE_FIELD } from "./ui";
import { ErrorAlert } from "@/components/error-alert";

export function MembersSection({ workspaceSlug, isOwner }: { workspaceSlug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug }));
  const [removing, setRemoving] = useState<MemberInfo | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey({ workspaceSlug }) });
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.member.remove.mutationOptions({ onSettled: refresh }));
  const busy = changeRole.isPending || remove.isPending;

  return (
    <Section id="members" title="Members and roles" description="Owners configure the workspace; members work tickets and read these settings.">
      {isOwner && <InviteMemberForm workspaceSlug={workspaceSlug} />}
      <ErrorAlert error={changeRole.error ?? remove.error} />
      <Loaded query={members} what="members">
        {(list) => (
          <ul aria-label="Members" className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {list.map((member) => (
              <li key={member.id} data-testid="member" className="flex flex-wrap items-center gap-2 px-3 py-2">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="truncate font-medium">{member.name ?? member.email}</p>
                  <p className="truncate text-sm text-slate-600">{member.email}</p>
                </div>
                {isOwner ? (
                  <>
                    <select
                      aria-label={`Role of ${member.email}`}
                      value={member.role}
                      disabled={busy}
                      className={INLINE_FIELD}
                      onChange={(e) => {
                        remove.reset();
                        changeRole.mutate({ workspaceSlug, userId: member.id, role: e.target.value as MemberInfo["role"] });
                      }}
                    >
                      <option value="owner">Owner</option>
                      <option value="member">Member</option>
                    </select>
                    <button
                      type="button"
                      className={`${BUTTON} text-red-700`}
                      disabled={busy}
                      onClick={() => setRemoving(member)}
                      aria-label={`Remove ${member.email}`}
                    >
                      Remove…
                    </button>
                  </>
                ) : (
                  <span className="text-sm text-slate-700">{member.role === "owner" ? "Owner" : "Member"}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this member?"
        confirmLabel="Remove"
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) {
            changeRole.reset();
            remove.mutate({ workspaceSlug, userId: removing.id });
          }
        }}
      >
        {removing?.email} loses access to this workspace, and their API tokens for it stop working. Their tickets stay as they are.
      </ConfirmDialog>
    </Section>
  );
}
