"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { LoadError, Loading } from "@/components/load-state";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import { describeMacroChange } from "./macro-change";

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";
const PRIMARY = "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50";
const SKIPPED = { merged: "merged, nothing applies", not_found: "no longer here" } as const;

/** "Macros": pick one, see what it would change on each of the tickets, then apply it in one step. */
export function MacroMenu({ workspaceSlug, ticketIds, onApplied }: { workspaceSlug: string; ticketIds: string[]; onApplied?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [macroId, setMacroId] = useState<string | null>(null);
  const macros = useQuery({ ...trpc.macro.list.queryOptions({ workspaceSlug }), enabled: open });
  const members = useQuery({ ...trpc.member.list.queryOptions({ workspaceSlug }), enabled: open }).data ?? [];
  const preview = useQuery({ ...trpc.macro.preview.queryOptions({ workspaceSlug, macroId: macroId ?? "", ticketIds }), enabled: open && macroId !== null });
  const apply = useMutation(
    trpc.macro.applyToTickets.mutationOptions({
      onSuccess: () => {
        close();
        onApplied?.();
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.ticket.pathKey() }),
    }),
  );
  const memberName = (id: string) => members.find((m) => m.id === id)?.name ?? members.find((m) => m.id === id)?.email ?? "a former member";
  function close() {
    setOpen(false);
    setMacroId(null);
    apply.reset();
  }
  const chosen = macros.data?.find((m) => m.id === macroId);
  const changing = preview.data?.tickets.filter((t) => t.changes.length > 0).length ?? 0;

  return (
    <>
      <button type="button" className={BUTTON} disabled={ticketIds.length === 0} onClick={() => setOpen(true)}>
        Macros…
      </button>
      <Modal open={open} title={chosen ? `Apply “${chosen.name}”` : "Apply a macro"} onClose={close} wide>
        {!chosen ? (
          macros.isPending ? (
            <Loading label="Loading macros…" />
          ) : macros.isError ? (
            <LoadError what="macros" error={macros.error} onRetry={() => void macros.refetch()} />
          ) : macros.data.length === 0 ? (
            <p className="text-sm text-slate-600">No macros yet. Owners add them in Settings → Macros.</p>
          ) : (
            <ul aria-label="Macros" className="space-y-1">
              {macros.data.map((macro, i) => (
                <li key={macro.id}>
                  <button
                    type="button"
                    data-autofocus={i === 0 ? true : undefined}
                    className={`${BUTTON} w-full text-left`}
                    onClick={() => setMacroId(macro.id)}
                  >
                    {macro.name} <span className="text-xs text-slate-500">· {macro.actions.length} actions</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : preview.isPending ? (
          <Loading label="Working out what changes…" />
        ) : preview.isError ? (
          <LoadError what="the preview" error={preview.error} onRetry={() => void preview.refetch()} />
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">
              Changes {changing} of {ticketIds.length} {ticketIds.length === 1 ? "ticket" : "tickets"}:
            </p>
            <ul aria-label="Preview" className="max-h-80 space-y-2 overflow-y-auto">
              {preview.data.tickets.map((ticket) => (
                <li key={ticket.ticketId} data-testid="macro-preview-ticket" className="rounded-md border border-slate-200 p-2 text-sm">
                  <p className="font-medium">
                    {ticket.ticketNumber ? `#${ticket.ticketNumber} ${ticket.subject}` : "A ticket"}
                    {ticket.skipped && <span className="font-normal text-slate-500"> — {SKIPPED[ticket.skipped]}</span>}
                  </p>
                  {ticket.changes.length === 0 && !ticket.skipped && <p className="text-slate-500">Already as the macro sets it.</p>}
                  <ul className="list-disc pl-5 text-slate-700">
                    {ticket.changes.map((change, i) => (
                      <li key={i} className="break-words">
                        {describeMacroChange(change, memberName)}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            <ErrorAlert error={apply.error} lead="Not applied." />
            <div className="flex justify-end gap-2">
              <button type="button" className={BUTTON} onClick={() => setMacroId(null)}>
                Back
              </button>
              <button
                type="button"
                data-autofocus
                className={PRIMARY}
                disabled={apply.isPending || changing === 0}
                onClick={() => apply.mutate({ workspaceSlug, macroId: chosen.id, ticketIds })}
              >
                {apply.isPending ? "Applying…" : "Apply"}
              </button>
            </div>
          </div>
        )}
      </Modal>
    </>
  );
}
