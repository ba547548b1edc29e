import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidAttachmentKeyError, newAttachmentKey } from "@/server/attachments/attachment-keys";
import { LocalAttachmentStore } from "@/server/attachments/local-attachment-store";
import { describeAttachmentStoreContract } from "@/test/attachment-store-contract";

const tempDirs: string[] = [];

/** A store whose root sits one level below a parent folder, so escapes have somewhere to land. */
function freshStore() {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "threadline-attachments-"));
  tempDirs.push(parent);
  return { parent, store: new LocalAttachmentStore(path.join(parent, "root")) };
}

/** Every file below the parent, as `/`-separated paths relative to the root: an escaped write shows as `../…`. */
const filesAround = (store: LocalAttachmentStore, parent: string) =>
  fs
    .readdirSync(parent, { recursive: true, encoding: "utf8" })
    .filter((entry) => fs.statSync(path.join(parent, entry)).isFile())
    .map((entry) => path.relative(store.root, path.join(parent, entry)).split(path.sep).join("/"));

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describeAttachmentStoreContract("LocalAttachmentStore", () => {
  const { parent, store } = freshStore();
  return Promise.resolve({ store, storedKeys: () => Promise.resolve(filesAround(store, parent)) });
});

describe("LocalAttachmentStore", () => {
  it("keeps each key as a file at the same path below its root", async () => {
    const { store } = freshStore();
    const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 256);
    await store.put("ws/2025/01/a.bin", bytes);
    expect(fs.readFileSync(path.join(store.root, "ws", "2025", "01", "a.bin")).equals(bytes)).toBe(true);
  });

  // s3rver cannot hold this one (it adds a suffix to the file name); S3 itself allows 1024-byte keys.
  it("stores the key of a name at the byte length cap, within the file system's name limit", async () => {
    const { store } = freshStore();
    const key = newAttachmentKey("0b6d3f3e-8c1a-4b8e-9f5e-1a2b3c4d5e6f", "請求書".repeat(40));
    await store.put(key, Buffer.from("ok"));
    expect((await store.get(key)).toString()).toBe("ok");
  });

  it("refuses absolute keys and does not write there", async () => {
    const { parent, store } = freshStore();
    const outside = path.join(parent, "absolute.txt");
    await expect(store.put(outside, Buffer.from("x"))).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
    expect(fs.existsSync(outside)).toBe(false);
  });

  it("does not let a delete reach outside the root", async () => {
    const { parent, store } = freshStore();
    fs.writeFileSync(path.join(parent, "precious.txt"), "keep me");
    await expect(store.delete("../precious.txt")).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
    expect(fs.readFileSync(path.join(parent, "precious.txt"), "utf8")).toBe("keep me");
  });
});
