// Runs against a real S3-compatible server (s3rver) started in this process on loopback, on both CI passes.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AttachmentDownloadError, downloadAttachment } from "@/server/attachments/download";
import type { S3AttachmentStore } from "@/server/attachments/s3-attachment-store";
import { describeAttachmentStoreContract } from "@/test/attachment-store-contract";
import { startS3Server, type S3Server } from "@/test/s3-server";

const MiB = 1024 * 1024;
let s3: S3Server;

beforeAll(async () => {
  s3 = await startS3Server();
});

afterAll(async () => {
  await s3?.stop();
});

/** A store on a bucket of its own. */
async function freshStore() {
  const { store } = await s3.createBucket(`t-${randomUUID()}`);
  const storedKeys = async () => {
    const listed = await store.client.send(new ListObjectsV2Command({ Bucket: store.bucket }));
    return (listed.Contents ?? []).map((object) => object.Key!);
  };
  return { store, storedKeys };
}

describeAttachmentStoreContract("S3AttachmentStore", freshStore);

/** Records the S3 commands the store's client sends, and lets a test wait for one to complete. */
function watchCommands(store: S3AttachmentStore) {
  const completed: string[] = [];
  const waiters: { command: string; resolve: () => void }[] = [];
  store.client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      completed.push(context.commandName!);
      for (const waiter of waiters.filter((w) => w.command === context.commandName)) waiter.resolve();
      return result;
    },
    { step: "initialize" },
  );
  const completes = (command: string) => new Promise<void>((resolve) => waiters.push({ command, resolve }));
  return { completed, completes };
}

describe("S3AttachmentStore", () => {
  it("uploads a stream part by part while it is still arriving", async () => {
    const { store } = await freshStore();
    const { completed, completes } = watchCommands(store);
    const firstPartUp = completes("UploadPartCommand");
    async function* arriving() {
      yield Buffer.alloc(6 * MiB, 1);
      // If put buffered the whole stream first, no part would go up and this would wait until the test timed out.
      await firstPartUp;
      yield Buffer.alloc(MiB, 2);
    }
    await store.put("k/arriving.bin", Readable.from(arriving()));
    expect(completed).toEqual(["CreateMultipartUploadCommand", "UploadPartCommand", "UploadPartCommand", "CompleteMultipartUploadCommand"]);
    expect((await store.get("k/arriving.bin")).equals(Buffer.concat([Buffer.alloc(6 * MiB, 1), Buffer.alloc(MiB, 2)]))).toBe(true);
  });

  it("keeps a URL download's size limit: a body over it is too_large and leaves nothing in the bucket", async () => {
    const server = http.createServer((_, response) => {
      response.writeHead(200, { "content-type": "application/octet-stream" }); // chunked: no length to refuse early
      for (let i = 0; i < 8; i++) response.write(Buffer.alloc(MiB, i));
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { store, storedKeys } = await freshStore();
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big.bin`;
      const download = downloadAttachment(url, { maxBytes: 7 * MiB, timeoutMs: 10_000, allowPrivateHosts: true, store, key: "ws/2025/01/big.bin" });
      await expect(download).rejects.toSatisfy((error) => error instanceof AttachmentDownloadError && error.reason === "too_large");
      expect(await storedKeys()).toEqual([]);
      await expect(
        downloadAttachment(url, { maxBytes: 8 * MiB, timeoutMs: 10_000, allowPrivateHosts: true, store, key: "ws/2025/01/ok.bin" }),
      ).resolves.toEqual({
        size: 8 * MiB,
        contentType: "application/octet-stream",
      });
      expect(await storedKeys()).toEqual(["ws/2025/01/ok.bin"]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
