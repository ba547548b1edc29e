"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { useTRPC } from "@/trpc/react";
import { ConfirmDialog } from "./confirm-dialog";
import { StatusNote } from "./section";
import { BUTTON } from "./ui";
import { ErrorAlert } from "@/components/error-alert";

/** A mailbox's inbound secret for owners: hidden until revealed, copyable, and rotatable. */
export function SecretField({ workspaceSlug, mailboxId, address, secret }: { workspaceSlug: string; mailboxId: string; address: string; secret: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation(
    trpc.mailbox.rotateSecret.mutationOptions({
      onSuccess: () => setRevealed(true),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.mailbox.list.queryKey({ workspaceSlug }) }),
    }),
  );
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="inbound-secret" className="min-w-0 flex-1 basis-56 truncate rounded bg-slate-100 px-2 py-1 font-mono text-xs">
          {revealed ? secret : "•".repeat(24)}
        </code>
        <button type="button" className={BUTTON} aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {revealed ? "Hide" : "Reveal"}
        </button>
        <CopyButton text={secret} label={`Copy the secret of ${address}`} className={BUTTON} />
        <button type="button" className={`${BUTTON} text-red-700`} disabled={rotate.isPending} onClick={() => setConfirming(true)}>
          {rotate.isPending ? "Rotating…" : "Rotate…"}
        </button>
      </div>
      <ErrorAlert error={rotate.error} />
      <StatusNote text={rotate.isSuccess ? "New secret active. Update your email provider with it." : null} />
      <ConfirmDialog
        open={confirming}
        title="Rotate the inbound secret?"
        confirmLabel="Rotate secret"
        onClose={() => setConfirming(false)}
        onConfirm={() => rotate.mutate({ workspaceSlug, mailboxId })}
      >
        {address} gets a new random secret. Providers still sending the old one are refused (401) from now on.
      </ConfirmDialog>
    </div>
  );
}
