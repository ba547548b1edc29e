/** The route of a stored attachment: same-origin, and only a member of its workspace can load it. */
export function attachmentPath(workspaceId: string, attachmentId: string): string {
  return `${attachmentsPath(workspaceId)}${encodeURIComponent(attachmentId)}`;
}

/** Every attachment route of a workspace, as a CSP path prefix (the trailing slash makes it one). */
export function attachmentsPath(workspaceId: string): string {
  return `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/attachments/`;
}
