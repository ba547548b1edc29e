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

/** What the editor panel shows: a rule, a new one, or nothing. */
type Editing = { ruleId: string } | "new" | null;

export function AutomationsView({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug }));
  const rules = useQuery(trpc.automation.list.queryOptions({ workspaceSlug }));
  const changes = useRuleChanges(workspaceSlug);
  const [editing, setEditing] = useState<Editing>(null);
  const canEdit = workspace.data?.role === "owner";

  if (rules.isPending || workspace.isPending) return <Loading label="Loading automations…" />;
  if (rules.isError) return <LoadError what="automations" message={rules.error.message} onRetry={() => void rules.refetch()} />;
  if (workspace.isError) return <LoadError what="the workspace" message={workspace.error.message} onRetry={() => void workspace.refetch()} />;

  const selected = editing && editing !== "new" ? (rules.data.find((rule) => rule.id === editing.ruleId) ?? null) : null;
  const editorOpen = editing === "new" || selected !== null;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div>
        {canEdit && (
          <div className="mb-4 flex justify-end">
            <button type="button" onClick={() => setEditing("new")} className={PRIMARY}>
              New rule
            </button>
          </div>
        )}
        {changes.error && (
          <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {changes.error.message}
          </p>
        )}
        {EVENTS.map((event) => (
          <RuleList
            key={event.id}
            event={event.id}
            label={event.label}
            rules={rules.data.filter((rule) => rule.event === event.id)}
            canEdit={canEdit}
            selectedId={selected?.id ?? null}
            onSelect={(rule) => setEditing({ ruleId: rule.id })}
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
            onClose={() => setEditing(null)}
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
