import { expect, test } from "@playwright/test";
import { postInbound, signInAsOwner, trpcMutation, trpcQuery, uniqueSubject } from "./helpers";

async function threeTickets(page: Parameters<typeof postInbound>[0], text: string) {
  const token = uniqueSubject(text).split(" ")[1]!;
  const ids: string[] = [];
  for (const n of [1, 2, 3]) ids.push((await postInbound(page, { subject: `${text} ${token} part ${n}` })).ticketId!);
  await page.keyboard.press("/");
  await page.keyboard.type(token);
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`q=${token}`));
  await expect(page.getByTestId("ticket-row").filter({ hasText: token })).toHaveCount(3);
  await expect(page.getByTestId("ticket-row")).toHaveCount(3);
  return { token, ids };
}

test("bulk-assign three tickets with the keyboard only", async ({ page }) => {
  await signInAsOwner(page);
  const { ids } = await threeTickets(page, "Pelican");
  const rows = page.getByTestId("ticket-row");

  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByTestId("selected-count")).toHaveText("3 selected");
  await expect(rows.nth(2)).toHaveAttribute("aria-current", "true");

  await page.keyboard.press("a");
  const dialog = page.getByRole("dialog", { name: "Assign 3 tickets" });
  await expect(dialog.getByRole("combobox", { name: "Assign to" })).toBeFocused();
  await page.keyboard.type("adam");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Assigned 3 tickets." })).toBeVisible();
  for (const n of [0, 1, 2]) await expect(rows.nth(n).getByTestId("row-assignee")).toHaveText("Adam Agent");
  await expect(page.getByTestId("selected-count")).toHaveCount(0);

  for (const ticketId of ids) {
    const ticket = await trpcQuery<{ assignee: { email: string } | null }>(page, "ticket.get", { workspaceSlug: "demo", ticketId });
    expect(ticket.assignee?.email).toBe("agent@demo.test");
  }
});

test("j/k, x, e close, t tag, Enter opens, ? shows the shortcuts", async ({ page }) => {
  await signInAsOwner(page);
  const { token } = await threeTickets(page, "Heron");
  const rows = page.getByTestId("ticket-row");

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Select or unselect the ticket");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();

  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("t");
  await page.keyboard.type("urgent");
  await page.keyboard.press("Enter");
  await expect(rows.nth(1)).toContainText("urgent");

  await page.keyboard.press("k");
  await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("e");
  await expect(page.getByRole("status").filter({ hasText: "Closed 1 ticket." })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("count-closed")).toHaveText("1");

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/w\/demo\/tickets\//);
  await expect(page.getByRole("heading", { name: new RegExp(`Heron ${token}`) })).toBeVisible();
  await page.keyboard.press("u");
  await expect(page).toHaveURL(new RegExp(`/w/demo/inbox\\?q=${token}`));
});

test("bulk tagging keeps a tag another agent added after the inbox loaded", async ({ page }) => {
  await signInAsOwner(page);
  const { ids } = await threeTickets(page, "Egret");
  // Another agent tags the first ticket; this inbox still shows it without the tag.
  await trpcMutation(page, "ticket.update", { workspaceSlug: "demo", ticketId: ids[0], tags: ["vip"] });

  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("t");
  await page.keyboard.type("followup");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Tagged 3 tickets." })).toBeVisible();

  const tags = async (ticketId: string) =>
    (await trpcQuery<{ tags: { name: string }[] }>(page, "ticket.get", { workspaceSlug: "demo", ticketId })).tags.map((tag) => tag.name).sort();
  expect(await tags(ids[0]!)).toEqual(["followup", "vip"]);
  expect(await tags(ids[1]!)).toEqual(["followup"]);
  expect(await tags(ids[2]!)).toEqual(["followup"]);
});

