import { expect, test } from "@playwright/test";
import { postInbound, signInAsOwner, trpcQuery, uniqueSubject } from "./helpers";

test("the search box finds a ticket by its sender's address, by #n and by operators, and marks the words it found", async ({ page }) => {
  await signInAsOwner(page);
  const token = uniqueSubject("Walrus").split(" ")[1]!;
  const sender = `walrus.${token}@sea.example`;
  const { ticketId } = await postInbound(page, { subject: `Walrus ${token} refund request`, from: `Wally Walrus <${sender}>` });
  await postInbound(page, { subject: `Walrus ${token} other question` });
  const number = (await trpcQuery<{ ticketNumber: number }>(page, "ticket.get", { workspaceSlug: "demo", ticketId })).ticketNumber;
  const rows = page.getByTestId("ticket-row");
  const box = page.getByLabel("Search tickets");

  async function search(query: string) {
    await box.fill(query);
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(query).replace(/%20/g, "\\+")}`));
  }

  await search(sender);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`Walrus ${token} refund request`);
  await expect(rows.getByText("Wally Walrus")).toBeVisible();

  await search(`#${number}`);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`#${number}`);

  await search(`from:${sender}`);
  await expect(rows).toHaveCount(1);
  await search(`${token} refund`);
  await expect(rows).toHaveCount(1);
  await expect(rows.locator("mark")).toHaveText([token, "refund"]);
  await search(`${token} status:closed`);
  await expect(page.getByText("No tickets match these filters.")).toBeVisible();

  await search(`${token}`);
  await expect(rows).toHaveCount(2);
});
