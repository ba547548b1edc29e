import { expect, test } from "@playwright/test";
import { openTicket, postInbound, signInAsOwner, uniqueSubject } from "./helpers";

test("merge a ticket into another found by search, after confirming", async ({ page }) => {
  await signInAsOwner(page);
  const token = uniqueSubject("Wombat").split(" ")[1]!;
  const source = await postInbound(page, { subject: `Wombat ${token} duplicate`, text: "Second mail about the same outage." });
  const target = await postInbound(page, { subject: `Wombat ${token} outage`, text: "The dashboard is down." });

  await openTicket(page, source.ticketId!);
  await page.getByRole("button", { name: "Merge…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Find the ticket to merge into")).toBeFocused();
  await page.keyboard.type(`${token} outage`);
  await dialog.getByRole("button", { name: new RegExp(`Wombat ${token} outage`) }).click();
  await expect(dialog).toContainText("This cannot be undone");
  await dialog.getByRole("button", { name: /^Merge into #\d+$/ }).click();

  await expect(page).toHaveURL(new RegExp(`/tickets/${target.ticketId}$`));
  await expect(page.getByTestId("message")).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Thread" })).toContainText("Second mail about the same outage.");
  await expect(page.getByTestId("activity").filter({ hasText: "merged another ticket into this one" })).toHaveCount(1);

  await openTicket(page, source.ticketId!);
  await expect(page.getByText("This ticket was merged.")).toBeVisible();
  await page.getByRole("link", { name: "Open the ticket it was merged into" }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${target.ticketId}$`));
});

test("split the selected messages into a new ticket", async ({ page }) => {
  await signInAsOwner(page);
  const subject = uniqueSubject("Two problems");
  const first = await postInbound(page, { subject, text: "Problem one: the login fails." });
  await postInbound(page, { subject: `Re: ${subject}`, text: "Also, problem two: invoices are missing.", inReplyTo: first.emailMessageId });

  await openTicket(page, first.ticketId!);
  await expect(page.getByTestId("message")).toHaveCount(2);
  await page.getByRole("button", { name: "Split…" }).click();
  await page.getByTestId("message").nth(1).getByRole("checkbox").check();
  const newSubject = uniqueSubject("Missing invoices");
  await page.getByLabel("Subject of the new ticket").fill(newSubject);
  await page.getByRole("button", { name: "Split 1 message" }).click();

  await expect(page.getByRole("heading", { name: newSubject })).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(first.ticketId!));
  await expect(page.getByTestId("message")).toHaveCount(1);
  await expect(page.getByTestId("message")).toContainText("problem two");
  await openTicket(page, first.ticketId!);
  await expect(page.getByTestId("message")).toHaveCount(1);
  await expect(page.getByTestId("message")).toContainText("Problem one");
  await expect(page.getByTestId("activity").filter({ hasText: "split messages into a new ticket" })).toHaveCount(1);
});

test("archive a ticket, find it under Archived, and unarchive it", async ({ page }) => {
  await signInAsOwner(page);
  const subject = uniqueSubject("Old question about invoices");
  const { ticketId } = await postInbound(page, { subject });
  await openTicket(page, ticketId!);
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByTestId("archived-badge")).toBeVisible();
  await expect(page.getByTestId("activity").filter({ hasText: "archived" })).toHaveCount(1);

  await page.getByRole("link", { name: /Inbox/ }).first().click();
  await page.getByLabel("Search tickets").fill(subject);
  const rows = page.getByTestId("ticket-row");
  await expect(page.getByText("No tickets match these filters.")).toBeVisible();
  await page.getByRole("tab", { name: /Archived/ }).click();
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link", { name: subject }).click();
  await page.getByRole("button", { name: "Unarchive" }).click();
  await expect(page.getByTestId("archived-badge")).toHaveCount(0);

  await page.goto(`/w/demo/inbox?q=${encodeURIComponent(subject)}`);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(subject);
});
