import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import type { AppConfig } from "@/env";
import { AttachmentNotFoundError, assertSafeKey } from "./attachment-keys";
import type { AttachmentStore } from "./attachment-store";

/** Keeps attachments as objects in an S3-compatible bucket, which every app instance can reach. */
export class S3AttachmentStore implements AttachmentStore {
  constructor(
    readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async put(key: string, data: Uint8Array | NodeJS.ReadableStream): Promise<void> {
    assertSafeKey(key);
    let sourceError: unknown;
    const body =
      data instanceof Uint8Array
        ? data
        : Readable.from(
            rememberingError(data, (error) => (sourceError = error)),
            { objectMode: false },
          );
    // A stream goes up in 5 MiB parts (one PUT if it is smaller), one part in memory at a time.
    const upload = new Upload({ client: this.client, params: { Bucket: this.bucket, Key: key, Body: body }, queueSize: 1 });
    try {
      await upload.done();
    } catch (error) {
      if (body instanceof Readable) body.destroy(); // stops reading the source if S3 failed first
      // Upload aborts a multipart upload (its parts are never an object); a failed PUT stored nothing. The delete
      // covers a Complete that the server committed but whose answer was lost.
      await this.delete(key).catch(() => undefined);
      // When the server refuses the abort, Upload throws that instead of the source's error (a size limit's, say).
      throw sourceError ?? error;
    }
  }

  async get(key: string): Promise<Buffer> {
    return await buffer(await this.openStream(key));
  }

  async openStream(key: string): Promise<Readable> {
    assertSafeKey(key);
    const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })).catch((error: unknown) => {
      throw error instanceof NoSuchKey ? new AttachmentNotFoundError(key) : error;
    });
    if (!(response.Body instanceof Readable)) throw new Error(`S3 answered ${key} without a body stream`);
    return response.Body;
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

async function* rememberingError(source: NodeJS.ReadableStream, remember: (error: unknown) => void): AsyncGenerator<Buffer | string> {
  try {
    for await (const chunk of source) yield chunk;
  } catch (error) {
    remember(error);
    throw error;
  }
}

/** The store ATTACHMENT_STORE=s3 selects; without keys in the configuration the SDK's default chain applies (e.g. an instance role). */
export function s3StoreFromConfig(config: AppConfig): S3AttachmentStore {
  if (!config.S3_BUCKET) throw new Error("S3_BUCKET is required when ATTACHMENT_STORE=s3");
  const credentials =
    config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined;
  const client = new S3Client({
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials,
    // An unreachable store fails the request within seconds instead of holding it.
    requestHandler: { connectionTimeout: 5_000 },
  });
  return new S3AttachmentStore(client, config.S3_BUCKET);
}
