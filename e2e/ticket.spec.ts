import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { openTicket, postInbound, signInAsOwner, trpcQuery, uniqueSubject } from "./helpers";

async function newTicket(page: Page, text = "My export keeps failing with error 42.") {
  const customer = `cust-${randomUUID().slice(0, 8)}@example.com`;
  const subject = uniqueSubject("Export keeps failing");
  const { ticketId } = await postInbound(page, { subject, from: `Kim Lee <${customer}>`, text });
  await openTicket(page, ticketId!);
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  return { customer, subject, ticketId: ticketId! };
}

type Outbound = { emails: { toAddress: string; subject: string; ccAddresses: string[]; kind: string; bodyText: string }[] };

test("reply by email with a file: it shows in the thread with its delivery status and in the outbound log", async ({ page }) => {
  await signInAsOwner(page);
  const { customer, subject } = await newTicket(page);
  await expect(page.getByTestId("message")).toHaveCount(1);
  await expect(page.getByTestId("message").first()).toHaveAttribute("data-direction", "inbound");

  await expect(page.getByLabel("To", { exact: true })).toHaveValue(customer);
  await page.getByLabel("Cc", { exact: true }).fill("boss@example.com");
  await page.getByLabel("Attach files").setInputFiles({ name: "steps.txt", mimeType: "text/plain", buffer: Buffer.from("1. restart\n2. retry") });
  await expect(page.getByTestId("upload")).toHaveAttribute("data-status", "done");
  await page.getByLabel("Reply", { exact: true }).fill("Thanks Kim, a fix is on its way.");
  await page.keyboard.press("Control+Enter");

  const reply = page.locator('[data-testid="message"][data-direction="outbound"]');
  await expect(reply).toContainText("Thanks Kim, a fix is on its way.");
  await expect(reply).toContainText("Cc boss@example.com");
  await expect(reply.getByTestId("delivery-status")).toHaveText("recorded");
  await expect(page.getByLabel("Reply", { exact: true })).toHaveValue("");

  const downloading = page.waitForEvent("download");
  await reply.getByRole("link", { name: /steps\.txt/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("steps.txt");

  const log = await trpcQuery<Outbound>(page, "outboundEmail.list", { workspaceSlug: "demo", to: customer, kind: "reply" });
  expect(log.emails).toEqual([
    expect.objectContaining({
      toAddress: customer,
      ccAddresses: ["boss@example.com"],
      subject: expect.stringMatching(new RegExp(`^Re: \\[#\\d+\\] ${subject}$`)),
      bodyText: expect.stringContaining("a fix is on its way"),
    }),
  ]);
});

test("an internal note is marked as such and emails nobody", async ({ page }) => {
  await signInAsOwner(page);
  const { customer } = await newTicket(page);
  await page.keyboard.press("n");
  await expect(page.getByLabel("Note", { exact: true })).toBeFocused();
  await page.keyboard.type("Customer is on the legacy plan; check with billing.");
  await page.getByRole("button", { name: /Add note/ }).click();

  const note = page.locator('[data-testid="message"][data-direction="note"]');
  await expect(note).toContainText("Customer is on the legacy plan");
  await expect(note).toContainText("Internal note");
  await expect(note.getByTestId("delivery-status")).toHaveCount(0);
  await expect(page.getByTestId("activity").filter({ hasText: "added an internal note" })).toHaveCount(1);
  const log = await trpcQuery<Outbound>(page, "outboundEmail.list", { workspaceSlug: "demo", to: customer, kind: "reply" });
  expect(log.emails).toEqual([]);
});

test("close with the keyboard, then reopen; the sidebar edits stick", async ({ page }) => {
  await signInAsOwner(page);
  await newTicket(page);
  const sidebar = page.getByRole("complementary", { name: "Ticket details" });

  await page.keyboard.press("e");
  await expect(sidebar.getByLabel("Status")).toHaveValue("closed");
  await expect(page.getByTestId("activity").filter({ hasText: "changed status from open to closed" })).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole("button", { name: /Reopen/ })).toBeVisible();
  await page.getByRole("button", { name: /Reopen/ }).click();
  await expect(sidebar.getByLabel("Status")).toHaveValue("open");
  await expect(page.getByTestId("activity").filter({ hasText: "changed status from closed to open" })).toHaveCount(1);

  await sidebar.getByLabel("Priority").selectOption("urgent");
  await sidebar.getByLabel("Assignee").selectOption({ label: "Adam Agent" });
  await sidebar.getByLabel("Add tag").fill("bug");
  await sidebar.getByLabel("Add tag").press("Enter");
  await expect(sidebar.getByRole("list", { name: "Tags" })).toContainText("bug");
  await expect(page.getByTestId("activity").filter({ hasText: "assigned the ticket to Adam Agent" })).toHaveCount(1);
  await page.reload();
  await expect(sidebar.getByLabel("Priority")).toHaveValue("urgent");
  await expect(sidebar.getByLabel("Assignee").locator("option:checked")).toHaveText("Adam Agent");
  await expect(sidebar.getByRole("list", { name: "Tags" })).toContainText("bug");
  await sidebar.getByRole("button", { name: "Remove tag bug" }).click();
  await expect(sidebar.getByRole("list", { name: "Tags" })).toContainText("No tags");
});
