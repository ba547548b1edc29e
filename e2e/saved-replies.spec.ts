import { expect, test } from "@playwright/test";
import { openTicket, postInbound, signIn, signInAsOwner, trpcMutation, trpcQuery, uniqueSubject } from "./helpers";

test("answer a ticket with a saved reply by keyboard only", async ({ page }) => {
  await signInAsOwner(page);
  const name = uniqueSubject("Invoice answer");
  await trpcMutation(page, "savedReply.create", {
    workspaceSlug: "demo",
    name,
    body: "Hi {{contact.name}}, your invoice for #{{ticket.number}} is attached.",
    shared: true,
  });
  const subject = uniqueSubject("Where is my invoice");
  const { ticketId } = await postInbound(page, { subject, text: "I cannot find my invoice." });
  const { ticketNumber } = await trpcQuery<{ ticketNumber: number }>(page, "ticket.get", { workspaceSlug: "demo", ticketId });
  await openTicket(page, ticketId!);

  await page.keyboard.press("r");
  await page.keyboard.type(`/${name.split(" ").at(-1)}`);
  const list = page.getByRole("listbox", { name: "Saved replies" });
  await expect(list.getByRole("option")).toHaveText([new RegExp(name)]);
  await page.keyboard.press("Enter");
  const expected = `Hi Ada Lovelace, your invoice for #${ticketNumber} is attached.`;
  await expect(page.getByLabel("Reply", { exact: true })).toHaveValue(expected);
  await expect(list).toBeHidden();
  await page.keyboard.press("Control+Enter");

  const reply = page.locator('[data-testid="message"][data-direction="outbound"]');
  await expect(reply).toContainText(expected);
  await expect(page.getByLabel("Reply", { exact: true })).toHaveValue("");
});

test("an agent keeps personal saved replies in Settings and cannot share them", async ({ page }) => {
  await signIn(page, "agent@demo.test");
  await expect(page).toHaveURL(/\/w\/demo\/inbox$/);
  await page.goto("/w/demo/settings#saved-replies");
  const section = page.getByRole("region", { name: "Saved replies" });
  const form = section.getByRole("form", { name: "Create a saved reply" });
  await expect(form.getByLabel("Shared with the whole workspace")).toHaveCount(0);
  await expect(section.getByRole("list", { name: "Shared replies" })).toContainText("Invoice copy");
  await expect(section.getByRole("button", { name: "Edit Invoice copy" })).toHaveCount(0);

  const name = uniqueSubject("Callback");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Reply").fill("I'll call you back, {{contact.name}}.");
  await form.getByRole("button", { name: "Add saved reply" }).click();
  const mine = section.getByRole("list", { name: "My replies" });
  await expect(mine).toContainText(name);
  await expect(form.getByLabel("Name")).toHaveValue("");

  await mine.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = section.getByRole("form", { name: `Edit ${name}` });
  await edit.getByLabel("Reply").fill("   ");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("alert")).toContainText("Not saved.");
  await edit.getByLabel("Reply").fill("I'll call you back today.");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(mine).toContainText("I'll call you back today.");

  await mine.getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByRole("dialog", { name: "Delete saved reply" }).getByRole("button", { name: "Delete" }).click();
  await expect(mine).not.toContainText(name);
});
