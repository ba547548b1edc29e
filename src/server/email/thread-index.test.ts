import { describe, expect, it } from "vitest";
import { threadIndex } from "./thread-index";

const origin = { id: "0f8fad5b-d9cb-469f-a165-70867728950e", createdAt: new Date("2026-12-07T10:00:00.000Z") };
const bytes = (base64: string) => Buffer.from(base64, "base64");

describe("threadIndex", () => {
  it("is the 22-byte header of the thread: the FILETIME's high 6 bytes, then the ticket's UUID as GUID", () => {
    const header = bytes(threadIndex(origin));
    expect(header).toHaveLength(22);
    // A FILETIME of this century starts with 0x01, as Outlook's headers do.
    const written = BigInt(header.readUIntBE(0, 6)) << 16n;
    const expected = BigInt(origin.createdAt.getTime()) * 10_000n + 116_444_736_000_000_000n;
    expect(header[0]).toBe(0x01);
    expect(expected - written).toBeGreaterThanOrEqual(0n);
    expect(expected - written).toBeLessThan(1n << 16n);
    expect(header.subarray(6).toString("hex")).toBe("0f8fad5bd9cb469fa16570867728950e");
    expect(threadIndex(origin)).toBe(threadIndex({ ...origin }));
  });

  it("adds a 5-byte child block for a reply with the time since the thread began", () => {
    const sentAt = new Date(origin.createdAt.getTime() + 3_600_000);
    const index = bytes(threadIndex(origin, { sentAt, messageId: "a@x.test" }));
    expect(index).toHaveLength(27);
    expect(index.subarray(0, 22)).toEqual(bytes(threadIndex(origin)));
    const block = BigInt(index.readUIntBE(22, 5));
    expect(block >> 39n).toBe(0n);
    const delta = ((block >> 8n) & 0x7fff_ffffn) << 18n;
    // One hour is 36e9 FILETIME units; the block keeps it to 2^18 units (26 ms), plus the header's cut.
    expect(Number(delta)).toBeGreaterThan(36e9 - 2 ** 18);
    expect(Number(delta)).toBeLessThanOrEqual(36e9 + 2 ** 16);
    expect(Number(block & 0x0fn)).toBe(0);
    // Deterministic: the same email gets the same index.
    expect(threadIndex(origin, { sentAt, messageId: "a@x.test" })).toBe(index.toString("base64"));
  });

  it("switches to the coarse resolution for a reply years later", () => {
    const sentAt = new Date(origin.createdAt.getTime() + 3 * 365 * 86_400_000);
    const block = BigInt(bytes(threadIndex(origin, { sentAt, messageId: "b@x.test" })).readUIntBE(22, 5));
    expect(block >> 39n).toBe(1n);
    const delta = ((block >> 8n) & 0x7fff_ffffn) << 23n;
    expect(Number(delta) / 1e7 / 86_400).toBeCloseTo(3 * 365, 0);
  });
});
