import { expect, test } from "@playwright/test";
import { signInAsOwner } from "./helpers";

// The inbox's first page and a ticket's thread come in the server's HTML (shown at first paint),
// not after the browser's scripts fetch them: with scripts off, they are still there.
test("the inbox rows and a ticket's messages are rendered on the server", async ({ page, browser }) => {
  await signInAsOwner(page);
  const ticketHref = await page.getByTestId("ticket-row").first().getByRole("link").getAttribute("href");
  expect(ticketHref).toBeTruthy();

  const origin = new URL(page.url()).origin;
  const noScripts = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const html = await noScripts.newPage();
  await html.goto(`${origin}/w/demo/inbox`);
  await expect(html.getByTestId("ticket-row").first()).toBeVisible();
  await expect(html.getByTestId("count-open")).not.toHaveText("…");

  await html.goto(`${origin}${ticketHref}`);
  await expect(html.getByTestId("message").first()).toBeVisible();
  await expect(html.getByRole("heading", { level: 1 })).not.toBeEmpty();
  await noScripts.close();
});
