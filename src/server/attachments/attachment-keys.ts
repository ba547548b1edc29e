import { randomUUID } from "node:crypto";

/** A key that could escape the store's root (a folder, a bucket prefix) or name something odd. */
export class InvalidAttachmentKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid attachment key: ${JSON.stringify(key)}`);
    this.name = "InvalidAttachmentKeyError";
  }
}

/** Nothing is stored under the key (never stored, deleted, or a store other than the one that stored it). */
export class AttachmentNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No attachment is stored under ${JSON.stringify(key)}`);
    this.name = "AttachmentNotFoundError";
  }
}

/**
 * The rule every store applies to a key: `/`-separated relative segments, none empty, `.` or `..`,
 * no backslash or NUL. A store may check more (the local store also resolves the path).
 */
export function assertSafeKey(key: string): void {
  const unsafe =
    key.includes("\\") || key.includes("\0") || key.startsWith("/") || key.split("/").some((segment) => segment === "" || segment === "." || segment === "..");
  if (unsafe) throw new InvalidAttachmentKeyError(key);
}

const MAX_NAME_CHARS = 100;
// A uuid, a dash and 200 bytes stay below the 255-byte file name limit of common file systems.
const MAX_NAME_BYTES = 200;

/** A file-name-safe version of a user-supplied attachment name. */
export function safeAttachmentName(filename: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const cleaned = filename.replace(/[/\\\u0000-\u001f\u007f-\u009f]/g, "").trim();
  let name = "";
  for (const char of Array.from(cleaned).slice(0, MAX_NAME_CHARS)) {
    if (Buffer.byteLength(name + char) > MAX_NAME_BYTES) break;
    name += char;
  }
  return name === "" ? "attachment" : name;
}

/** `${workspaceId}/${yyyy}/${mm}/${uuid}-${safeName}`, dated in UTC. */
export function newAttachmentKey(workspaceId: string, filename: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(workspaceId)) throw new InvalidAttachmentKeyError(workspaceId);
  const now = new Date();
  const year = String(now.getUTCFullYear());
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${workspaceId}/${year}/${month}/${randomUUID()}-${safeAttachmentName(filename)}`;
}
