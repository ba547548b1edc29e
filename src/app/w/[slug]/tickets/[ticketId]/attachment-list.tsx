import { PaperclipIcon } from "@/components/icons";
import { attachmentPath } from "@/server/attachments/attachment-paths";
import type { ThreadMessage } from "@/trpc/types";

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A message's files, each a download from the workspace's attachment route. */
export function AttachmentList({ attachments, workspaceId }: { attachments: ThreadMessage["attachments"]; workspaceId: string | undefined }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mt-3 flex flex-wrap gap-2">
      {attachments.map((file) => (
        <li key={file.id} className="rounded-md border border-slate-200 bg-white text-sm">
          {file.status === "stored" && workspaceId ? (
            <a href={attachmentPath(workspaceId, file.id)} download={file.filename} className="flex items-center gap-1 px-2 py-1 hover:bg-slate-50">
              <PaperclipIcon /> {file.filename} <span className="text-slate-500">({formatSize(file.size)})</span>
            </a>
          ) : (
            <span className="flex items-center gap-1 px-2 py-1 text-slate-500" title={file.error ?? undefined}>
              <PaperclipIcon /> {file.filename} ({file.status === "failed" ? "could not be stored" : "processing"})
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
