import { expect, test, type Page } from "@playwright/test";
import { openTicket, postInbound, signIn, signInAsOwner, trpcQuery, uniqueSubject } from "./helpers";

async function signInAsAgent(page: Page) {
  await signIn(page, "agent@demo.test");
  await expect(page).toHaveURL(/\/w\/demo\/inbox$/);
}

test("an @mention picked from the list and an assignment by the owner show in the agent's bell without a reload, and opening the ticket clears them", async ({
  page,
  browser,
}) => {
  // The agent is already at work, with the bell open, when the owner writes.
  const agent = await (await browser.newContext()).newPage();
  await signInAsAgent(agent);
  await expect(agent.getByTestId("live-status")).toHaveAttribute("data-connected", "true");
  await agent.getByRole("button", { name: /^Notifications/ }).click();
  const items = agent.getByRole("list", { name: "Notifications" }).getByRole("button");

  await signInAsOwner(page);
  const subject = uniqueSubject("Mention me");
  const { ticketId } = await postInbound(page, { subject, text: "The export is empty." });
  await openTicket(page, ticketId!);
  await page.keyboard.press("n");
  await page.keyboard.type("@ada");
  const list = page.getByRole("listbox", { name: "Mention a member" });
  await expect(list.getByRole("option")).toHaveText([/Adam Agent/]);
  await page.keyboard.press("Enter");
  await page.keyboard.type("can you check the export?");
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("@Adam Agent can you check the export?");
  await page.getByRole("button", { name: /Add note/ }).click();
  const note = page.locator('[data-testid="message"][data-direction="note"]');
  await expect(note.getByTestId("mention")).toHaveText("@Adam Agent");
  await page.getByRole("complementary", { name: "Ticket details" }).getByLabel("Assignee").selectOption({ label: "Adam Agent" });
  await expect(page.getByTestId("activity").filter({ hasText: "assigned the ticket to Adam Agent" })).toHaveCount(1);
  const number = (await trpcQuery<{ ticketNumber: number }>(page, "ticket.get", { workspaceSlug: "demo", ticketId })).ticketNumber;

  // The notices are written by jobs right after the owner's writes; their commit reaches the open bell live.
  await expect(items.filter({ hasText: `Olivia Owner mentioned you on #${number}` })).toHaveCount(1);
  await expect(items.filter({ hasText: `Olivia Owner assigned you #${number}` })).toHaveCount(1);
  await expect(items.filter({ hasText: `mentioned you on #${number}` })).toContainText("@Adam Agent can you check the export?");

  await items.filter({ hasText: `assigned you #${number}` }).click();
  await expect(agent).toHaveURL(new RegExp(`/tickets/${ticketId}$`));
  await expect(agent.getByTestId("mention")).toHaveText("@Adam Agent");
  // Opening the ticket read both of them.
  await agent.getByRole("button", { name: /^Notifications/ }).click();
  await expect(items.filter({ hasText: `#${number}` }).getByLabel("unread")).toHaveCount(0);
  await agent.context().close();
});

test("a customer's reply marks the ticket unread in the inbox and the tab title until the agent opens it", async ({ page }) => {
  await signInAsAgent(page);
  const subject = uniqueSubject("Unread");
  const { ticketId, emailMessageId } = await postInbound(page, { subject, text: "First message" });
  await openTicket(page, ticketId!);
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  await page.goto("/w/demo/inbox");
  const row = page.getByTestId("ticket-row").filter({ hasText: subject });
  await expect(row).toBeVisible();
  await expect(row).not.toHaveAttribute("data-unread");
  const before = await trpcQuery<number>(page, "ticket.unreadCount", { workspaceSlug: "demo" });

  await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "true");
  await postInbound(page, { subject: `Re: ${subject}`, text: "Any news?", inReplyTo: emailMessageId });
  // No reload: the reply's event refetches the list and the count.
  await expect(row).toHaveAttribute("data-unread", "true");
  await expect(row.getByRole("img", { name: "New customer reply" })).toBeVisible();
  await expect(page).toHaveTitle(`(${before + 1}) Inbox · Threadline`);

  await row.getByRole("link").click();
  await expect(page.getByText("Any news?")).toBeVisible();
  await page.getByRole("link", { name: /← Inbox/ }).click();
  await expect(row).toBeVisible();
  await expect(row).not.toHaveAttribute("data-unread");
  await expect(page).toHaveTitle(before > 0 ? `(${before}) Inbox · Threadline` : "Inbox · Threadline");
});

test("an agent turns off email for mentions in Settings, and the choice stays theirs", async ({ page }) => {
  await signInAsAgent(page);
  await page.goto("/w/demo/settings#notifications");
  const section = page.getByRole("region", { name: "My notifications" });
  const emailMentions = section.getByLabel("Someone mentions me in an internal note: email");
  await expect(emailMentions).toBeChecked();
  await emailMentions.uncheck();
  await expect(emailMentions).not.toBeChecked();
  await page.reload();
  await expect(emailMentions).not.toBeChecked();
  await expect(section.getByLabel("Someone mentions me in an internal note: in app")).toBeChecked();
  const preferences = await trpcQuery<{ topic: string; inApp: boolean; email: boolean }[]>(page, "notification.preferences", { workspaceSlug: "demo" });
  expect(preferences.find((p) => p.topic === "mentioned")).toEqual({ topic: "mentioned", inApp: true, email: false });
  await emailMentions.check();
  await expect(emailMentions).toBeChecked();
});
