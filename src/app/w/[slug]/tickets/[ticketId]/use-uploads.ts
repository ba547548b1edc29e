"use client";

import { useState } from "react";
import { errorSentence, OFFLINE_SENTENCE } from "@/components/error-sentence";

interface Upload {
  key: string;
  name: string;
  size: number;
  status: "uploading" | "done" | "failed";
  id?: string;
  error?: string;
}

/** Files for the next message, uploaded as soon as they are picked (REST: multipart field `file`). */
export function useUploads(workspaceId: string | undefined, ticketId: string) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const patch = (key: string, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function upload(key: string, file: File) {
    const form = new FormData();
    form.set("file", file);
    try {
      const response = await fetch(`/api/v1/workspaces/${workspaceId}/tickets/${ticketId}/attachments`, { method: "POST", body: form });
      // A proxy's error page is not JSON: the status then tells what happened.
      const answer = (await response.json().catch(() => ({}))) as { id?: string; error?: { code?: string; message?: string; details?: { fields?: unknown } } };
      if (response.ok && answer.id) patch(key, { status: "done", id: answer.id });
      else if (answer.error) patch(key, { status: "failed", error: errorSentence({ message: answer.error.message, data: answer.error }) });
      else patch(key, { status: "failed", error: response.status === 413 ? "The file is too large." : `The upload failed (HTTP ${response.status}).` });
    } catch {
      patch(key, { status: "failed", error: OFFLINE_SENTENCE });
    }
  }

  function add(files: FileList | null) {
    if (!files || !workspaceId) return;
    for (const file of Array.from(files)) {
      const key = crypto.randomUUID();
      setUploads((list) => [...list, { key, name: file.name, size: file.size, status: "uploading" }]);
      void upload(key, file);
    }
  }

  return {
    uploads,
    add,
    remove: (key: string) => setUploads((list) => list.filter((u) => u.key !== key)),
    clear: () => setUploads([]),
    /** Files uploaded earlier (a restored draft). */
    restore: (files: { id: string; filename: string; size: number }[]) =>
      setUploads(files.map((file) => ({ key: file.id, id: file.id, name: file.filename, size: file.size, status: "done" }))),
    ids: uploads.flatMap((u) => (u.id ? [u.id] : [])),
    busy: uploads.some((u) => u.status === "uploading"),
  };
}
