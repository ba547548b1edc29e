import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { openTicket, postInbound, signInAsOwner, trpcMutation, trpcQuery, uniqueSubject } from "./helpers";

type Outbound = { emails: { bodyText: string }[] };

async function setSurveys(page: Page, on: boolean) {
  await trpcMutation(page, "workspace.update", { workspaceSlug: "demo", settings: { satisfactionSurveys: on } });
}

test("closing a ticket emails a survey; one click on its link rates the ticket, a comment follows, and the sidebar shows both", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto("/w/demo/settings");
  const policies = page.getByRole("region", { name: "Inbound policies" });
  await policies.getByLabel(/Ask customers to rate our help/).check();
  await policies.getByRole("button", { name: "Save policies" }).click();
  await expect(policies.getByRole("status")).toHaveText("Policies saved.");

  try {
    const customer = `rate-${randomUUID().slice(0, 8)}@example.com`;
    const subject = uniqueSubject("Refund please");
    const { ticketId } = await postInbound(page, { subject, from: customer, text: "I was charged twice." });
    await openTicket(page, ticketId!);
    await page.getByRole("button", { name: /^Close/ }).click();
    await expect(page.getByText("closed", { exact: true }).first()).toBeVisible();

    let link = "";
    await expect
      .poll(async () => {
        const log = await trpcQuery<Outbound>(page, "outboundEmail.list", { workspaceSlug: "demo", to: customer, kind: "survey" });
        link = log.emails[0]?.bodyText.match(/Great: (\S+)/)?.[1] ?? "";
        return link;
      })
      .toMatch(/\/rate\/[\w-]+\?rating=great$/);
    const path = new URL(link).pathname + new URL(link).search;

    // A link scanner fetches the page without running it: nothing is recorded.
    expect((await page.request.get(path)).status()).toBe(200);
    await page.reload();
    await expect(page.getByTestId("satisfaction")).toHaveCount(0);

    const customerPage = await page.context().browser()!.newPage();
    await customerPage.goto(path);
    await expect(customerPage.getByRole("heading", { name: "How did we do?" })).toBeVisible();
    await expect(customerPage.getByRole("status")).toHaveText("Thank you! Your rating is recorded.");
    await expect(customerPage.getByRole("button", { name: "Great" })).toHaveAttribute("aria-pressed", "true");
    await customerPage.getByLabel(/Anything you want to tell us/).fill("Quick and friendly.");
    await customerPage.getByRole("button", { name: "Send comment" }).click();
    await expect(customerPage.getByRole("status")).toHaveText("Thank you! Your comment is recorded.");
    await customerPage.close();

    await page.reload();
    const rating = page.getByTestId("satisfaction");
    await expect(rating).toContainText("Great");
    await expect(page.getByRole("complementary", { name: "Ticket details" })).toContainText("Quick and friendly.");
    await expect(page.getByRole("list", { name: "Activity" })).toContainText("The customer rated the ticket “Great”: Quick and friendly.");
  } finally {
    await setSurveys(page, false);
  }
});

test("a survey link that does not exist says so", async ({ page }) => {
  await page.goto("/rate/not-a-real-token?rating=great");
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
});
