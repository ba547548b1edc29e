import { expect, test, type Browser, type Page } from "@playwright/test";
import { openTicket, postInbound, signIn, uniqueSubject } from "./helpers";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/w\/demo\/inbox$/);
  return page;
}

const live = (page: Page) => expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "true");

test("two agents on one ticket: each sees the other, their typing and their reply, live, without polling", async ({ browser }) => {
  test.setTimeout(90_000);
  const owner = await signedIn(browser, "owner@demo.test");
  const agent = await signedIn(browser, "agent@demo.test");
  const subject = uniqueSubject("Two agents on one ticket");
  const { ticketId } = await postInbound(owner, { subject, text: "Who answers me?" });

  await openTicket(owner, ticketId!);
  await expect(owner.getByRole("heading", { name: subject })).toBeVisible();
  await live(owner);
  await openTicket(agent, ticketId!);
  await expect(agent.getByRole("heading", { name: subject })).toBeVisible();

  // Presence of the other shows within a second of their arrival.
  await expect(owner.getByTestId("presence")).toHaveText("Adam Agent is viewing", { timeout: 1_000 });
  await expect(agent.getByTestId("presence")).toHaveText("Olivia Owner is viewing", { timeout: 1_000 });
  await live(agent);

  // While connected, the thread is not polled: a quiet page asks for nothing for longer than the polling interval.
  const polls: string[] = [];
  agent.on("request", (request) => {
    if (request.url().includes("ticket.get")) polls.push(request.url());
  });
  await agent.waitForTimeout(11_000);
  expect(polls).toEqual([]);

  await agent.getByLabel("Reply", { exact: true }).pressSequentially("On it");
  await expect(owner.getByTestId("presence")).toHaveText("Adam Agent is typing a reply", { timeout: 1_000 });
  await expect(owner.getByTestId("presence")).toHaveText("Adam Agent is viewing", { timeout: 5_000 });

  await owner.getByLabel("Reply", { exact: true }).fill("Olivia here: a fix is on its way.");
  await owner.keyboard.press("Control+Enter");
  const reply = agent.locator('[data-testid="message"][data-direction="outbound"]');
  await expect(reply).toContainText("Olivia here: a fix is on its way.", { timeout: 2_000 });

  // The inbox row of a ticket someone is on carries a marker, gone once they leave.
  await owner.goto("/w/demo/inbox");
  const row = owner.getByTestId("ticket-row").filter({ hasText: subject });
  await expect(row.getByTestId("row-presence")).toHaveAttribute("title", "Adam Agent is viewing");
  await agent.goto("/w/demo/inbox");
  await expect(row.getByTestId("row-presence")).toHaveCount(0, { timeout: 2_000 });
});
