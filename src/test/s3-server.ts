import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { parseConfig } from "@/env";
import { type S3AttachmentStore, s3StoreFromConfig } from "@/server/attachments/s3-attachment-store";

/** An S3-compatible server (s3rver) in the test's process, on a free loopback port, keeping objects in a temp folder. */
export interface S3Server {
  endpoint: string;
  /** A new bucket on this server, and the settings that point an app instance's attachment store at it. */
  createBucket(name: string): Promise<{ env: Record<string, string>; store: S3AttachmentStore }>;
  stop(): Promise<void>;
}

export async function startS3Server(): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "threadline-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    async createBucket(name) {
      // s3rver's default credentials.
      const env = {
        ATTACHMENT_STORE: "s3",
        S3_BUCKET: name,
        S3_ENDPOINT: endpoint,
        S3_FORCE_PATH_STYLE: "true",
        S3_ACCESS_KEY_ID: "S3RVER",
        S3_SECRET_ACCESS_KEY: "S3RVER",
      };
      const store = s3StoreFromConfig(parseConfig(env));
      await store.client.send(new CreateBucketCommand({ Bucket: name }));
      return { env, store };
    },
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
