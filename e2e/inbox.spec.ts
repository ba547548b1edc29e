import { expect, test } from "@playwright/test";
import { postInbound, signInAsOwner, trpcMutation, trpcQuery, uniqueSubject } from "./helpers";

test("an email posted to the inbound webhook appears in the open inbox without a reload", async ({ page }) => {
  await signInAsOwner(page);
  await expect(page.getByTestId("ticket-row").first()).toBeVisible();
  let reloaded = false;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });

  const subject = uniqueSubject("Printer is on fire");
  await postInbound(page, { subject, from: "Grace Hopper <grace@navy.example.com>", text: "Smoke everywhere." });

  const row = page.getByTestId("ticket-row").filter({ hasText: subject });
  await expect(row).toHaveCount(1, { timeout: 10_000 });
  await expect(row).toContainText("Grace Hopper");
  await expect(page.getByTestId("ticket-row").first()).toContainText(subject);
  expect(reloaded).toBe(false);
});

test("status tabs, filters and search narrow the list, and the URL keeps them", async ({ page }) => {
  await signInAsOwner(page);
  const token = uniqueSubject("Quokka").split(" ")[1]!;
  const [a, b] = [await postInbound(page, { subject: `Quokka ${token} refund` }), await postInbound(page, { subject: `Quokka ${token} login` })];
  const me = (await trpcQuery<{ id: string; email: string }[]>(page, "member.list", { workspaceSlug: "demo" })).find((m) => m.email === "owner@demo.test")!;
  await trpcMutation(page, "ticket.update", { workspaceSlug: "demo", ticketId: a.ticketId, priority: "urgent", assigneeId: me.id, tags: ["billing"] });
  await trpcMutation(page, "ticket.setStatus", { workspaceSlug: "demo", ticketId: b.ticketId, toStatus: "pending" });

  const rows = page.getByTestId("ticket-row");
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search tickets")).toBeFocused();
  await page.keyboard.type(token);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("refund");
  await expect(page).toHaveURL(new RegExp(`q=${token}`));
  await expect(page.getByTestId("count-pending")).toHaveText("1");
  await expect(page.getByTestId("count-all")).toHaveText("2");

  await page.getByRole("tab", { name: /All/ }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("page-range")).toHaveText("1–2 of 2");
  await page.getByLabel("Priority", { exact: true }).selectOption("urgent");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("refund");
  await page.getByLabel("Priority", { exact: true }).selectOption("");
  await page.getByLabel("Assignee", { exact: true }).selectOption("none");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("login");
  await page.getByLabel("Assignee", { exact: true }).selectOption("me");
  await expect(rows).toContainText("refund");
  await page.getByLabel("Assignee", { exact: true }).selectOption("");
  await page.getByLabel("Tag", { exact: true }).selectOption("billing");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("refund");

  await page.reload();
  await expect(page.getByRole("tab", { name: /All/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("Tag", { exact: true })).toHaveValue("billing");
  await expect(rows).toHaveCount(1);
  await page.getByLabel("Tag", { exact: true }).selectOption("");
  await page.getByRole("tab", { name: /Pending/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("login");
});
