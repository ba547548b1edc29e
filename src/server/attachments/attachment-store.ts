import type { Readable } from "node:stream";
import { appConfig, type AppConfig } from "@/env";
import { LocalAttachmentStore } from "./local-attachment-store";
import { s3StoreFromConfig } from "./s3-attachment-store";

/**
 * Where attachment bytes live. Keys are `/`-separated relative paths (see newAttachmentKey); every
 * method refuses an unsafe key with InvalidAttachmentKeyError (see assertSafeKey).
 */
export interface AttachmentStore {
  /** Stores the bytes under `key`, reading a stream as it arrives; on failure nothing is left under `key`. */
  put(key: string, data: Uint8Array | NodeJS.ReadableStream): Promise<void>;
  /** Rejects with AttachmentNotFoundError when nothing is stored under `key`. */
  get(key: string): Promise<Buffer>;
  /** Like get, but as a stream; a missing key rejects before any byte is read. */
  openStream(key: string): Promise<Readable>;
  /** Removes the bytes; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** The store the configuration selects: a local folder (the default) or an S3-compatible bucket. */
export function storeFromConfig(config: AppConfig): AttachmentStore {
  return config.ATTACHMENT_STORE === "s3" ? s3StoreFromConfig(config) : new LocalAttachmentStore(config.ATTACHMENTS_DIR);
}

let configuredStore: AttachmentStore | undefined;

/** The process-wide store, configured from the environment on first use. */
export function attachmentStore(): AttachmentStore {
  return (configuredStore ??= storeFromConfig(appConfig()));
}
