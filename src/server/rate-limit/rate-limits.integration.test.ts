// The rate limits where requests come in: sign-in (next-auth's credentials authorize), an inbound
// webhook, and the REST API, each hitting its small limit here and freed again once its window ends.
import { describe, expect, it, vi } from "vitest";
import { GET as listWorkspacesRoute } from "@/app/api/v1/workspaces/route";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { authOptions } from "@/server/auth/next-auth";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace, TEST_PASSWORD } from "@/test/factories";
import { callRoute } from "@/test/http";
import { newMessageId, postHelpdesk, postRpc, seedInboundWorkspace } from "@/test/inbound";

const limits = {
  TRUST_PROXY: "1",
  RATE_LIMIT_SIGNIN_PER_ACCOUNT: "3",
  RATE_LIMIT_SIGNIN_PER_IP: "5",
  RATE_LIMIT_INBOUND_PER_SECRET: "2",
  RATE_LIMIT_INBOUND_PER_WORKSPACE: "3",
  RATE_LIMIT_API_PER_TOKEN: "3",
};
for (const [name, value] of Object.entries(limits)) vi.stubEnv(name, value);

const db = useTestDatabase();

/** Ends every window now, as if its time had passed. */
const endWindows = () => db().rateLimit.updateMany({ data: { resetAt: new Date(Date.now() - 1000) } });

const { authorize } = (authOptions.providers[0] as CredentialsConfig & { options: CredentialsConfig }).options;
/** One sign-in attempt as next-auth makes it: the user, null (wrong password), or the error's message. */
async function signIn(email: string, password: string, ip = "203.0.113.10") {
  try {
    return await authorize({ email, password }, { headers: { "x-forwarded-for": `10.9.9.9, ${ip}` }, body: {}, query: {}, method: "POST" });
  } catch (error) {
    return (error as Error).message;
  }
}

function expectRateLimited(response: { status: number; headers: Headers; json: unknown }, maxSeconds: number) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  expect(response.json).toEqual({
    error: { code: "RATE_LIMITED", message: `Too many requests; try again in ${retryAfter} seconds`, details: { retryAfterSeconds: retryAfter } },
  });
}

describe("rate limits", () => {
  it("refuses sign-in after too many failures for an account, before checking the password; success clears the count", async () => {
    const ws = await seedWorkspace(db());
    const email = ws.owner.user.email;
    for (let i = 0; i < 3; i++) expect(await signIn(email, "wrong", `198.51.100.${i}`)).toBeNull();
    // Even the right password is refused now, from any address; the form words the code.
    expect(await signIn(email.toUpperCase(), TEST_PASSWORD, "198.51.100.200")).toMatch(/^RateLimited:(8\d\d|900)$/);
    await endWindows();
    expect(await signIn(email, TEST_PASSWORD)).toMatchObject({ id: ws.owner.user.id });
    // The success cleared the account's failures: three more wrong passwords before a refusal.
    for (let i = 0; i < 3; i++) expect(await signIn(email, "wrong", `198.51.100.${10 + i}`)).toBeNull();
    expect(await signIn(email, "wrong", "198.51.100.20")).toMatch(/^RateLimited:/);
  });

  it("refuses sign-in after too many attempts from one address, whatever the accounts", async () => {
    await endWindows();
    const ip = "192.0.2.77";
    for (let i = 0; i < 5; i++) expect(await signIn(`nobody-${i}@example.test`, "guess", ip)).toBeNull();
    expect(await signIn("nobody-5@example.test", "guess", ip)).toMatch(/^RateLimited:/);
    // The address is the entry the trusted proxy appended, not what the client wrote before it.
    expect(await signIn("nobody-6@example.test", "guess", "192.0.2.78")).toBeNull();
  });

  it("answers the REST API 429 with Retry-After past a token's limit, per token, until the window ends", async () => {
    const ws = await seedWorkspace(db());
    const list = (token: string) => callRoute(listWorkspacesRoute, "GET", "/api/v1/workspaces", { token });
    for (let i = 0; i < 3; i++) expect((await list(ws.owner.token)).status).toBe(200);
    expectRateLimited(await list(ws.owner.token), 60);
    expect((await list(ws.member.token)).status).toBe(200);
    await endWindows();
    expect((await list(ws.owner.token)).status).toBe(200);
  });

  it("answers an inbound webhook 429 per secret and per workspace before storing anything, until the window ends", async () => {
    const ws = await seedInboundWorkspace(db());
    const mail = () => ({ from: "customer@example.com", subject: "Help", message_id: newMessageId(), text: "Hello" });
    const stored = () => db().incomingMail.count({ where: { workspaceId: ws.workspace.id } });
    const ticketSecret = ws.ticketMailbox.inboundSecret;
    const inboxSecret = ws.inboxMailbox.inboundSecret;

    for (let i = 0; i < 2; i++) expect((await postHelpdesk(mail(), { secret: ticketSecret })).status).toBe(200);
    expectRateLimited(await postHelpdesk(mail(), { secret: ticketSecret }), 60);
    // Another mailbox's secret has its own count, but the workspace's third email is its last.
    expect((await postHelpdesk(mail(), { secret: inboxSecret })).status).toBe(200);
    expectRateLimited(await postHelpdesk(mail(), { secret: inboxSecret }), 60);
    // The JSON webhook without a secret counts against the same workspace.
    expectRateLimited(
      await postRpc({
        organizationId: ws.workspace.id,
        from: "customer@example.com",
        to: ws.ticketMailbox.address,
        subject: "Help",
        text: "Hello",
        messageId: newMessageId(),
      }),
      60,
    );
    expect(await stored()).toBe(3);

    await endWindows();
    expect((await postHelpdesk(mail(), { secret: ticketSecret })).status).toBe(200);
    expect(await stored()).toBe(4);
  });
});
