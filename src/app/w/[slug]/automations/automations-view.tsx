"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LoadError, Loading } from "@/components/load-state";
import { useTRPC } from "@/trpc/react";
import { PRIMARY } from "./form-parts";
import { EVENTS } from "./rule-form";
import { RuleEditor } from "./rule-editor";
import { RuleList } from "./rule-list";
import { useRuleChanges } from "./use-rule-changes";
import { ErrorAlert } from "@/components/error-alert";
import { confirmLeave } from "@/components/unsaved-changes";

/** What the editor panel shows: a rule, a new one, or nothing. */
type Editing = { ruleId: string } | "new" | null;

export function AutomationsView({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug }));
  const rules = useQuery(trpc.automation.list.queryOptions({ workspaceSlug }));
  const changes = useRuleChanges(workspaceSlug);
  const [editing, setEditing] = useState<Editing>(null);
  // Opening another rule or closing the editor drops its unsaved edits: ask first. A save moves on freely.
  const openEditor = (next: Editing) => confirmLeave() && setEditing(next);
  const canEdit = workspace.data?.role === "owner";

  if (rules.isPending || workspace.isPending) return <Loading label="Loading automations…" />;
  if (rules.isError) return <LoadError what="automations" error={rules.error} onRetry={() => void rules.refetch()} />;
  if (workspace.isError) return <LoadError what="the workspace" error={workspace.error} onRetry={() => void workspace.refetch()} />;

  const selected = editing && editing !== "new" ? (rules.data.find((rule) => rule.id === editing.ruleId) ?? null) : null;
  const editorOpen = editing === "new" || selected !== null;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div>
        {canEdit && (
          <div className="mb-4 flex justify-end">
            <button type="button" onClick={() => openEditor("new")} className={PRIMARY}>
              New rule
            </button>
          </div>
        )}
        <ErrorAlert error={changes.error} className="mb-3" />
        {EVENTS.map((event) => (
          <RuleList
            key={event.id}
            event={event.id}
            label={event.label}
            rules={rules.data.filter((rule) => rule.event === event.id)}
            canEdit={canEdit}
            selectedId={selected?.id ?? null}
            onSelect={(rule) => openEditor({ ruleId: rule.id })}
            onMove={changes.move}
            onSetActive={changes.setActive}
          />
        ))}
      </div>
      <div>
        {editorOpen ? (
          <RuleEditor
            key={selected?.id ?? "new"}
            workspaceSlug={workspaceSlug}
            workspaceName={workspace.data.name}
            rule={selected}
            canEdit={canEdit}
            onSaved={(rule) => setEditing({ ruleId: rule.id })}
            onClose={() => openEditor(null)}
          />
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-500">
            {canEdit ? "Pick a rule to edit and dry-run it, or create a new one." : "Pick a rule to see its conditions and actions, and to dry-run it."}
          </p>
        )}
      </div>
    </div>
  );
}
