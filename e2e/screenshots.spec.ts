import { expect, test, type Page } from "@playwright/test";
import { openTicket, postInbound, signInAsOwner, trpcMutation, trpcQuery } from "./helpers";

const HTML = `<p>Hi team,</p><p>Since this morning our <b>Slack integration</b> shows <span style="color: #b91c1c">“connection refused”</span> for every channel. We already tried:</p>
<ul><li>reconnecting the workspace</li><li>rotating the bot token</li></ul><p>Could you take a look? It blocks our on-call alerts.</p><p>Thanks,<br>Priya</p>
<blockquote>On Mon, support wrote: …</blockquote>`;

async function seedInbox(page: Page) {
  const members = await trpcQuery<{ id: string; email: string }[]>(page, "member.list", { workspaceSlug: "demo" });
  const adam = members.find((m) => m.email === "agent@demo.test")!.id;
  const olivia = members.find((m) => m.email === "owner@demo.test")!.id;
  const update = (ticketId: string | null, patch: Record<string, unknown>) =>
    trpcMutation(page, "ticket.update", { workspaceSlug: "demo", ticketId, ...patch });
  const thanks = await postInbound(page, { subject: "Thanks for the quick help!", from: "Maria Garcia <maria@umbrella.example>", text: "All working again." });
  const reset = await postInbound(page, {
    subject: "Password reset email never arrives",
    from: "Sam Carter <sam@initech.com>",
    text: "I requested it three times.",
  });
  await trpcMutation(page, "ticket.setStatus", { workspaceSlug: "demo", ticketId: reset.ticketId, toStatus: "pending" });
  const annual = await postInbound(page, {
    subject: "Question about annual billing",
    from: "Lena Fischer <lena@globex.io>",
    text: "Can we switch to yearly invoices?",
  });
  await update(annual.ticketId, { tags: ["billing"], assigneeId: olivia });
  await postInbound(page, { subject: "Urgent: checkout page returns 500", from: "Tom Becker <tom@acme.com>", text: "Customers cannot pay since 10:00." });
  const slack = await postInbound(page, {
    subject: "Slack integration shows “connection refused”",
    from: "Priya Natarajan <priya@acme.com>",
    html: HTML,
    text: "Slack integration broken.",
  });
  await update(slack.ticketId, { tags: ["bug"], priority: "high", assigneeId: adam });
  await update(thanks.ticketId, { priority: "low" });
  return slack.ticketId!;
}

test("screenshots of the inbox and the ticket view (README), and both fit a phone", async ({ page }) => {
  await signInAsOwner(page);
  const ticketId = await seedInbox(page);
  await openTicket(page, ticketId);
  await page
    .getByLabel("Reply", { exact: true })
    .fill("Hi Priya, thanks for the details. We are rolling out a fix for the Slack connector now and will confirm within the hour.");
  await page.getByRole("button", { name: /Send reply/ }).click();
  await expect(page.locator('[data-direction="outbound"]')).toBeVisible();
  await page.keyboard.press("n");
  await page.keyboard.type("Same error as #1042 last month: the connector's TLS certificate expired. Escalated to platform.");
  await page.keyboard.press("Control+Enter");
  await expect(page.locator('[data-direction="note"]')).toBeVisible();

  await page.goto("/w/demo/inbox");
  await expect(page.getByTestId("ticket-row").first()).toContainText("Slack integration");
  await page.getByTestId("ticket-row").nth(1).getByRole("checkbox").check();
  await page.getByTestId("ticket-row").nth(3).getByRole("checkbox").check();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/screenshots/inbox.png" });

  await openTicket(page, ticketId);
  await expect(page.frameLocator('iframe[title^="Email from"]').getByText("Slack integration")).toBeVisible();
  await expect(page.locator('[data-direction="note"]')).toBeVisible();
  await expect(page.getByText("Loading tickets…")).toHaveCount(0);
  await page.screenshot({ path: "docs/screenshots/ticket.png" });

  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/w/demo/inbox", `/w/demo/tickets/${ticketId}`, "/w/demo/incoming", "/w/demo/automations"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
  }
  await page.goto("/w/demo/inbox");
  await expect(page.getByTestId("ticket-row").first()).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/inbox-phone.png" });
});
