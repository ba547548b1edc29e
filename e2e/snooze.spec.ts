import { expect, test } from "@playwright/test";
import { openTicket, postInbound, signInAsOwner, trpcMutation, uniqueSubject } from "./helpers";

test("a snoozed ticket leaves Open for Snoozed, and comes back to Open when it wakes", async ({ page }) => {
  await signInAsOwner(page);
  const subject = uniqueSubject("Invoice question");
  const token = subject.split(" ").at(-1)!;
  const { ticketId } = await postInbound(page, { subject, text: "Where is my invoice?" });

  await openTicket(page, ticketId!);
  await page.getByRole("button", { name: "Snooze…" }).click();
  await page
    .getByRole("group", { name: "Snooze until" })
    .getByRole("button", { name: /Tomorrow morning/ })
    .click();
  await expect(page.getByTestId("snoozed-badge")).toContainText("Snoozed until");
  await expect(page.getByTestId("activity").filter({ hasText: "snoozed the ticket until" })).toHaveCount(1);

  const rows = page.getByTestId("ticket-row").filter({ hasText: subject });
  await page.goto(`/w/demo/inbox?q=${token}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "true");
  await expect(page.getByTestId("count-snoozed")).toHaveText("1");
  await expect(rows).toHaveCount(0);
  await page.getByRole("tab", { name: /Snoozed/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId("row-snoozed")).toContainText("Snoozed until");

  // Snoozed again until a few seconds ahead: the job worker wakes it, and the inbox follows live.
  await trpcMutation(page, "ticket.snooze", { workspaceSlug: "demo", ticketId, until: new Date(Date.now() + 3_000).toISOString() });
  await expect(rows).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("count-snoozed")).toHaveText("0");
  await page.getByRole("tab", { name: /Open/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId("row-snoozed")).toHaveCount(0);

  await openTicket(page, ticketId!);
  await expect(page.getByTestId("activity").filter({ hasText: "woke the ticket up" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Snooze…" })).toBeVisible();
});

test("an owner sets pending tickets to close themselves after N days: a ticket set to pending gets its closure scheduled", async ({ page }) => {
  await signInAsOwner(page);
  // The sandbox workspace, so the demo's pending tickets stay as they are.
  await page.goto("/w/sandbox/settings");
  const section = page.getByRole("region", { name: "Pending tickets" });
  await section.getByLabel(/Close pending tickets after/).fill("3");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("Auto-close saved.")).toBeVisible();

  const ticket = await trpcMutation<{ id: string }>(page, "ticket.create", {
    workspaceSlug: "sandbox",
    subject: uniqueSubject("Waiting on customer"),
    body: "Hello",
  });
  const pending = await trpcMutation<{ closureScheduledAt: string | null }>(page, "ticket.setStatus", {
    workspaceSlug: "sandbox",
    ticketId: ticket.id,
    toStatus: "pending",
  });
  const days = (new Date(pending.closureScheduledAt!).getTime() - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(2.9);
  expect(days).toBeLessThanOrEqual(3);

  await page.reload();
  await expect(section.getByLabel(/Close pending tickets after/)).toHaveValue("3");
  await section.getByLabel(/Close pending tickets after/).fill("0");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("Auto-close saved.")).toBeVisible();
});
