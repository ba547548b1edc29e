"use client";

import { PaperclipIcon } from "@/components/icons";
import { formatSize } from "./attachment-list";
import type { useUploads } from "./use-uploads";

/** The picker and the list of files that go with the next message. */
export function ComposerAttachments({ uploads, disabled }: { uploads: ReturnType<typeof useUploads>; disabled: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
        Attach files
        <input
          type="file"
          multiple
          disabled={disabled}
          className="sr-only"
          onChange={(event) => {
            uploads.add(event.target.files);
            event.target.value = "";
          }}
        />
      </label>
      <ul aria-label="Files to send" className="flex flex-wrap gap-2">
        {uploads.uploads.map((u) => (
          <li
            key={u.key}
            data-testid="upload"
            data-status={u.status}
            className={`flex items-center gap-1 rounded-md border px-2 py-0.5 text-sm ${u.status === "failed" ? "border-red-300 bg-red-50 text-red-800" : "border-slate-200 bg-slate-50"}`}
          >
            <PaperclipIcon /> {u.name}{" "}
            <span className="text-slate-500">({u.status === "uploading" ? "uploading…" : u.status === "failed" ? u.error : formatSize(u.size)})</span>
            <button type="button" aria-label={`Remove ${u.name}`} onClick={() => uploads.remove(u.key)} className="ml-1 text-slate-500 hover:text-slate-900">
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
