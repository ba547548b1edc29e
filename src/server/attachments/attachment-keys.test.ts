import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidAttachmentKeyError, newAttachmentKey, safeAttachmentName } from "@/server/attachments/attachment-keys";

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

  it("makes a hostile name into one harmless last segment", () => {
    const key = newAttachmentKey(workspaceId, "../../etc/pass\u0000wd\r\n\\..\\x.txt");
    expect(key.split("/")).toHaveLength(4);
    expect(key).toMatch(/-\.\.\.\.etcpasswd\.\.x\.txt$/);
  });

  it("caps names at 100 characters and at a byte length the file system accepts", () => {
    expect(safeAttachmentName(`${"a".repeat(300)}.pdf`)).toBe("a".repeat(100));
    expect(safeAttachmentName("😀".repeat(150))).toBe("😀".repeat(50));
    const japanese = safeAttachmentName("請求書".repeat(40));
    expect(Buffer.byteLength(japanese)).toBeLessThanOrEqual(200);
  });

  it("names an attachment whose name is only separators or control characters", () => {
    expect(safeAttachmentName("//\\\u0001 ")).toBe("attachment");
  });

  it("refuses a workspace id that is not a plain identifier", () => {
    expect(() => newAttachmentKey("../other", "a.txt")).toThrow(InvalidAttachmentKeyError);
  });
});
