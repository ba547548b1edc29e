import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as mailReport } from "@/app/mail-report/route";
import { POST as mgComplained } from "@/app/mg-complained/route";
import { POST as mgPermanentFail } from "@/app/mg-permanent-fail/route";
import { useTestDatabase } from "@/test/database";
import { eventAbout, MAILGUN_TEST_KEY, seedSentEmail, signedMailgunEvent, testSignature } from "@/test/delivery";
import { callRoute } from "@/test/http";
import { newMessageId, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";

const db = useTestDatabase();
const post = (handler: (request: Request) => Promise<Response>, body: unknown) => callRoute(handler, "POST", "/", { body });

describe("suppression after complaints and permanent failures", () => {
  it("stops the confirmation of a later email from an address that bounced permanently", async () => {
    const ws = await seedInboundWorkspace(db());
    const inbound = (subject: string) =>
      postRpc({ organizationId: ws.workspace.id, from: "X <x@acme.com>", to: ws.ticketMailbox.address, subject, text: "Hello", messageId: newMessageId() });
    const first = await inbound("First question");
    await runPendingJobs(db(), jobHandlers());
    const confirmation = await db().outboundEmail.findFirstOrThrow({ where: { ticketId: first.json.ticketId, kind: "confirmation" } });

    const bounce = signedMailgunEvent({ event: "failed", severity: "permanent", reason: "bounce", ...eventAbout(confirmation.messageIdHeader, "x@acme.com") });
    expect(await post(mgPermanentFail, bounce)).toMatchObject({ status: 200, json: { stored: true, duplicate: false } });
    expect(await db().suppressedAddress.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, email: "x@acme.com" } })).toMatchObject({
      reason: "permanent_fail: bounce",
    });
    expect(await db().activityEvent.count({ where: { ticketId: first.json.ticketId, type: "email_permanent_fail" } })).toBe(1);

    const second = await inbound("Second question");
    expect(second.json.ticketId).not.toBe(first.json.ticketId);
    await runPendingJobs(db(), jobHandlers());
    expect(await db().outboundEmail.count({ where: { ticketId: second.json.ticketId } })).toBe(0);
    expect(await db().outboundEmail.count({ where: { workspaceId: ws.workspace.id, toAddress: "x@acme.com" } })).toBe(1);
  });

  it("suppresses a complaining address in the email's workspace only", async () => {
    const { ws, outbound } = await seedSentEmail(db(), "y@acme.com");
    const other = await seedSentEmail(db(), "y@acme.com");
    const complaint = signedMailgunEvent({ event: "complained", ...eventAbout(outbound.messageIdHeader, "y@acme.com") });
    expect((await post(mgComplained, complaint)).json).toEqual({ stored: true, duplicate: false });
    const rows = await db().suppressedAddress.findMany({ where: { email: "y@acme.com" } });
    expect(rows.map((r) => [r.workspaceId, r.reason])).toEqual([[ws.workspace.id, "complained"]]);
    expect(other.ws.workspace.id).not.toBe(ws.workspace.id);
    // A complaint keeps the email's status: it was delivered, then reported.
    expect(await db().outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).toMatchObject({ status: "sent" });
  });
});

