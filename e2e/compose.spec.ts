import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page, type Route } from "@playwright/test";
import { openTicket, postInbound, signIn, signInAsOwner, trpcMutation, trpcQuery, uniqueSubject } from "./helpers";

async function newTicket(page: Page) {
  const customer = `cust-${randomUUID().slice(0, 8)}@example.com`;
  const subject = uniqueSubject("Two agents one thread");
  const { ticketId } = await postInbound(page, { subject, from: `Kim Lee <${customer}>`, text: "Where is my parcel?" });
  return { customer, subject, ticketId: ticketId! };
}

async function agentPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "agent@demo.test");
  await expect(page).toHaveURL(/\/w\/demo\/inbox$/);
  return page;
}

const replyBox = (page: Page) => page.getByLabel("Reply", { exact: true });
const outbound = (page: Page) => page.locator('[data-testid="message"][data-direction="outbound"]');
type Outbound = { emails: { toAddress: string; bodyText: string }[] };

test("a reply written while another agent answered is refused with that answer shown; Send anyway sends it", async ({ page, browser }) => {
  await signInAsOwner(page);
  const { ticketId } = await newTicket(page);
  const agent = await agentPage(browser);
  await openTicket(agent, ticketId);
  await expect(agent.getByTestId("message")).toHaveCount(1);
  // The agent's page does not refresh its thread meanwhile: it has not seen the owner's answer.
  const held: Route[] = [];
  let holding = true;
  await agent.route(/\/api\/trpc\/[^?]*ticket\.get/, (route) => (holding ? void held.push(route) : route.continue()));

  await openTicket(page, ticketId);
  await replyBox(page).fill("Owner here: it ships today.");
  await page.getByRole("button", { name: /Send reply/ }).click();
  await expect(outbound(page)).toContainText("Owner here: it ships today.");

  await replyBox(agent).fill("Agent here: let me check.");
  await agent.getByRole("button", { name: /Send reply/ }).click();
  // The refused send refreshes the thread, as a poll would have done.
  holding = false;
  await Promise.all(held.map((route) => route.continue()));
  const notice = agent.getByRole("alert", { name: "New messages arrived" });
  await expect(notice).toContainText("Your reply was not sent.");
  await expect(notice.getByTestId("arrived-message")).toContainText("Owner here: it ships today.");
  await expect(replyBox(agent)).toHaveValue("Agent here: let me check.");
  await expect(outbound(agent)).toContainText("Owner here: it ships today.");
  await notice.getByRole("button", { name: "Send anyway" }).click();
  await expect(notice).toBeHidden();
  await expect(outbound(agent)).toHaveCount(2);
  await expect(outbound(agent).nth(1)).toContainText("Agent here: let me check.");
  await expect(replyBox(agent)).toHaveValue("");
  await agent.context().close();
});

test("a draft survives going to the inbox and back, a reload and another device; Discard draft drops it", async ({ page, browser }) => {
  await signInAsOwner(page);
  const { ticketId } = await newTicket(page);
  const agent = await agentPage(browser);
  await openTicket(agent, ticketId);
  await agent.getByLabel("Cc", { exact: true }).fill("boss@example.com");
  await replyBox(agent).fill("Half-written answer");
  await expect(agent.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();

  await agent.getByRole("link", { name: /← Inbox/ }).click();
  await expect(agent).toHaveURL(/\/w\/demo\/inbox/);
  await openTicket(agent, ticketId);
  await expect(replyBox(agent)).toHaveValue("Half-written answer");
  await expect(agent.getByLabel("Cc", { exact: true })).toHaveValue("boss@example.com");
  await agent.reload();
  await expect(replyBox(agent)).toHaveValue("Half-written answer");

  // The same agent on another device.
  const laptop = await agentPage(browser);
  await openTicket(laptop, ticketId);
  await expect(replyBox(laptop)).toHaveValue("Half-written answer");
  await laptop.context().close();
  // Not the owner's draft.
  await openTicket(page, ticketId);
  await expect(replyBox(page)).toHaveValue("");

  await agent.getByRole("button", { name: "Discard draft" }).click();
  await expect(replyBox(agent)).toHaveValue("");
  await expect.poll(() => trpcQuery(agent, "ticket.draft", { workspaceSlug: "demo", ticketId })).toBeNull();
  await agent.reload();
  await expect(agent.getByTestId("message")).toHaveCount(1);
  await expect(replyBox(agent)).toHaveValue("");
  await agent.context().close();
});

test("Undo within the window takes the reply back to the composer and no email goes out", async ({ page }) => {
  test.setTimeout(60_000);
  await signInAsOwner(page);
  const { customer, ticketId } = await newTicket(page);
  await openTicket(page, ticketId);
  await replyBox(page).fill("Oops, wrong customer.");
  await page.getByRole("button", { name: /Send reply/ }).click();
  const undo = outbound(page).getByTestId("undo-send");
  await expect(undo).toContainText(/Sending in \d+s…/);
  await undo.getByRole("button", { name: "Undo" }).click();

  await expect(outbound(page)).toHaveCount(0);
  await expect(replyBox(page)).toHaveValue("Oops, wrong customer.");
  // Past the window (10 s) and the job poller's next round: still nothing in the outbound log.
  await page.waitForTimeout(13_000);
  const log = await trpcQuery<Outbound>(page, "outboundEmail.list", { workspaceSlug: "demo", to: customer, kind: "reply" });
  expect(log.emails).toHaveLength(0);
});

test("an owner turns the undo window off in Settings: replies then go out at once", async ({ page }) => {
  await signInAsOwner(page);
  // The sandbox workspace, so the demo's replies keep their window.
  await page.goto("/w/sandbox/settings");
  const sending = page.getByRole("region", { name: "Sending" });
  await expect(sending.getByLabel(/Undo window/)).toHaveValue("10");
  await sending.getByLabel(/Undo window/).fill("0");
  await sending.getByRole("button", { name: "Save" }).click();
  await expect(sending.getByText("Undo window saved.")).toBeVisible();

  const ticket = await trpcMutation<{ id: string }>(page, "ticket.create", {
    workspaceSlug: "sandbox",
    subject: uniqueSubject("No undo window"),
    body: "Hello",
    contact: { email: `cust-${randomUUID().slice(0, 8)}@example.com` },
  });
  await page.goto(`/w/sandbox/tickets/${ticket.id}`);
  await replyBox(page).fill("Straight out.");
  await page.getByRole("button", { name: /Send reply/ }).click();
  await expect(outbound(page)).toContainText("Straight out.");
  await expect(outbound(page).getByTestId("undo-send")).toHaveCount(0);
  const detail = await trpcQuery<{ messages: { direction: string; scheduledSendAt: string | null }[] }>(page, "ticket.get", {
    workspaceSlug: "sandbox",
    ticketId: ticket.id,
  });
  expect(detail.messages.find((message) => message.direction === "outbound")?.scheduledSendAt).toBeNull();
});
