import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AttachmentNotFoundError, InvalidAttachmentKeyError, assertSafeKey } from "./attachment-keys";
import type { AttachmentStore } from "./attachment-store";

/** Keeps attachments as files below one root folder: one machine only (see S3AttachmentStore for several). */
export class LocalAttachmentStore implements AttachmentStore {
  readonly root: string;

  constructor(root: string) {
    // Read at run time from the configuration; not a build input (keeps Turbopack from tracing it).
    this.root = path.resolve(/*turbopackIgnore: true*/ root);
  }

  async put(key: string, data: Uint8Array | NodeJS.ReadableStream): Promise<void> {
    const file = this.pathFor(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // Write beside the target and rename, so readers never see a half-written file. The temporary name does
    // not extend the target's, which may already be close to the file system's name length limit.
    const partial = path.join(path.dirname(file), `.${randomUUID()}.partial`);
    let out: fs.WriteStream | null = null;
    try {
      if (data instanceof Uint8Array) {
        await fs.promises.writeFile(partial, data);
      } else {
        out = fs.createWriteStream(partial);
        await pipeline(data, out);
      }
      await fs.promises.rename(partial, file);
    } catch (error) {
      // A failed pipeline may end before the stream has even opened its file: wait for it to close,
      // or the file could appear after it was removed.
      const stream = out;
      if (stream && !stream.closed) await new Promise<void>((resolve) => stream.once("close", () => resolve()));
      await fs.promises.rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    return await fs.promises.readFile(this.pathFor(key)).catch(notFoundAs(key));
  }

  async openStream(key: string): Promise<Readable> {
    // Open first, so a missing file rejects here rather than erroring a response that has already begun.
    const handle = await fs.promises.open(this.pathFor(key)).catch(notFoundAs(key));
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathFor(key), { force: true });
  }

  /** Maps a key to its file, refusing anything that could leave the root folder. */
  pathFor(key: string): string {
    assertSafeKey(key);
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw new InvalidAttachmentKeyError(key);
    return file;
  }
}

const notFoundAs = (key: string) => (error: unknown) => {
  throw (error as NodeJS.ErrnoException).code === "ENOENT" ? new AttachmentNotFoundError(key) : error;
};
