import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";

/** Where attachment bytes live. Keys are `/`-separated relative paths (see newAttachmentKey). */
export interface AttachmentStore {
  /** Stores the bytes under `key`; on failure nothing is left under `key`. */
  put(key: string, data: Uint8Array | NodeJS.ReadableStream): Promise<void>;
  get(key: string): Promise<Buffer>;
  openStream(key: string): NodeJS.ReadableStream;
  /** Removes the bytes; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export class InvalidAttachmentKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid attachment key: ${JSON.stringify(key)}`);
    this.name = "InvalidAttachmentKeyError";
  }
}

export const DEFAULT_ATTACHMENTS_DIR = "./.data/attachments";

/** Keeps attachments as files below one root folder. */
export class LocalAttachmentStore implements AttachmentStore {
  readonly root: string;

  constructor(root: string = process.env.ATTACHMENTS_DIR || DEFAULT_ATTACHMENTS_DIR) {
    // Read at run time from the environment; not a build input (keeps Turbopack from tracing it).
    this.root = path.resolve(/*turbopackIgnore: true*/ root);
  }

  async put(key: string, data: Uint8Array | NodeJS.ReadableStream): Promise<void> {
    const file = this.pathFor(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // Write beside the target and rename, so readers never see a half-written file. The temporary name does
    // not extend the target's, which may already be close to the file system's name length limit.
    const partial = path.join(path.dirname(file), `.${randomUUID()}.partial`);
    try {
      if (data instanceof Uint8Array) {
        await fs.promises.writeFile(partial, data);
      } else {
        await pipeline(data, fs.createWriteStream(partial));
      }
      await fs.promises.rename(partial, file);
    } catch (error) {
      await fs.promises.rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    return await fs.promises.readFile(this.pathFor(key));
  }

  openStream(key: string): NodeJS.ReadableStream {
    return fs.createReadStream(this.pathFor(key));
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathFor(key), { force: true });
  }

  /** Maps a key to its file, refusing anything that could leave the root folder. */
  pathFor(key: string): string {
    const segments = key.split("/");
    const unsafe =
      key.includes("\\") ||
      key.includes("\0") ||
      path.isAbsolute(key) ||
      segments.some((segment) => segment === "" || segment === "." || segment === "..");
    const file = path.resolve(this.root, key);
    if (unsafe || !file.startsWith(this.root + path.sep)) throw new InvalidAttachmentKeyError(key);
    return file;
  }
}

let configuredStore: AttachmentStore | undefined;

/** The process-wide store, configured from the environment on first use. */
export function attachmentStore(): AttachmentStore {
  return (configuredStore ??= new LocalAttachmentStore());
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
