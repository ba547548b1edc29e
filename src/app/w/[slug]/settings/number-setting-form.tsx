"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { StatusNote } from "./section";
import type { WorkspaceInfo } from "./types";
import { INLINE_FIELD, LABEL, PRIMARY } from "./ui";
import { ErrorAlert } from "@/components/error-alert";

type NumberSetting = "undoSendSeconds" | "pendingAutoCloseDays";

/** One whole-number workspace setting from 0 to `max`, saved through the workspace settings update. */
export function NumberSettingForm(props: {
  workspace: WorkspaceInfo;
  isOwner: boolean;
  setting: NumberSetting;
  label: string;
  max: number;
  saved: string;
  invalid: string;
}) {
  const { workspace, isOwner, setting, label, max } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(String(workspace.settings[setting] ?? 0));
  const save = useMutation(
    trpc.workspace.update.mutationOptions({
      onSuccess: (updated) => queryClient.setQueryData(trpc.workspace.get.queryKey({ workspaceSlug: workspace.slug }), updated),
    }),
  );
  const value = Number(text);
  const valid = text.trim() !== "" && Number.isInteger(value) && value >= 0 && value <= max;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid) return;
    const settings = setting === "undoSendSeconds" ? { undoSendSeconds: value } : { pendingAutoCloseDays: value };
    save.mutate({ workspaceSlug: workspace.slug, settings });
  }

  return (
    <form onSubmit={submit}>
      <fieldset disabled={!isOwner || save.isPending} className="flex flex-wrap items-end gap-3">
        <label className={LABEL}>
          {label}
          <input
            type="number"
            min={0}
            max={max}
            value={text}
            onChange={(e) => {
              save.reset();
              setText(e.target.value);
            }}
            className={`${INLINE_FIELD} mt-1 block w-24`}
          />
        </label>
        {isOwner && (
          <>
            <button type="submit" disabled={!valid} className={PRIMARY}>
              {save.isPending ? "Saving…" : "Save"}
            </button>
            <StatusNote text={save.isSuccess ? props.saved : valid ? null : props.invalid} />
          </>
        )}
      </fieldset>
      <ErrorAlert error={save.error} />
    </form>
  );
}
