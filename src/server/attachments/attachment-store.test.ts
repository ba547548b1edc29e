import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  InvalidAttachmentKeyError,
  LocalAttachmentStore,
  attachmentStore,
  newAttachmentKey,
  safeAttachmentName,
} from "@/server/attachments/attachment-store";

const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadline-attachments-"));
  tempDirs.push(dir);
  return dir;
}

/** A store whose root sits one level below a parent folder, so escapes have somewhere to land. */
function freshStore() {
  const parent = tempDir();
  return { parent, store: new LocalAttachmentStore(path.join(parent, "root")) };
}

const filesUnder = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((entry) => fs.statSync(path.join(dir, entry)).isFile())
    : [];

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("LocalAttachmentStore", () => {
  const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 256);

  it("stores bytes under nested keys and reads them back exactly", async () => {
    const { store } = freshStore();
    await store.put("ws/2025/01/a.bin", bytes);
    expect(new Uint8Array(await store.get("ws/2025/01/a.bin"))).toEqual(bytes);
    expect(fs.readFileSync(path.join(store.root, "ws", "2025", "01", "a.bin")).equals(bytes)).toBe(true);
  });

  it("stores a stream and serves it as a stream", async () => {
    const { store } = freshStore();
    await store.put("k/stream.txt", Readable.from([Buffer.from("hello "), Buffer.from("world")]));
    expect((await store.get("k/stream.txt")).toString()).toBe("hello world");
    expect(await text(store.openStream("k/stream.txt"))).toBe("hello world");
  });

  it("leaves nothing behind when a stream fails half way", async () => {
    const { store } = freshStore();
    async function* broken() {
      yield Buffer.from("partial data");
      await Promise.resolve();
      throw new Error("source broke");
    }
    await expect(store.put("k/broken.bin", Readable.from(broken()))).rejects.toThrow("source broke");
    expect(filesUnder(store.root)).toEqual([]);
  });

  it("deletes, and deleting a missing key is not an error", async () => {
    const { store } = freshStore();
    await store.put("k/gone.txt", bytes);
    await store.delete("k/gone.txt");
    await expect(store.get("k/gone.txt")).rejects.toMatchObject({ code: "ENOENT" });
    await expect(store.delete("k/gone.txt")).resolves.toBeUndefined();
  });

  it.each([
    "../escape.txt",
    "a/../../escape.txt",
    "a/../b",
    "..",
    "./a",
    "a//b",
    "a/",
    "",
    "a\\..\\..\\escape.txt",
    "a\0b",
  ])("refuses the key %j", async (key) => {
    const { parent, store } = freshStore();
    await expect(store.put(key, bytes)).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
    await expect(store.get(key)).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
    await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
    expect(() => store.openStream(key)).toThrow(InvalidAttachmentKeyError);
    expect(filesUnder(parent)).toEqual([]);
  });

  it("refuses absolute keys and does not write there", async () => {
    const { parent, store } = freshStore();
    const outside = path.join(parent, "absolute.txt");
    await expect(store.put(outside, bytes)).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
    expect(fs.existsSync(outside)).toBe(false);
  });

  it("does not let a delete reach outside the root", async () => {
    const { parent, store } = freshStore();
    fs.writeFileSync(path.join(parent, "precious.txt"), "keep me");
    await expect(store.delete("../precious.txt")).rejects.toBeInstanceOf(InvalidAttachmentKeyError);
    expect(fs.readFileSync(path.join(parent, "precious.txt"), "utf8")).toBe("keep me");
  });
});

describe("store configuration", () => {
  const saved = process.env.ATTACHMENTS_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.ATTACHMENTS_DIR;
    else process.env.ATTACHMENTS_DIR = saved;
  });

  it("uses ATTACHMENTS_DIR, else ./.data/attachments", () => {
    process.env.ATTACHMENTS_DIR = "/srv/threadline/files";
    expect(new LocalAttachmentStore().root).toBe(path.resolve("/srv/threadline/files"));
    delete process.env.ATTACHMENTS_DIR;
    expect(new LocalAttachmentStore().root).toBe(path.resolve(".data/attachments"));
  });

  it("hands out one store per process", () => {
    expect(attachmentStore()).toBeInstanceOf(LocalAttachmentStore);
    expect(attachmentStore()).toBe(attachmentStore());
  });
});

describe("newAttachmentKey", () => {
  const workspaceId = "0b6d3f3e-8c1a-4b8e-9f5e-1a2b3c4d5e6f";
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is workspace/yyyy/mm/uuid-name, dated in UTC", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-03-31T23:30:00-05:00"));
    const key = newAttachmentKey(workspaceId, "Invoice 42.pdf");
    expect(key).toMatch(new RegExp(`^${workspaceId}/2025/04/[0-9a-f-]{36}-Invoice 42\\.pdf$`));
    expect(newAttachmentKey(workspaceId, "Invoice 42.pdf")).not.toBe(key);
  });

  it("produces keys the store accepts, even from hostile names", async () => {
    const { store } = freshStore();
    const key = newAttachmentKey(workspaceId, "../../etc/pass\u0000wd\r\n\\..\\x.txt");
    expect(key.split("/")).toHaveLength(4);
    expect(key).toMatch(/-\.\.\.\.etcpasswd\.\.x\.txt$/);
    await store.put(key, Buffer.from("ok"));
    expect(filesUnder(store.root)).toEqual([key.split("/").join(path.sep)]);
  });

  it("caps names at 100 characters and at a byte length the file system accepts", async () => {
    expect(safeAttachmentName(`${"a".repeat(300)}.pdf`)).toBe("a".repeat(100));
    expect(safeAttachmentName("😀".repeat(150))).toBe("😀".repeat(50));
    const japanese = safeAttachmentName("請求書".repeat(40));
    expect(Buffer.byteLength(japanese)).toBeLessThanOrEqual(200);
    const { store } = freshStore();
    await store.put(newAttachmentKey(workspaceId, "請求書".repeat(40)), Buffer.from("ok"));
  });

  it("names an attachment whose name is only separators or control characters", () => {
    expect(safeAttachmentName("//\\\u0001 ")).toBe("attachment");
  });

  it("refuses a workspace id that is not a plain identifier", () => {
    expect(() => newAttachmentKey("../other", "a.txt")).toThrow(InvalidAttachmentKeyError);
  });
});