describe("POST /mail-report", () => {
  it("records a generic report once, linked by Message-ID, and suppresses on permanent failure", async () => {
    const { ws, ticket, message, outbound } = await seedSentEmail(db(), "z@acme.com");
    const report = { messageId: `<${outbound.messageIdHeader}>`, recipient: "Z <Z@acme.com>", status: "permanent_fail", reason: "550 mailbox unavailable" };

    expect(await post(mailReport, report)).toMatchObject({ status: 200, json: { stored: true, duplicate: false } });
    expect(await post(mailReport, { ...report, messageId: outbound.messageIdHeader, recipient: "z@acme.com" })).toMatchObject({
      status: 200,
      json: { stored: true, duplicate: true },
    });
    const events = await db().deliveryEvent.findMany({ where: { outboundEmailId: outbound.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      workspaceId: ws.workspace.id,
      provider: "report",
      event: "permanent_fail",
      recipient: "z@acme.com",
      reason: "550 mailbox unavailable",
    });
    expect(await db().outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).toMatchObject({ status: "failed", error: "550 mailbox unavailable" });
    expect(await db().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ deliveryStatus: "permanent_fail" });
    expect(await db().activityEvent.count({ where: { ticketId: ticket.id, type: "email_permanent_fail" } })).toBe(1);
    expect(await db().suppressedAddress.count({ where: { workspaceId: ws.workspace.id, email: "z@acme.com" } })).toBe(1);

    const delivered = await post(mailReport, { messageId: outbound.messageIdHeader, recipient: "z@acme.com", status: "delivered" });
    expect(delivered.json).toEqual({ stored: true, duplicate: false });
    expect(await db().deliveryEvent.count({ where: { outboundEmailId: outbound.id } })).toBe(2);
  });

  it("answers 200 without storing for unknown emails, 400/422 for bad bodies", async () => {
    const { outbound } = await seedSentEmail(db(), "w@acme.com");
    const unknown = await post(mailReport, { messageId: "<nobody@nowhere.test>", recipient: "w@acme.com", status: "delivered" });
    expect(unknown).toMatchObject({ status: 200, json: { stored: false, reason: "unknown message" } });
    expect((await post(mailReport, "[")).status).toBe(400);
    const invalid = await post(mailReport, { messageId: outbound.messageIdHeader, recipient: "not an address", status: "bounced" });
    expect(invalid).toMatchObject({
      status: 422,
      json: { error: { code: "VALIDATION", details: { fields: { recipient: expect.any(String), status: expect.any(String) } } } },
    });
    expect((await post(mailReport, { recipient: "w@acme.com", status: "delivered" })).status).toBe(422);
    expect(await db().deliveryEvent.count({ where: { outboundEmailId: outbound.id } })).toBe(0);
  });

  describe("with MAILGUN_WEBHOOK_SIGNING_KEY set", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it("refuses an unsigned, wrongly signed or stale report (401) and stores nothing", async () => {
      const { ws, outbound } = await seedSentEmail(db(), "v@acme.com");
      vi.stubEnv("MAILGUN_WEBHOOK_SIGNING_KEY", MAILGUN_TEST_KEY);
      const report = { messageId: outbound.messageIdHeader, recipient: "v@acme.com", status: "complained" };
      const refused = async (body: unknown, reason: string) =>
        expect(await post(mailReport, body)).toMatchObject({ status: 401, json: { error: { code: "UNAUTHORIZED", details: { reason } } } });
      await refused(report, "missing");
      await refused({ ...report, signature: { ...testSignature(), signature: "0".repeat(64) } }, "invalid");
      await refused({ ...report, signature: testSignature({ timestamp: Math.floor(Date.now() / 1000) - 60 * 60 }) }, "stale");
      // The signature is checked first: an unsigned invalid body is refused, not described.
      await refused({ recipient: "not an address" }, "missing");
      expect(await db().deliveryEvent.count({ where: { outboundEmailId: outbound.id } })).toBe(0);
      expect(await db().suppressedAddress.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
    });

    it("accepts a signed report; the same report again with its token is a duplicate, another report with it 401", async () => {
      const { ws, outbound } = await seedSentEmail(db(), "u@acme.com");
      vi.stubEnv("MAILGUN_WEBHOOK_SIGNING_KEY", MAILGUN_TEST_KEY);
      const signature = testSignature();
      const report = { messageId: outbound.messageIdHeader, recipient: "u@acme.com", status: "complained", signature };
      expect(await post(mailReport, report)).toMatchObject({ status: 200, json: { stored: true, duplicate: false } });
      expect(await db().suppressedAddress.count({ where: { workspaceId: ws.workspace.id, email: "u@acme.com" } })).toBe(1);
      expect(await post(mailReport, report)).toMatchObject({ status: 200, json: { stored: true, duplicate: true } });
      const other = await post(mailReport, { ...report, status: "delivered" });
      expect(other).toMatchObject({ status: 401, json: { error: { details: { reason: "replayed" } } } });
      // A token once used on a Mailgun event webhook cannot sign a report either.
      const used = signedMailgunEvent({ event: "opened", ...eventAbout(outbound.messageIdHeader, "u@acme.com") });
      expect((await post(mgComplained, used)).status).toBe(200);
      expect((await post(mailReport, { ...report, status: "delivered", signature: used.signature })).status).toBe(401);
      expect(await db().deliveryEvent.count({ where: { outboundEmailId: outbound.id } })).toBe(2);
    });
  });
});
