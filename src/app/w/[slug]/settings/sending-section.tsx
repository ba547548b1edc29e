"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { Section, StatusNote } from "./section";
import type { WorkspaceInfo } from "./types";
import { INLINE_FIELD, LABEL, PRIMARY } from "./ui";
import { ErrorAlert } from "@/components/error-alert";

/** The undo window of agents' replies, edited through the workspace settings update. */
export function SendingSection({ workspace, isOwner }: { workspace: WorkspaceInfo; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [seconds, setSeconds] = useState(String(workspace.settings.undoSendSeconds));
  const save = useMutation(
    trpc.workspace.update.mutationOptions({
      onSuccess: (updated) => queryClient.setQueryData(trpc.workspace.get.queryKey({ workspaceSlug: workspace.slug }), updated),
    }),
  );
  const value = Number(seconds);
  const valid = seconds.trim() !== "" && Number.isInteger(value) && value >= 0 && value <= 60;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (valid) save.mutate({ workspaceSlug: workspace.slug, settings: { undoSendSeconds: value } });
  }

  return (
    <Section id="sending" title="Sending" description="An emailed reply waits this long before it goes out; until then its author can undo it.">
      <form onSubmit={submit}>
        <fieldset disabled={!isOwner || save.isPending} className="flex flex-wrap items-end gap-3">
          <label className={LABEL}>
            Undo window (seconds, 0 sends at once)
            <input
              type="number"
              min={0}
              max={60}
              value={seconds}
              onChange={(e) => {
                save.reset();
                setSeconds(e.target.value);
              }}
              className={`${INLINE_FIELD} mt-1 block w-24`}
            />
          </label>
          {isOwner && (
            <>
              <button type="submit" disabled={!valid} className={PRIMARY}>
                {save.isPending ? "Saving…" : "Save"}
              </button>
              <StatusNote text={save.isSuccess ? "Undo window saved." : valid ? null : "Enter a whole number of seconds from 0 to 60."} />
            </>
          )}
        </fieldset>
        <ErrorAlert error={save.error} />
      </form>
    </Section>
  );
}
