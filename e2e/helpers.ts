import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAsOwner(page: Page) {
  await signIn(page, "owner@demo.test");
  await expect(page).toHaveURL(/\/w\/demo\/inbox$/);
}

/** A subject no other test uses, so a test can find its own tickets in the shared database. */
export function uniqueSubject(text: string) {
  // Letters only: the full-text parser reads digit runs such as "6e914" as numbers.
  const word = [...randomUUID().replaceAll("-", "").slice(0, 8)].map((hex) => "abcdefghijklmnop"[parseInt(hex, 16)]).join("");
  return `${text} ${word}`;
}

/** Calls a tRPC query as the signed-in browser does (JSON in the `{ json }` envelope, over GET). */
export async function trpcQuery<T>(page: Page, path: string, input: Record<string, unknown>): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The Origin header a browser sends with the page's own writes (Playwright's API requests send none). */
export function pageOrigin(page: Page) {
  return { origin: new URL(page.url()).origin };
}

/** Calls a tRPC mutation as the signed-in browser does. */
export async function trpcMutation<T>(page: Page, path: string, input: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input }, headers: pageOrigin(page) });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

export async function demoWorkspaceId(page: Page): Promise<string> {
  return (await trpcQuery<{ id: string }>(page, "workspace.get", { workspaceSlug: "demo" })).id;
}

export interface InboundEmail {
  subject: string;
  from?: string;
  to?: string;
  text?: string;
  html?: string;
  inReplyTo?: string;
  messageId?: string;
}

/** Posts an email to the public inbound webhook of the demo workspace. */
export async function postInbound(page: Page, email: InboundEmail) {
  const organizationId = await demoWorkspaceId(page);
  const data = {
    organizationId,
    from: "Ada Lovelace <ada@example.com>",
    to: "support@demo.test",
    text: "Hello",
    messageId: `<e2e-${randomUUID()}@example.com>`,
    ...email,
  };
  const response = await page.request.post("/api/rpc/tickets/email/inbound", { data });
  expect(response.status(), await response.text()).toBe(200);
  const answer = (await response.json()) as { ticketId: string | null; messageId: string | null };
  return { ...answer, emailMessageId: data.messageId };
}

/** Posts a raw MIME message to the demo workspace's ticket mailbox, as a mail server would; answers the ticket's id. */
export async function postMime(page: Page, raw: string | Buffer): Promise<string> {
  const mailboxes = await trpcQuery<{ address: string; secret?: string }[]>(page, "mailbox.list", { workspaceSlug: "demo" });
  const secret = mailboxes.find((m) => m.address === "support@demo.test")!.secret!;
  const response = await page.request.post("/api/inbound/mime", {
    headers: { "content-type": "message/rfc822", "x-inbound-secret": secret },
    data: typeof raw === "string" ? Buffer.from(raw) : raw,
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { ticketId: string }).ticketId;
}

/** Opens a ticket and waits until the page is hydrated (its live connection is up), so keys reach it. */
export async function openTicket(page: Page, ticketId: string) {
  await page.goto(`/w/demo/tickets/${ticketId}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "true");
}
