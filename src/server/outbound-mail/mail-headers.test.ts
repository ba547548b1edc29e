import { describe, expect, it } from "vitest";
import { mailHeaders } from "./mail-headers";

const email = { subject: "Re: [#4] AW: Drucker", inReplyTo: "c@x.test", messageIdHeader: "m@x.test", createdAt: new Date("2026-12-07T12:00:00Z") };
const ticket = { id: "0f8fad5b-d9cb-469f-a165-70867728950e", createdAt: new Date("2026-12-07T10:00:00Z") };

describe("mailHeaders", () => {
  it.each([
    ["confirmation", "auto-replied"],
    ["automated_response", "auto-replied"],
    ["notification", "auto-generated"],
  ] as const)("marks a %s Auto-Submitted: %s and asks Exchange for no auto-reply", (kind, value) => {
    expect(mailHeaders({ ...email, kind }, null)).toEqual({ "Auto-Submitted": value, "X-Auto-Response-Suppress": "All" });
  });

  it("gives an agent's reply no Auto-Submitted (a person wrote it), and a ticket's mail Outlook's thread headers", () => {
    const headers = mailHeaders({ ...email, kind: "reply" }, ticket);
    expect(Object.keys(headers)).toEqual(["Thread-Topic", "Thread-Index"]);
    expect(headers["Thread-Topic"]).toBe("Drucker");
    expect(Buffer.from(headers["Thread-Index"]!, "base64")).toHaveLength(27);
    // Without In-Reply-To it opens the conversation: the header block alone.
    expect(Buffer.from(mailHeaders({ ...email, kind: "reply", inReplyTo: null }, ticket)["Thread-Index"]!, "base64")).toHaveLength(22);
  });
});
