"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/trpc/react";
import type { ThreadMessage } from "@/trpc/types";

const secondsUntil = (iso: string) => Math.max(0, Math.ceil((new Date(iso).getTime() - Date.now()) / 1000));

/**
 * "Sending in Ns… Undo" on a reply still in its undo window. Undo takes the reply back (the
 * server cancels its email) and hands its text to the composer as the draft (`onUndone`).
 * Only the reply's author gets the button; everyone sees the countdown.
 */
export function UndoSend(props: { workspaceSlug: string; message: ThreadMessage; canUndo: boolean; onUndone: () => void }) {
  const { workspaceSlug, message, canUndo, onUndone } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sendAt = message.scheduledSendAt;
  const [left, setLeft] = useState(() => (sendAt ? secondsUntil(sendAt) : 0));
  useEffect(() => {
    if (!sendAt) return;
    const tick = setInterval(() => setLeft(secondsUntil(sendAt)), 250);
    return () => clearInterval(tick);
  }, [sendAt]);
  const ids = { workspaceSlug, ticketId: message.ticketId };
  const undo = useMutation(
    trpc.ticket.undoReply.mutationOptions({
      onSuccess: (draft) => {
        queryClient.setQueryData(trpc.ticket.draft.queryKey(ids), draft);
        onUndone();
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.ticket.get.queryKey(ids) }),
    }),
  );
  if (!sendAt || (left === 0 && !undo.error)) return null;
  return (
    <p data-testid="undo-send" className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
      {undo.error ? (
        <span role="alert" className="text-red-800">
          {undo.error.data?.code === "CONFLICT" ? "Already sent: it can no longer be undone." : `Not undone: ${undo.error.message}`}
        </span>
      ) : (
        <>
          <span>Sending in {left}s…</span>
          {canUndo && (
            <button
              type="button"
              disabled={undo.isPending}
              onClick={() => undo.mutate({ ...ids, messageId: message.id })}
              className="rounded-md border border-slate-300 bg-white px-2 py-0.5 font-medium hover:bg-slate-100 disabled:opacity-50"
            >
              Undo
            </button>
          )}
        </>
      )}
    </p>
  );
}
