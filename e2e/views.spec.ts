import { expect, test } from "@playwright/test";
import { postInbound, signInAsOwner, trpcMutation, uniqueSubject } from "./helpers";

test("a saved view keeps the filters, shows its count live in the sidebar, and opens them again in one click", async ({ page }) => {
  await signInAsOwner(page);
  const token = uniqueSubject("Narwhal").split(" ")[1]!;
  const first = await postInbound(page, { subject: `Narwhal ${token} one` });
  const second = await postInbound(page, { subject: `Narwhal ${token} two` });
  await trpcMutation(page, "ticket.update", { workspaceSlug: "demo", ticketId: first.ticketId, priority: "urgent" });
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "true");

  const box = page.getByLabel("Search tickets");
  await box.fill(token);
  await box.press("Enter");
  await page.getByLabel("Priority", { exact: true }).selectOption("urgent");
  await expect(page.getByTestId("ticket-row")).toHaveCount(1);

  const views = page.getByRole("navigation", { name: "Views" });
  await views.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save this view" });
  await dialog.getByLabel("Name").fill(`Urgent ${token}`);
  await dialog.getByLabel("Share with the team").check();
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toBeHidden();
  const view = views.getByTestId("saved-view").filter({ hasText: `Urgent ${token}` });
  await expect(view.getByRole("link")).toHaveAttribute("aria-current", "page");
  await expect(view.getByTestId("view-count")).toHaveText("1");

  // Another change reaches the count without a reload.
  await trpcMutation(page, "ticket.update", { workspaceSlug: "demo", ticketId: second.ticketId, priority: "urgent" });
  await expect(view.getByTestId("view-count")).toHaveText("2");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  // The plain inbox again: the search box and the filters are cleared, and stay so.
  await expect(page.getByLabel("Search tickets")).toHaveValue("");
  await expect(page.getByLabel("Priority", { exact: true })).toHaveValue("");
  await expect(view.getByRole("link")).not.toHaveAttribute("aria-current", "page");
  await view.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`priority=urgent.*q=${token}|q=${token}.*priority=urgent`));
  await expect(page.getByTestId("ticket-row")).toHaveCount(2);
  await expect(page.getByLabel("Priority", { exact: true })).toHaveValue("urgent");

  page.once("dialog", (confirm) => void confirm.accept());
  await view.getByRole("button", { name: `Delete view Urgent ${token}` }).click();
  await expect(view).toHaveCount(0);
});
