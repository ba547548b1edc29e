import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { AttachmentNotFoundError, InvalidAttachmentKeyError, newAttachmentKey } from "@/server/attachments/attachment-keys";
import type { AttachmentStore } from "@/server/attachments/attachment-store";

/** A fresh, empty store, and every key it holds (for the local store: every file, half-written ones too). */
export type StoreUnderTest = { store: AttachmentStore; storedKeys: () => Promise<string[]> };

const MiB = 1024 * 1024;
const workspaceId = "0b6d3f3e-8c1a-4b8e-9f5e-1a2b3c4d5e6f";

/** Chunks of `size` bytes that add up to `total`; each chunk's bytes differ, so misplaced parts show. */
function* chunks(total: number, size = MiB): Generator<Buffer> {
  for (let offset = 0; offset < total; offset += size) {
    yield Buffer.alloc(Math.min(size, total - offset), offset / size);
  }
}

/** What every AttachmentStore must do, run against each implementation. */
export function describeAttachmentStoreContract(name: string, freshStore: () => Promise<StoreUnderTest>) {
  describe(`${name} (the AttachmentStore contract)`, () => {
    const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 256);

    it("stores bytes under nested keys and reads them back exactly", async () => {
      const { store, storedKeys } = await freshStore();
      await store.put("ws/2025/01/a.bin", bytes);
      expect(new Uint8Array(await store.get("ws/2025/01/a.bin"))).toEqual(bytes);
      expect(await storedKeys()).toEqual(["ws/2025/01/a.bin"]);
    });

    it("stores a stream and serves it as a stream", async () => {
      const { store } = await freshStore();
      await store.put("k/stream.txt", Readable.from([Buffer.from("hello "), Buffer.from("world")]));
      expect((await store.get("k/stream.txt")).toString()).toBe("hello world");
      expect(await text(await store.openStream("k/stream.txt"))).toBe("hello world");
    });

    it("stores empty bytes and an empty stream", async () => {
      const { store, storedKeys } = await freshStore();
      await store.put("k/empty.bin", new Uint8Array());
      await store.put("k/empty-stream.bin", Readable.from([]));
      expect((await store.get("k/empty.bin")).length).toBe(0);
      expect((await store.get("k/empty-stream.bin")).length).toBe(0);
      expect((await storedKeys()).sort()).toEqual(["k/empty-stream.bin", "k/empty.bin"]);
    });

    it("stores a stream of several MiB (more than one S3 part) exactly", async () => {
      const { store } = await freshStore();
      await store.put("k/large.bin", Readable.from(chunks(12 * MiB + 5)));
      expect((await store.get("k/large.bin")).equals(Buffer.concat([...chunks(12 * MiB + 5)]))).toBe(true);
    });

    it.each([
      ["a few bytes", 12],
      ["more than one S3 part", 6 * MiB],
    ])("leaves nothing behind and reports the stream's own error when it fails after %s", async (_, before) => {
      const { store, storedKeys } = await freshStore();
      const broke = new Error("source broke");
      async function* broken() {
        yield* chunks(before);
        await Promise.resolve();
        throw broke;
      }
      await expect(store.put("k/broken.bin", Readable.from(broken()))).rejects.toBe(broke);
      expect(await storedKeys()).toEqual([]);
    });

    it("deletes, and deleting a missing key is not an error", async () => {
      const { store, storedKeys } = await freshStore();
      await store.put("k/gone.txt", bytes);
      await store.delete("k/gone.txt");
      expect(await storedKeys()).toEqual([]);
      await expect(store.delete("k/gone.txt")).resolves.toBeUndefined();
    });

    it("rejects a missing key with AttachmentNotFoundError, in get and before openStream hands out a stream", async () => {
      const { store } = await freshStore();
      await store.put("k/gone.txt", bytes);
      await store.delete("k/gone.txt");
      for (const key of ["k/gone.txt", "never/stored.txt"]) {
        await expect(store.get(key)).rejects.toBeInstanceOf(AttachmentNotFoundError);
        await expect(store.openStream(key)).rejects.toBeInstanceOf(AttachmentNotFoundError);
      }
    });

    it.each(["../escape.txt", "a/../../escape.txt", "a/../b", "..", "./a", "a//b", "a/", "", "/abs/a.txt", "a\\..\\..\\escape.txt", "a\0b"])(
      "refuses the key %j",
      async (key) => {
        const { store, storedKeys } = await freshStore();
        await expect(store.put(key, bytes)).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
        await expect(store.put(key, Readable.from([Buffer.from("x")]))).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
        await expect(store.get(key)).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
        await expect(store.openStream(key)).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
        await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
        expect(await storedKeys()).toEqual([]);
      },
    );

    it("accepts the keys newAttachmentKey makes, even from hostile names", async () => {
      const { store, storedKeys } = await freshStore();
      const key = newAttachmentKey(workspaceId, "../../etc/pass\u0000wd\r\n\\..\\x.txt");
      await store.put(key, Buffer.from("ok"));
      expect(await storedKeys()).toEqual([key]);
    });
  });
}
