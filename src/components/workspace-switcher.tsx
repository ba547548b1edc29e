"use client";

import { useRouter } from "next/navigation";
import { confirmLeave } from "./unsaved-changes";

export function WorkspaceSwitcher({ current, workspaces }: { current: string; workspaces: { slug: string; name: string }[] }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Workspace</span>
      <select
        aria-label="Workspace"
        value={current}
        onChange={(event) => confirmLeave() && router.push(`/w/${event.target.value}/inbox`)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 font-medium"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.slug} value={workspace.slug}>
            {workspace.name}
          </option>
        ))}
      </select>
    </label>
  );
}
