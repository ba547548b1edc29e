import { expect, test, type Page } from "@playwright/test";
import { openTicket, postInbound, signInAsOwner, trpcMutation, trpcQuery, uniqueSubject } from "./helpers";

type Named = { id: string; name: string };

/** Removes this spec's policies and schedules (also those a failed earlier try left), so other specs see no SLA. */
async function removeSla(page: Page) {
  const policies = await trpcQuery<Named[]>(page, "sla.policies", { workspaceSlug: "demo" });
  for (const p of policies) await trpcMutation(page, "sla.deletePolicy", { workspaceSlug: "demo", policyId: p.id });
  const schedules = await trpcQuery<Named[]>(page, "sla.schedules", { workspaceSlug: "demo" });
  for (const s of schedules) await trpcMutation(page, "sla.deleteSchedule", { workspaceSlug: "demo", scheduleId: s.id });
}

test("a breached ticket shows at the top of 'due', and the sidebar shows its due times", async ({ page }) => {
  // The first-reply target is one real minute (the smallest a policy takes): the test waits for it.
  test.setTimeout(180_000);
  await signInAsOwner(page);
  await removeSla(page);
  try {
    // The ticket arrives first; the policy's targets count from its arrival once its priority makes it apply.
    const subject = uniqueSubject("Server down");
    const { ticketId } = await postInbound(page, { subject, text: "Nothing loads." });

    await page.goto("/w/demo/settings");
    const hours = page.getByRole("region", { name: "Business hours" });
    await hours.getByLabel("Name", { exact: true }).fill("Around the clock");
    await hours.getByLabel(/^Time zone/).selectOption("UTC");
    for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) await hours.getByLabel(day).fill("00:00-24:00");
    await hours.getByRole("button", { name: "Add business hours" }).click();
    await expect(hours.getByRole("list", { name: "Business hours" })).toContainText("Around the clock");

    const policies = page.getByRole("region", { name: "SLA policies" });
    const form = policies.getByRole("form", { name: "Create SLA policy" });
    await form.getByLabel("Name", { exact: true }).fill("Urgent");
    await form.getByLabel(/^Priority/).selectOption("urgent");
    await form.getByLabel(/^Business hours/).selectOption({ label: "Around the clock" });
    await form.getByLabel(/^Resolution target/).fill("600");
    await form.getByLabel(/^First reply target/).fill("1");
    await form.getByRole("button", { name: "Add policy" }).click();
    await expect(policies.getByRole("list", { name: "SLA policies" })).toContainText("Urgent tickets in every mailbox, Around the clock: First reply 1 m");

    await openTicket(page, ticketId!);
    await page
      .getByRole("complementary", { name: "Ticket details" })
      .getByLabel(/^Priority/)
      .selectOption("urgent");
    const due = page.getByTestId("sla-due-times");
    await expect(due).toContainText(/Resolution due in (9 h \d+ m|10 h)/);
    await expect(due).toContainText(/First reply (due in 1 m|breached \d+ m ago)/);
    await expect(page.getByText("Targets count business hours.")).toBeVisible();

    // Once the minute has passed, the ticket leads the "Due soonest" view with a breached badge.
    await page.goto("/w/demo/inbox?sla=due");
    await expect(async () => {
      await page.reload();
      const first = page.getByTestId("ticket-row").first();
      await expect(first).toContainText(subject, { timeout: 2_000 });
      await expect(first.getByTestId("sla-badge")).toHaveAttribute("data-breached", "true", { timeout: 2_000 });
    }).toPass({ timeout: 120_000, intervals: [5_000] });
    await page.locator("#filter-sla").selectOption("breached");
    await expect(page.getByTestId("ticket-row").filter({ hasText: subject }).getByTestId("sla-badge")).toContainText(/^Breached \d+ m ago$/);

    await openTicket(page, ticketId!);
    await expect(due).toContainText(/First reply breached \d+ m ago/);
  } finally {
    await removeSla(page);
  }
});
