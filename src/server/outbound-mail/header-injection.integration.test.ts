import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { POST as addMessage } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/messages/route";
import { MAX_REFERENCES } from "@/server/email/message-id";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { postRpc, seedInboundWorkspace } from "@/test/inbound";
import { useTestSmtpServer } from "@/test/smtp";
import { recordEmail } from "./send-email";

const db = useTestDatabase();
const received = useTestSmtpServer();

// Every kind of line break a header parser or mail client might honour, each followed by a header.
const INJECTED =
  "\r\nBcc: bcc@else.example\nCc: cc@else.example\rTo: to@else.example\u2028X-Injected: 1\u2029Reply-To: r@else.example\u0085Sender: s@else.example";
const ALLOWED_HEADERS = new Set([
  "from",
  "to",
  "subject",
  "message-id",
  "in-reply-to",
  "references",
  "date",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
  "auto-submitted",
  "x-auto-response-suppress",
  "thread-topic",
  "thread-index",
]);

function headerNames(raw: string): string[] {
  const block = raw.slice(0, raw.indexOf("\r\n\r\n"));
  // Continuation lines (folding) start with whitespace; every other line starts a header.
  return block
    .split("\r\n")
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => line.slice(0, line.indexOf(":")).toLowerCase());
}

describe("outgoing mail built from hostile names and subjects", () => {
  it("reaches only the contact, with no extra header line, and References capped", async () => {
    const ws = await seedInboundWorkspace(db());
    await db().mailbox.update({ where: { id: ws.inboxMailbox.id }, data: { name: `Support${INJECTED}` } });
    const references = Array.from({ length: 150 }, (_, i) => `<ref-${i}@thread.example>`).join(" ");
    const inbound = await postRpc({
      organizationId: ws.workspace.id,
      from: `"Bob${INJECTED}" <bob@customer.example>`,
      to: ws.inboxMailbox.address,
      subject: `Help${INJECTED}`,
      text: "hi",
      messageId: "<hostile-1@customer.example>",
      references,
    });
    expect(inbound.status).toBe(200);
    await runPendingJobs(db(), jobHandlers());
    const reply = await callRoute(addMessage, "POST", "/", {
      token: ws.member.token,
      params: { workspaceId: ws.workspace.id, ticketId: inbound.json.ticketId },
      body: { body: "On it", sendEmail: true },
    });
    expect(reply.status).toBe(201);
    // The reply's send job.
    await runPendingJobs(db(), jobHandlers());

    const outbound = await db().outboundEmail.findMany({ where: { workspaceId: ws.workspace.id }, orderBy: { createdAt: "asc" } });
    expect(outbound.map((email) => [email.kind, email.status])).toEqual([
      ["confirmation", "sent"],
      ["reply", "sent"],
    ]);
    expect(received).toHaveLength(2);
    for (const email of received) {
      expect(email.envelopeTo).toEqual(["bob@customer.example"]);
      const names = headerNames(email.raw);
      expect(names.filter((name) => !ALLOWED_HEADERS.has(name))).toEqual([]);
      expect(new Set(names).size).toBe(names.length);
      const parsed = await PostalMime.parse(email.raw);
      expect(parsed.to).toEqual([{ address: "bob@customer.example", name: "" }]);
      expect(parsed.cc ?? []).toEqual([]);
      expect(parsed.from).toEqual({
        address: ws.inboxMailbox.address,
        name: expect.stringMatching(/^Support Bcc: bcc@else\.example Cc: .* Sender: s@else\.example$/),
      });
      expect(parsed.subject).toMatch(/^(Re: )?\[#\d+\] Help Bcc: bcc@else\.example Cc: .* Sender: s@else\.example$/);
      expect(parsed.headers.find((h) => h.key === "thread-topic")?.value).toMatch(/^Help Bcc: bcc@else\.example Cc: .* Sender: s@else\.example$/);
      const ids = parsed.references?.split(/\s+/) ?? [];
      expect(ids).toHaveLength(MAX_REFERENCES);
      expect(ids.at(-1)).toBe("<hostile-1@customer.example>");
      expect(ids[0]).toBe("<ref-51@thread.example>");
    }
  });

  it.each(["a@customer.example, b@else.example", "A <a@customer.example>", "a@customer.example\r\nBcc: b@else.example", "<a@customer.example>"])(
    "sends nothing to a recipient that is not one bare address: %j",
    async (to) => {
      const ws = await seedInboundWorkspace(db());
      const before = received.length;
      const recorded = await db().$transaction((tx) =>
        recordEmail(tx, { workspaceId: ws.workspace.id, kind: "notification", to, cc: ["c@customer.example"], subject: "Hi", text: "x" }),
      );
      await runPendingJobs(db(), jobHandlers());
      const outbound = await db().outboundEmail.findUniqueOrThrow({ where: { id: recorded.outbound.id } });
      expect(outbound.status).not.toBe("sent");
      expect(outbound).toMatchObject({ status: "failed", error: expect.stringContaining("Not a single email address") });
      expect(received.length).toBe(before);
    },
  );
});