test("* selects the whole page and e closes it; on the Closed tab the checkbox selects all and Reopen brings them back", async ({ page }) => {
  await signInAsOwner(page);
  const { token, ids } = await threeTickets(page, "Egret");
  const rows = page.getByTestId("ticket-row");

  await page.keyboard.press("*");
  await expect(page.getByTestId("selected-count")).toHaveText("3 selected");
  await page.keyboard.press("*");
  await expect(page.getByTestId("selected-count")).toHaveCount(0);
  await page.keyboard.press("*");
  await page.keyboard.press("e");
  await expect(page.getByRole("status").filter({ hasText: "Closed 3 tickets." })).toBeVisible();
  await expect(rows).toHaveCount(0);

  await page.getByRole("tab", { name: /Closed/ }).click();
  await expect(rows.filter({ hasText: token })).toHaveCount(3);
  const bulkBar = page.getByRole("toolbar", { name: "Bulk actions" });
  await bulkBar.getByRole("checkbox").check();
  await expect(page.getByTestId("selected-count")).toHaveText("3 selected");
  await bulkBar.getByRole("button", { name: /Reopen/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reopened 3 tickets." })).toBeVisible();
  await expect(rows).toHaveCount(0);

  for (const ticketId of ids) {
    const ticket = await trpcQuery<{ status: string }>(page, "ticket.get", { workspaceSlug: "demo", ticketId });
    expect(ticket.status).toBe("open");
  }
});

test("inside a ticket j/k walk the inbox's list, Ctrl+K runs any action of the page, and Ctrl+Shift+Enter sends and closes", async ({ page }) => {
  await signInAsOwner(page);
  const { token } = await threeTickets(page, "Osprey");
  const heading = page.getByRole("heading", { level: 1 });
  const palette = page.getByRole("dialog", { name: "Commands" });

  // The inbox's palette has its actions too.
  const command = palette.getByRole("combobox", { name: "Command" });
  await page.keyboard.press("Control+k");
  await expect(command).toBeFocused();
  await page.keyboard.type("show pend");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/tab=pending/);
  await page.keyboard.press("Control+k");
  await expect(command).toBeFocused();
  await page.keyboard.type("show open");
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/tab=/);
  await expect(page.getByTestId("ticket-row")).toHaveCount(3);

  await page.keyboard.press("Enter");
  await expect(heading).toContainText(`${token} part 3`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "true");
  await page.keyboard.press("j");
  await expect(heading).toContainText(`${token} part 2`);
  await expect(page.getByRole("link", { name: "Previous ticket" })).toBeVisible();
  await page.keyboard.press("k");
  await expect(heading).toContainText(`${token} part 3`);
  await page.keyboard.press("k");
  await expect(page.getByRole("status").filter({ hasText: "This is the first ticket of the inbox list." })).toBeAttached();
  await expect(heading).toContainText(`${token} part 3`);

  const sidebar = page.getByRole("complementary", { name: "Ticket details" });
  await page.keyboard.press("Control+k");
  await expect(command).toBeFocused();
  await page.keyboard.type("priority: urg");
  await expect(palette.getByRole("option")).toHaveText(["Priority: Urgent"]);
  await page.keyboard.press("Enter");
  await expect(palette).toBeHidden();
  await expect(sidebar.getByLabel("Priority")).toHaveValue("urgent");
  await page.keyboard.press("Control+k");
  await expect(command).toBeFocused();
  await page.keyboard.type("assign to adam");
  await page.keyboard.press("Enter");
  await expect(sidebar.getByLabel("Assignee")).toHaveValue(/.+/);
  await expect(page.getByTestId("activity").filter({ hasText: "assigned the ticket to Adam Agent" })).toHaveCount(1);

  await page.keyboard.press("r");
  await page.keyboard.type("Thanks, it is fixed now.");
  await page.keyboard.press("Control+Shift+Enter");
  await expect(page.locator('[data-testid="message"][data-direction="outbound"]').filter({ hasText: "Thanks, it is fixed now." })).toHaveCount(1);
  await expect(page.getByTestId("activity").filter({ hasText: "changed status from open to closed" })).toHaveCount(1);
  const ticketId = page.url().split("/").at(-1)!;
  expect((await trpcQuery<{ status: string }>(page, "ticket.get", { workspaceSlug: "demo", ticketId })).status).toBe("closed");
});
