import { expect, test } from "@playwright/test";
import { postInbound, signInAsOwner, trpcMutation, trpcQuery, uniqueSubject } from "./helpers";

test("apply a macro to three selected tickets", async ({ page }) => {
  await signInAsOwner(page);
  const members = await trpcQuery<{ id: string; email: string }[]>(page, "member.list", { workspaceSlug: "demo" });
  const agent = members.find((m) => m.email === "agent@demo.test")!;
  const name = uniqueSubject("Escalate");
  const tag = name.split(" ")[1]!;
  await trpcMutation(page, "macro.create", {
    workspaceSlug: "demo",
    name,
    actions: [
      { type: "set_status", status: "pending" },
      { type: "set_priority", priority: "urgent" },
      { type: "assign", assigneeId: agent.id },
      { type: "add_tag", tag },
      { type: "add_note", body: "Escalated #{{ticket.number}}" },
    ],
  });
  const token = uniqueSubject("Macro").split(" ")[1]!;
  const ids: string[] = [];
  for (const n of [1, 2, 3]) ids.push((await postInbound(page, { subject: `Macro ${token} part ${n}` })).ticketId!);

  await page.goto(`/w/demo/inbox?q=${token}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "true");
  const rows = page.getByTestId("ticket-row").filter({ hasText: token });
  await expect(rows).toHaveCount(3);
  for (const n of [0, 1, 2]) await rows.nth(n).getByRole("checkbox").check();
  await expect(page.getByTestId("selected-count")).toHaveText("3 selected");

  await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Macros…" }).click();
  const dialog = page.getByRole("dialog", { name: "Apply a macro" });
  await dialog.getByRole("button", { name: new RegExp(name) }).click();
  const preview = page.getByRole("dialog", { name: `Apply “${name}”` });
  await expect(preview.getByText("Changes 3 of 3 tickets:")).toBeVisible();
  const previewed = preview.getByTestId("macro-preview-ticket");
  await expect(previewed).toHaveCount(3);
  for (const n of [0, 1, 2]) {
    await expect(previewed.nth(n)).toContainText("Status: open → pending");
    await expect(previewed.nth(n)).toContainText("Assign to Adam Agent");
    await expect(previewed.nth(n)).toContainText(`Add tag ${tag}`);
  }
  await preview.getByRole("button", { name: "Apply" }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByTestId("selected-count")).toHaveCount(0);

  for (const ticketId of ids) {
    const ticket = await trpcQuery<{
      status: string;
      priority: string;
      ticketNumber: number;
      assignee: { email: string } | null;
      tags: { name: string }[];
      messages: { direction: string; body: string }[];
    }>(page, "ticket.get", { workspaceSlug: "demo", ticketId });
    expect(ticket).toMatchObject({ status: "pending", priority: "urgent", assignee: { email: "agent@demo.test" }, tags: [{ name: tag }] });
    expect(ticket.messages.filter((m) => m.direction === "note").map((m) => m.body)).toEqual([`Escalated #${ticket.ticketNumber}`]);
  }
  // The ticket's timeline shows each change.
  await page.goto(`/w/demo/tickets/${ids[0]}`);
  await expect(page.getByTestId("activity").filter({ hasText: "assigned the ticket to Adam Agent" })).toHaveCount(1);
});

test("an owner writes a macro in Settings and applies it from a ticket", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto("/w/demo/settings#macros");
  const section = page.getByRole("region", { name: "Macros" });
  const form = section.getByRole("form", { name: "Create a macro" });
  const name = uniqueSubject("Urgent");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Action 1 type").selectOption({ label: "Set priority" });
  await form.getByLabel("Action 1 priority").selectOption("urgent");
  await form.getByRole("button", { name: "Add action" }).click();
  await form.getByLabel("Action 2 tag").fill("   ");
  await form.getByRole("button", { name: "Add macro" }).click();
  await expect(form.getByRole("alert")).toContainText("Not saved.");
  await form.getByLabel("Action 2 tag").fill("urgent");
  await form.getByRole("button", { name: "Add macro" }).click();
  await expect(section.getByRole("list", { name: "Macros" })).toContainText(`${name}Set priority · Add tag`);

  const { ticketId } = await postInbound(page, { subject: uniqueSubject("Macro from a ticket") });
  await page.goto(`/w/demo/tickets/${ticketId}`);
  await page.getByRole("button", { name: "Macros…" }).click();
  await page
    .getByRole("dialog", { name: "Apply a macro" })
    .getByRole("button", { name: new RegExp(name) })
    .click();
  const preview = page.getByRole("dialog", { name: `Apply “${name}”` });
  await expect(preview).toContainText("Priority: normal → urgent");
  await preview.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("activity").filter({ hasText: "urgent" }).first()).toBeVisible();
  const ticket = await trpcQuery<{ priority: string; tags: { name: string }[] }>(page, "ticket.get", { workspaceSlug: "demo", ticketId });
  expect(ticket).toMatchObject({ priority: "urgent", tags: [{ name: "urgent" }] });
});
