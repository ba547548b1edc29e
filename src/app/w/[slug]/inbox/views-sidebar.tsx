"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { AppLink } from "@/components/app-link";
import { ErrorAlert } from "@/components/error-alert";
import { usePollingFallback } from "@/components/live-events";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import { filtersQuery, inboxFiltersOf, viewFilters, type InboxFilters } from "./inbox-filters";
import { formatCount, LIVE_INTERVAL_MS } from "./status-tabs";

/**
 * The saved views (the team's, then mine), each a link to its filters with its live count; the
 * one the inbox shows now is marked. "Save view" keeps the current filters under a name.
 */
export function ViewsSidebar({ workspaceSlug, filters }: { workspaceSlug: string; filters: InboxFilters }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const views = useQuery({ ...trpc.view.list.queryOptions({ workspaceSlug }), refetchInterval: usePollingFallback(LIVE_INTERVAL_MS) });
  const isOwner = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug })).data?.role === "owner";
  const remove = useMutation(trpc.view.delete.mutationOptions({ onSettled: () => queryClient.invalidateQueries(trpc.view.list.pathFilter()) }));
  const [saving, setSaving] = useState(false);
  const current = filtersQuery({ ...filters, page: 1 });

  return (
    <nav aria-label="Views" className="text-sm">
      <div className="mb-1 flex items-center justify-between">
        <h2 className="font-semibold text-slate-700">Views</h2>
        <button type="button" onClick={() => setSaving(true)} className="rounded-md px-2 py-0.5 text-brand-700 hover:bg-slate-100">
          Save view
        </button>
      </div>
      <ErrorAlert error={remove.error} lead="Not deleted." className="mb-2" />
      <ul className="space-y-0.5">
        {(views.data ?? []).map((view) => {
          const query = filtersQuery(inboxFiltersOf(view.filters));
          const active = query === current;
          return (
            <li key={view.id} data-testid="saved-view" className="group flex items-center gap-1">
              <AppLink
                href={`/w/${workspaceSlug}/inbox${query}`}
                aria-current={active ? "page" : undefined}
                className={`flex min-w-0 flex-1 items-center justify-between gap-2 rounded-md px-2 py-1 ${active ? "bg-brand-50 font-medium text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
              >
                <span className="truncate">
                  {view.name}
                  {view.shared && <span className="sr-only"> (shared)</span>}
                </span>
                <span data-testid="view-count" className="tabular-nums text-slate-500">
                  {formatCount(view)}
                </span>
              </AppLink>
              {(!view.shared || isOwner) && (
                <button
                  type="button"
                  aria-label={`Delete view ${view.name}`}
                  onClick={() => window.confirm(`Delete the view “${view.name}”?`) && remove.mutate({ workspaceSlug, viewId: view.id })}
                  className="rounded px-1 text-slate-400 opacity-0 group-hover:opacity-100 hover:text-red-700 focus:opacity-100"
                >
                  ✕
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {views.data?.length === 0 && <p className="px-2 text-slate-500">Save the filters you use often, to come back in one click.</p>}
      <SaveViewDialog open={saving} workspaceSlug={workspaceSlug} filters={filters} isOwner={isOwner} onClose={() => setSaving(false)} />
    </nav>
  );
}

function SaveViewDialog(props: { open: boolean; workspaceSlug: string; filters: InboxFilters; isOwner: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const save = useMutation(
    trpc.view.create.mutationOptions({
      onSuccess: () => {
        setName("");
        setShared(false);
        props.onClose();
      },
      onSettled: () => queryClient.invalidateQueries(trpc.view.list.pathFilter()),
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ workspaceSlug: props.workspaceSlug, name, shared, filters: viewFilters(props.filters) });
  }
  return (
    <Modal open={props.open} title="Save this view" onClose={props.onClose}>
      <form onSubmit={submit} aria-label="Save this view" className="space-y-3">
        <label className="block text-sm">
          <span className="text-slate-700">Name</span>
          <input
            data-autofocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={60}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5"
          />
        </label>
        {props.isOwner && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} className="h-4 w-4 accent-brand-600" />
            Share with the team
          </label>
        )}
        <ErrorAlert error={save.error} labels={{ name: "The name" }} lead="Not saved." />
        <div className="flex justify-end">
          <button
            type="submit"
            disabled={!name.trim() || save.isPending}
            className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {save.isPending ? "Saving…" : "Save view"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
