import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { openTicket, postInbound, signInAsOwner, trpcMutation, uniqueSubject } from "./helpers";

test("the sidebar shows the contact's earlier tickets; an agent names the contact and its customer, and both have pages listing their tickets", async ({
  page,
}) => {
  await signInAsOwner(page);
  const id = randomUUID().slice(0, 8);
  const email = `kim-${id}@context.test`;
  const customerName = `Context Co ${id}`;
  await trpcMutation(page, "customer.create", { workspaceSlug: "demo", name: customerName, domains: [] });
  const firstSubject = uniqueSubject("Invoice missing");
  const secondSubject = uniqueSubject("Login fails");
  await postInbound(page, { subject: firstSubject, from: email, text: "Where is my invoice?" });
  const { ticketId } = await postInbound(page, { subject: secondSubject, from: email, text: "I cannot sign in." });
  await openTicket(page, ticketId!);

  const sidebar = page.getByRole("complementary", { name: "Ticket details" });
  const previous = sidebar.getByTestId("ticket-history");
  await expect(previous.getByRole("listitem")).toHaveCount(1);
  await expect(previous).toContainText(firstSubject);
  await expect(previous).toContainText("open");
  await expect(previous).not.toContainText(secondSubject);

  await sidebar.getByTestId("contact").getByRole("button", { name: "Edit" }).click();
  const editor = sidebar.getByRole("form", { name: "Edit contact" });
  await editor.getByLabel("Name").fill("Kim Park");
  await editor.getByLabel("Customer").selectOption({ label: customerName });
  await editor.getByRole("button", { name: "Save contact" }).click();
  await expect(sidebar.getByTestId("contact")).toContainText("Kim Park");
  await expect(sidebar.getByTestId("customer")).toContainText(customerName);

  await sidebar.getByTestId("customer").getByRole("link", { name: customerName }).click();
  await expect(page.getByRole("heading", { name: customerName })).toBeVisible();
  const customerTickets = page.getByRole("region", { name: "Tickets" }).getByTestId("ticket-history");
  await expect(customerTickets.getByRole("listitem")).toHaveCount(2);
  await expect(customerTickets.getByRole("listitem").first()).toContainText(secondSubject);
  await page
    .getByRole("region", { name: /Contacts/ })
    .getByRole("link", { name: "Kim Park" })
    .click();

  await expect(page.getByRole("heading", { name: "Kim Park" })).toBeVisible();
  await expect(page.getByText(`${email}`)).toBeVisible();
  await expect(page.getByText("2 tickets, 2 open or pending")).toBeVisible();
  await page
    .getByRole("region", { name: "Tickets" })
    .getByRole("link", { name: new RegExp(firstSubject) })
    .click();
  await expect(page.getByRole("heading", { name: firstSubject })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Ticket details" }).getByTestId("ticket-history")).toContainText(secondSubject);
});

test("an unknown contact or customer page says it was not found", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto(`/w/demo/contacts/${randomUUID()}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Could not load this contact.");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Contact not found");
  await page.goto(`/w/demo/customers/${randomUUID()}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Customer not found");
});
