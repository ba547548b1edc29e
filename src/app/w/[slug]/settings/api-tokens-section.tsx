"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { CopyButton } from "@/components/copy-button";
import { RelativeTime } from "@/components/relative-time";
import { useTRPC } from "@/trpc/react";
import { ConfirmDialog } from "./confirm-dialog";
import { Loaded, Section } from "./section";
import type { ApiTokenInfo } from "./types";
import { BUTTON, FIELD, LABEL, PRIMARY } from "./ui";
import { ErrorAlert } from "@/components/error-alert";
import { useUnsavedChanges } from "@/components/unsaved-changes";

export function ApiTokensSection({ workspaceSlug, isOwner }: { workspaceSlug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.apiToken.list.queryOptions({ workspaceSlug }));
  const [name, setName] = useState("");
  const [revoking, setRevoking] = useState<ApiTokenInfo | null>(null);
  useUnsavedChanges(name.trim() !== "");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiToken.list.queryKey({ workspaceSlug }) });
  const create = useMutation(trpc.apiToken.create.mutationOptions({ onSuccess: () => setName(""), onSettled: refresh }));
  const revoke = useMutation(trpc.apiToken.revoke.mutationOptions({ onSettled: refresh }));
  function submit(event: FormEvent) {
    event.preventDefault();
    revoke.reset();
    create.mutate({ workspaceSlug, name });
  }

  return (
    <Section id="api-tokens" title="API tokens" description="Your bearer tokens for the REST API of this workspace. A token acts as you, with your role.">
      {isOwner && (
        <form onSubmit={submit} aria-label="Create an API token" className="flex flex-wrap items-end gap-2">
          <label className={`${LABEL} flex-1 basis-48`}>
            Token name
            <input required maxLength={100} value={name} placeholder="CI, Zapier…" onChange={(e) => setName(e.target.value)} className={`${FIELD} mt-1`} />
          </label>
          <button type="submit" disabled={create.isPending} className={PRIMARY}>
            Create token
          </button>
        </form>
      )}
      <ErrorAlert error={create.error ?? revoke.error} />
      {create.data && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          <p>Token “{create.data.name}” created. Copy it now: it is shown only this once.</p>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="new-api-token" className="min-w-0 break-all rounded bg-white px-2 py-1 font-mono text-xs">
              {create.data.token}
            </code>
            <CopyButton text={create.data.token} label="Copy the new token" className={BUTTON} />
          </p>
        </div>
      )}
      <Loaded query={tokens} what="API tokens">
        {(list) => (
          <ul aria-label="API tokens" className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {list.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No tokens yet.</li>}
            {list.map((token) => (
              <li key={token.id} data-testid="api-token" className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="font-medium">
                    {token.name} <code className="font-mono text-xs text-slate-500">{token.prefix}…</code>
                  </p>
                  <p className="text-slate-600">
                    Created <RelativeTime iso={token.createdAt} /> ·{" "}
                    {token.lastUsedAt ? (
                      <>
                        last used <RelativeTime iso={token.lastUsedAt} />
                      </>
                    ) : (
                      "never used"
                    )}
                  </p>
                </div>
                {token.revokedAt ? (
                  <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">Revoked</span>
                ) : isOwner ? (
                  <button
                    type="button"
                    className={`${BUTTON} text-red-700`}
                    disabled={revoke.isPending}
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => setRevoking(token)}
                  >
                    Revoke…
                  </button>
                ) : (
                  <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800">Active</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke"
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) {
            create.reset();
            revoke.mutate({ workspaceSlug, tokenId: revoking.id });
          }
        }}
      >
        Requests with “{revoking?.name}” are refused (401) from now on. This cannot be undone.
      </ConfirmDialog>
    </Section>
  );
}
