import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as mgClicked } from "@/app/mg-clicked/route";
import { POST as mgComplained } from "@/app/mg-complained/route";
import { POST as mgDelivered } from "@/app/mg-delivered/route";
import { POST as mgOpened } from "@/app/mg-opened/route";
import { POST as mgPermanentFail } from "@/app/mg-permanent-fail/route";
import { POST as mgTemporaryFail } from "@/app/mg-temporary-fail/route";
import { useTestDatabase } from "@/test/database";
import { eventAbout as about, MAILGUN_TEST_KEY as KEY, seedSentEmail as seed, signedMailgunEvent as mailgunEvent } from "@/test/delivery";
import { callRoute } from "@/test/http";

const db = useTestDatabase();
const fixture = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../test/fixtures/mailgun/webhook-delivered-event.json"), "utf8"));
type Handler = (request: Request) => Promise<Response>;
const post = (handler: Handler, body: unknown) => callRoute(handler, "POST", "/", { body });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe("Mailgun event webhooks", () => {
  it("verify and store the real signed delivered event once, and update the thread", async () => {
    const { ws, ticket, message, outbound } = await seed(db(), "recipient@example.com", "20180812211713.1.DF5966851B4BAA99@example.org");
    vi.stubEnv("MAILGUN_WEBHOOK_SIGNING_KEY", KEY);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date((Number(fixture.signature.timestamp) + 60) * 1000));

    const res = await post(mgDelivered, fixture);
    expect(res).toMatchObject({ status: 200, json: { stored: true, duplicate: false } });
    const event = await db().deliveryEvent.findFirstOrThrow({ where: { outboundEmailId: outbound.id } });
    expect(event).toMatchObject({
      workspaceId: ws.workspace.id,
      event: "delivered",
      recipient: "recipient@example.com",
      provider: "mailgun",
      providerEventId: "hTWCTD81RtiDN-...",
    });
    expect(event.occurredAt.getTime()).toBe(Math.round(1534108637.153125 * 1000));
    expect(await db().outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).toMatchObject({ status: "delivered" });
    expect(await db().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ deliveryStatus: "delivered" });
    const timeline = await db().activityEvent.findFirstOrThrow({ where: { ticketId: ticket.id, type: "email_delivered" } });
    expect(timeline.data).toMatchObject({ outboundEmailId: outbound.id, messageId: message.id, recipient: "recipient@example.com" });

    // The same signed request again is a replay; without a key, the same event is a duplicate.
    expect(await post(mgDelivered, fixture)).toMatchObject({ status: 401, json: { error: { code: "UNAUTHORIZED", details: { reason: "replayed" } } } });
    vi.stubEnv("MAILGUN_WEBHOOK_SIGNING_KEY", "");
    expect(await post(mgDelivered, fixture)).toMatchObject({ status: 200, json: { stored: true, duplicate: true } });
    expect(await db().deliveryEvent.count({ where: { outboundEmailId: outbound.id } })).toBe(1);
    expect(await db().activityEvent.count({ where: { ticketId: ticket.id, type: "email_delivered" } })).toBe(1);
  });

  it("refuse missing, invalid, stale and replayed signatures with 401 and store nothing", async () => {
    const { outbound } = await seed(db(), "jane@acme.com");
    vi.stubEnv("MAILGUN_WEBHOOK_SIGNING_KEY", KEY);
    const event = () => ({ event: "delivered", ...about(outbound.messageIdHeader, "jane@acme.com") });
    const refused = async (body: unknown, reason: string) =>
      expect(await post(mgDelivered, body)).toMatchObject({ status: 401, json: { error: { code: "UNAUTHORIZED", details: { reason } } } });

    const { signature: _signature, ...unsigned } = mailgunEvent(event());
    await refused(unsigned, "missing");
    const tampered = mailgunEvent(event(), { token: "t-1" });
    await refused({ ...tampered, signature: { ...tampered.signature, signature: createHmac("sha256", "wrong key").update("x").digest("hex") } }, "invalid");
    await refused({ ...tampered, signature: { ...tampered.signature, token: "t-2" } }, "invalid");
    await refused({ ...tampered, signature: { ...tampered.signature, signature: "not hex" } }, "invalid");
    const now = Math.floor(Date.now() / 1000);
    await refused(mailgunEvent(event(), { timestamp: now - 16 * 60, token: "t-1" }), "stale");
    await refused(mailgunEvent(event(), { timestamp: now + 6 * 60, token: "t-1" }), "stale");
    expect(await db().deliveryEvent.count({ where: { outboundEmailId: outbound.id } })).toBe(0);

    // Refused requests did not use the token up; a valid one does.
    expect(await post(mgDelivered, mailgunEvent(event(), { token: "t-1" }))).toMatchObject({ status: 200, json: { stored: true } });
    await refused(mailgunEvent(event(), { token: "t-1" }), "replayed");
    expect(await db().deliveryEvent.count({ where: { outboundEmailId: outbound.id } })).toBe(1);
  });

  it("map each path and payload to an event type and track the email's delivery status", async () => {
    const { ticket, message, outbound } = await seed(db(), "jane@acme.com");
    const at = (minutes: number) => Date.now() / 1000 + minutes * 60;
    const send = (handler: Handler, data: Record<string, unknown>) =>
      post(handler, mailgunEvent({ ...about(`<${outbound.messageIdHeader}>`, "Jane <JANE@acme.com>"), ...data }));
    const status = async () => ({
      outbound: (await db().outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).status,
      message: (await db().message.findUniqueOrThrow({ where: { id: message.id } })).deliveryStatus,
    });

    await send(mgTemporaryFail, { event: "failed", severity: "temporary", timestamp: at(1), "delivery-status": { message: "mailbox full" } });
    expect(await status()).toEqual({ outbound: "sent", message: "temporary_fail" });
    await send(mgDelivered, { event: "delivered", timestamp: at(2) });
    expect(await status()).toEqual({ outbound: "delivered", message: "delivered" });
    await send(mgOpened, { event: "opened", timestamp: at(3) });
    await send(mgClicked, { event: "clicked", timestamp: at(4) });
    expect(await status()).toEqual({ outbound: "delivered", message: "clicked" });
    // Out of order: an older event is recorded but does not overwrite the newer status.
    await send(mgOpened, { event: "opened", timestamp: at(2.5) });
    expect(await status()).toEqual({ outbound: "delivered", message: "clicked" });
    // The payload wins over the path; a `failed` without severity takes the path's word.
    await send(mgPermanentFail, { event: "failed", severity: "temporary", timestamp: at(5) });
    await send(mgTemporaryFail, { event: "failed", timestamp: at(6) });
    expect(await status()).toEqual({ outbound: "delivered", message: "temporary_fail" });
    await send(mgPermanentFail, {
      event: "failed",
      severity: "permanent",
      timestamp: at(7),
      reason: "bounce",
      "delivery-status": { description: "No such user" },
    });
    expect(await status()).toEqual({ outbound: "failed", message: "permanent_fail" });
    await send(mgComplained, { event: "complained", timestamp: at(8) });

    const events = await db().deliveryEvent.findMany({ where: { outboundEmailId: outbound.id }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => e.event)).toEqual([
      "temporary_fail",
      "delivered",
      "opened",
      "opened",
      "clicked",
      "temporary_fail",
      "temporary_fail",
      "permanent_fail",
      "complained",
    ]);
    expect(events.every((e) => e.recipient === "jane@acme.com")).toBe(true);
    expect(events[7]).toMatchObject({ severity: "permanent", reason: "No such user" });
    const timeline = await db().activityEvent.findMany({ where: { ticketId: ticket.id, type: { startsWith: "email_" } } });
    expect(new Set(timeline.map((e) => e.type))).toEqual(
      new Set(["email_temporary_fail", "email_delivered", "email_opened", "email_clicked", "email_permanent_fail", "email_complained"]),
    );
    expect(await db().outboundEmail.findUniqueOrThrow({ where: { id: outbound.id } })).toMatchObject({ error: "No such user" });
  });

  it("answer 200 without storing for emails we never sent and events we do not track; 400/422 for bad bodies", async () => {
    const { outbound } = await seed(db(), "jane@acme.com");
    const before = await db().deliveryEvent.count();
    const unknown = await post(mgDelivered, mailgunEvent({ event: "delivered", ...about("nobody@nowhere.test", "jane@acme.com") }));
    expect(unknown).toMatchObject({ status: 200, json: { stored: false, reason: "unknown message" } });
    const otherRecipient = await post(mgDelivered, mailgunEvent({ event: "delivered", ...about(outbound.messageIdHeader, "eve@evil.test") }));
    expect(otherRecipient).toMatchObject({ status: 200, json: { stored: false, reason: "unknown message" } });
    const untracked = await post(mgDelivered, mailgunEvent({ event: "accepted", ...about(outbound.messageIdHeader, "jane@acme.com") }));
    expect(untracked).toMatchObject({ status: 200, json: { stored: false, reason: "unsupported event" } });
    expect(await db().deliveryEvent.count()).toBe(before);

    expect((await post(mgDelivered, "{not json")).status).toBe(400);
    const noMessageId = await post(mgDelivered, mailgunEvent({ event: "delivered", recipient: "jane@acme.com", message: { headers: {} } }));
    expect(noMessageId).toMatchObject({
      status: 422,
      json: { error: { details: { fields: { "event-data.message.headers.message-id": expect.any(String) } } } },
    });
    expect((await post(mgDelivered, { "event-data": { event: "delivered" } })).status).toBe(422);
  });
});
