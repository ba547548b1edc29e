"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CopyButton } from "@/components/copy-button";
import { useTRPC } from "@/trpc/react";
import { BUTTON, FIELD, LABEL, PRIMARY } from "./ui";
import { ErrorAlert } from "@/components/error-alert";
import { useUnsavedChanges } from "@/components/unsaved-changes";

/** Invites by email; for a new account, shows its generated password this once. */
export function InviteMemberForm({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<"member" | "owner">("member");
  useUnsavedChanges(email.trim() !== "" || name.trim() !== "");
  const invite = useMutation(
    trpc.member.invite.mutationOptions({
      onSuccess: () => {
        setEmail("");
        setName("");
        return queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey({ workspaceSlug }) });
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate({ workspaceSlug, email, role, ...(name.trim() ? { name } : {}) });
  }
  const result = invite.data;

  return (
    <form onSubmit={submit} aria-label="Invite a member" className="space-y-2">
      <div className="grid gap-2 sm:grid-cols-[2fr_2fr_1fr_auto] sm:items-end">
        <label className={LABEL}>
          Email
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} className={`${FIELD} mt-1`} />
        </label>
        <label className={LABEL}>
          Name (for a new account)
          <input value={name} onChange={(e) => setName(e.target.value)} className={`${FIELD} mt-1`} />
        </label>
        <label className={LABEL}>
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as "member" | "owner")} className={`${FIELD} mt-1`}>
            <option value="member">Member</option>
            <option value="owner">Owner</option>
          </select>
        </label>
        <button type="submit" disabled={invite.isPending} className={PRIMARY}>
          {invite.isPending ? "Inviting…" : "Invite"}
        </button>
      </div>
      <ErrorAlert error={invite.error} />
      {result && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          {result.initialPassword ? (
            <>
              <p>
                Created an account for <strong>{result.member.email}</strong>. Give them this password; it is shown only now and cannot be shown again:
              </p>
              <p className="mt-2 flex flex-wrap items-center gap-2">
                <code data-testid="initial-password" className="rounded bg-white px-2 py-1 font-mono">
                  {result.initialPassword}
                </code>
                <CopyButton text={result.initialPassword} label="Copy the password" className={BUTTON} />
              </p>
            </>
          ) : (
            <p>
              <strong>{result.member.email}</strong> already had an account and was added; they sign in as before.
            </p>
          )}
        </div>
      )}
    </form>
  );
}
