"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import type { AutomationRule } from "@/trpc/types";
import { moveRule } from "./rule-order";

/** Reorder and the active toggle, shown at once in the list and rolled back if the server refuses. */
export function useRuleChanges(workspaceSlug: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.automation.list.queryKey({ workspaceSlug });
  const reorder = useMutation(trpc.automation.reorder.mutationOptions());
  const update = useMutation(trpc.automation.update.mutationOptions());

  function optimistic(next: AutomationRule[]) {
    const previous = queryClient.getQueryData(listKey);
    void queryClient.cancelQueries({ queryKey: listKey });
    queryClient.setQueryData(listKey, next);
    return {
      onError: () => queryClient.setQueryData(listKey, previous),
      onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
    };
  }

  function move(activeId: string, overId: string) {
    const next = moveRule(queryClient.getQueryData(listKey) ?? [], activeId, overId);
    if (next) reorder.mutate({ workspaceSlug, ids: next.map((rule) => rule.id) }, optimistic(next));
  }

  function setActive(rule: AutomationRule, isActive: boolean) {
    const next = (queryClient.getQueryData(listKey) ?? []).map((r) => (r.id === rule.id ? { ...r, is_active: isActive } : r));
    update.mutate({ workspaceSlug, ruleId: rule.id, is_active: isActive }, optimistic(next));
  }

  return { move, setActive, error: reorder.error ?? update.error };
}
