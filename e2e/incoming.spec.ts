import { expect, test, type Page } from "@playwright/test";
import { openTicket, postInbound, signInAsOwner, trpcMutation, uniqueSubject } from "./helpers";

/** Runs `post` under a temporary demo-workspace policy (tests run one at a time, so nothing else sees it). */
async function withPolicy<T>(page: Page, settings: Record<string, string>, restore: Record<string, string>, post: () => Promise<T>): Promise<T> {
  await trpcMutation(page, "workspace.update", { workspaceSlug: "demo", settings });
  try {
    return await post();
  } finally {
    await trpcMutation(page, "workspace.update", { workspaceSlug: "demo", settings: restore });
  }
}

test("mail that became no ticket notifies the team and is converted to a ticket for a new customer", async ({ page }) => {
  await signInAsOwner(page);
  const subject = uniqueSubject("Partnership proposal");
  const sent = await withPolicy(page, { unmatchedInbound: "discard" }, { unmatchedInbound: "create" }, () =>
    postInbound(page, { subject, from: "Peter Gibbons <peter@initech.example>", text: "Could we talk about a partnership?" }),
  );
  expect(sent.ticketId).toBeNull();

  // The notification arrives without a reload, and leads to the mail in the log.
  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(page.getByTestId("unread-count")).toBeVisible({ timeout: 20_000 });
  await bell.click();
  await page
    .getByRole("list", { name: "Notifications" })
    .getByRole("button", { name: /peter@initech\.example did not become a ticket/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/w\/demo\/incoming\?filter=out_ticket/);
  await expect(page.getByRole("tab", { name: "Without a ticket" })).toHaveAttribute("aria-selected", "true");

  const row = page.getByTestId("incoming-mail").filter({ hasText: subject });
  await expect(row).toContainText("No ticket");
  await expect(row).toContainText("Matched no ticket");
  await row.getByRole("button", { name: "Convert to ticket…" }).click();
  const dialog = page.getByRole("dialog", { name: "Convert to a ticket" });
  await dialog.getByRole("button", { name: "Create a new customer" }).click();
  const customer = uniqueSubject("Initech");
  await dialog.getByLabel("Name").fill(customer);
  await dialog.getByRole("button", { name: "Convert" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: /Converted to ticket #\d+\./ })).toBeVisible();
  await expect(row).toHaveCount(0);

  await page.getByRole("link", { name: "Open the ticket" }).click();
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  await expect(page.getByTestId("customer")).toContainText(customer);
  await expect(page.getByTestId("contact")).toContainText("peter@initech.example");
  await expect(page.getByTestId("message")).toContainText("Could we talk about a partnership?");
});

test("a held reply to a closed ticket is added as a reply, and a mail is deleted from the log", async ({ page }) => {
  await signInAsOwner(page);
  const subject = uniqueSubject("Refund status");
  const first = await postInbound(page, { subject, text: "Where is my refund?" });
  await trpcMutation(page, "ticket.setStatus", { workspaceSlug: "demo", ticketId: first.ticketId, toStatus: "closed" });
  await withPolicy(page, { closedTicketReply: "hold" }, { closedTicketReply: "reopen" }, () =>
    postInbound(page, { subject: `Re: ${subject}`, text: "Still nothing arrived.", inReplyTo: first.emailMessageId }),
  );

  await page.goto("/w/demo/incoming");
  await page.getByRole("tab", { name: "Held replies to closed tickets" }).click();
  const held = page.getByTestId("incoming-mail").filter({ hasText: `Re: ${subject}` });
  await expect(held).toContainText("Held reply");
  await held.getByRole("button", { name: "Add as reply" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Added to ticket #\d+\./ })).toBeVisible();
  await expect(held).toHaveCount(0);

  await page.getByRole("tab", { name: "All mail" }).click();
  const original = page.getByTestId("incoming-mail").filter({ hasText: subject }).filter({ hasNotText: "Re:" });
  await original.getByRole("button", { name: "Delete…" }).click();
  await page.getByRole("dialog", { name: "Delete this mail?" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Mail deleted." })).toBeVisible();
  await expect(original).toHaveCount(0);

  await openTicket(page, first.ticketId!);
  await expect(page.getByTestId("message")).toHaveCount(2);
  await expect(page.getByTestId("message").nth(1)).toContainText("Still nothing arrived.");
});
