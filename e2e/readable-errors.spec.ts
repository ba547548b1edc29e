import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { openTicket, postInbound, signInAsOwner, trpcQuery, uniqueSubject } from "./helpers";

async function newTicket(page: Page) {
  const customer = `err-${randomUUID().slice(0, 8)}@example.com`;
  const subject = uniqueSubject("Readable errors");
  const { ticketId } = await postInbound(page, { subject, from: customer, text: "Where is my parcel?" });
  await openTicket(page, ticketId!);
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  return { customer, ticketId: ticketId! };
}

test("a refused address reads as a sentence naming the field, never as the validation's JSON", async ({ page }) => {
  await signInAsOwner(page);
  await newTicket(page);
  await page.getByLabel("To", { exact: true }).fill("not-an-address");
  await page.getByLabel("Reply", { exact: true }).fill("Your parcel is on its way.");
  await page.getByRole("button", { name: /Send reply/ }).click();

  const alert = page.getByRole("form", { name: "Composer" }).getByRole("alert");
  await expect(alert).toContainText("Not sent. To must be a valid email address.");
  await expect(alert).not.toContainText("{");
  await expect(alert).not.toContainText("Invalid input");
  await expect(page.getByLabel("Reply", { exact: true })).toHaveValue("Your parcel is on its way.");
});

test("offline, a reply fails with a sentence and a retry that sends it once the connection is back", async ({ page, context }) => {
  await signInAsOwner(page);
  const { customer } = await newTicket(page);
  await page.getByLabel("Reply", { exact: true }).fill("Sent after the connection came back.");
  await context.setOffline(true);
  await expect(page.getByText("You are offline.")).toBeVisible();
  await page.getByRole("button", { name: /Send reply/ }).click();

  const alert = page.getByRole("form", { name: "Composer" }).getByRole("alert");
  await expect(alert).toContainText("Not sent. Could not reach Threadline. Check your connection, then try again.");
  await expect(page.getByRole("button", { name: /Send reply/ })).toBeEnabled();

  await context.setOffline(false);
  await expect(page.getByText("You are offline.")).toBeHidden();
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator('[data-testid="message"][data-direction="outbound"]')).toContainText("Sent after the connection came back.");
  await expect(alert).toHaveCount(0);
  const log = await trpcQuery<{ emails: unknown[] }>(page, "outboundEmail.list", { workspaceSlug: "demo", to: customer, kind: "reply" });
  expect(log.emails).toHaveLength(1);
});

test("unsaved settings ask before the page is left, and stay when the person says no", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto("/w/demo/settings");
  const policies = page.getByRole("region", { name: "Inbound policies" });
  const closedReply = policies.getByLabel("A reply to a closed ticket");
  const original = await closedReply.inputValue();
  await closedReply.selectOption(original === "hold" ? "reopen" : "hold");

  const questions: string[] = [];
  page.once("dialog", (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }).click();
  await expect.poll(() => questions).toEqual(["You have changes that are not saved. Leave and lose them?"]);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(closedReply).not.toHaveValue(original);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }).click();
  await expect(page).toHaveURL(/\/inbox/);
  // Nothing was saved.
  await page.goto("/w/demo/settings");
  await expect(page.getByRole("region", { name: "Inbound policies" }).getByLabel("A reply to a closed ticket")).toHaveValue(original);
});

test("a rule with unsaved edits asks before the editor closes; a saved one closes at once", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto("/w/demo/automations");
  await page.getByRole("button", { name: "New rule" }).click();
  const editor = page.getByRole("form", { name: "Rule editor" });
  await editor.getByLabel("Name", { exact: true }).fill(uniqueSubject("Half-written rule"));

  let asked = 0;
  page.once("dialog", (dialog) => {
    asked += 1;
    void dialog.dismiss();
  });
  await page.getByRole("button", { name: "Close the editor" }).click();
  await expect.poll(() => asked).toBe(1);
  await expect(editor).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Close the editor" }).click();
  await expect(editor).toBeHidden();

  await page.getByRole("button", { name: "New rule" }).click();
  page.on("dialog", () => {
    throw new Error("an untouched editor must close without asking");
  });
  await page.getByRole("button", { name: "Close the editor" }).click();
  await expect(editor).toBeHidden();
});
