import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { pageOrigin, signIn, signInAsOwner, trpcMutation, trpcQuery, uniqueSubject } from "./helpers";

const rulesOf = (page: Page, event: string) => page.getByRole("region", { name: event }).getByTestId("automation-rule");

/** The rule names of a list, top to bottom, leaving out rules other tests made. */
async function order(rows: Locator, names: string[]) {
  const shown = await rows.getByRole("button", { name: /^(?!Drag|Move)/ }).allTextContents();
  return shown.filter((name) => names.includes(name));
}

test("an owner builds the Acme rule, sees refusals beside the fields, and dry-runs a matching and a non-matching email", async ({ page }) => {
  await signInAsOwner(page);
  // A tag that is gone by the time the rule is saved: the server's 422 lands beside that action.
  const doomed = await trpcMutation<{ id: string }>(page, "tag.create", { workspaceSlug: "demo", name: uniqueSubject("doomed") });
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Automations" })).toHaveAttribute("href", "/w/demo/automations");
  await page.goto("/w/demo/automations");
  await page.getByRole("button", { name: "New rule" }).click();
  const editor = page.getByRole("form", { name: "Rule editor" });

  await editor.getByRole("button", { name: "Create rule" }).click();
  await expect(editor).toContainText("A rule needs at least one action");
  const name = uniqueSubject("Urgent mail from Acme");
  await editor.getByLabel("Name").fill(name);
  await editor.getByRole("button", { name: "Add condition" }).click();
  await editor.getByRole("group", { name: "Condition 1" }).getByLabel("Value").fill("urgent");
  await editor.getByRole("button", { name: "Add condition" }).click();
  const domain = editor.getByRole("group", { name: "Condition 2" });
  await domain.getByLabel("Condition type").selectOption("from_email");
  await domain.getByLabel("Operator").selectOption("domain");
  await domain.getByLabel("Value").fill("acme");
  await expect(domain).toContainText("Expected an email address (operator equals) or a domain such as acme.com");
  await domain.getByLabel("Value").fill("acme.com");
  await expect(domain.getByLabel("Value")).toHaveAttribute("aria-invalid", "false");

  await editor.getByRole("button", { name: "Add action" }).click();
  const tag = editor.getByRole("group", { name: "Action 1" });
  await tag.getByLabel("Tag").selectOption(doomed.id);
  await editor.getByRole("button", { name: "Add action" }).click();
  const assign = editor.getByRole("group", { name: "Action 2" });
  await assign.getByLabel("Action type").selectOption("assign_agent");
  await assign.getByLabel("Agent").selectOption({ label: "Adam Agent (agent@demo.test)" });
  await editor.getByRole("button", { name: "Add action" }).click();
  const respond = editor.getByRole("group", { name: "Action 3" });
  await respond.getByLabel("Action type").selectOption("send_response");
  await respond
    .getByLabel("Response")
    .fill("Hi {{contact.name}},\n\nwe got “{{ticket.subject}}” (#{{ticket.number}}) and are on it.\n\n{{workspace.name}} {{unknown}}");
  await expect(respond.getByTestId("response-preview")).toHaveText(
    "Hi Ada Lovelace,\n\nwe got “Urgent: checkout fails” (#1042) and are on it.\n\nDemo Support {{unknown}}",
  );

  await trpcMutation(page, "tag.delete", { workspaceSlug: "demo", tagId: doomed.id });
  await editor.getByRole("button", { name: "Create rule" }).click();
  await expect(tag).toContainText("No such tag in this workspace");
  await tag.getByLabel("Tag").selectOption({ label: "urgent" });
  await expect(tag).not.toContainText("No such tag");
  await editor.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByRole("heading", { name: `Edit “${name}”` })).toBeVisible();
  const row = rulesOf(page, "When a ticket is created").filter({ hasText: name });
  await expect(row).toContainText("2 conditions · 3 actions");

  const dryRun = page.getByRole("form", { name: "Dry run" });
  const result = page.getByTestId("dry-run-result");
  await dryRun.getByLabel("Sender").fill("Tom Becker <tom@acme.com>");
  await dryRun.getByLabel("Subject").fill("URGENT: checkout returns 500");
  await dryRun.getByRole("button", { name: "Run dry run" }).click();
  await expect(result).toHaveAttribute("data-matched", "true");
  await expect(result).toContainText("Matched");
  await expect(result.locator('[data-result="pass"]')).toHaveCount(2);

  await dryRun.getByLabel("Sender").fill("Lena Fischer <lena@globex.io>");
  await dryRun.getByLabel("Subject").fill("Urgent: annual invoice");
  await dryRun.getByRole("button", { name: "Run dry run" }).click();
  await expect(result).toHaveAttribute("data-matched", "false");
  await expect(result).toContainText("Not matched");
  const failing = result.locator('[data-result="fail"]');
  await expect(failing).toHaveCount(1);
  await expect(failing).toContainText(/Sender\s*has the domain\s*acme\.com\s*✗ Fail/);
  await expect(result.locator('[data-result="pass"]')).toContainText("urgent");
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/screenshots/automations.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(result).toBeVisible();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    "the editor scrolls sideways on a phone",
  ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  // A dry run counts nothing; the switch pauses the rule (so it stays out of the other specs' mail).
  await page.reload();
  await expect(row).toContainText("No matches yet");
  // The list re-renders from the query cache a tick after the click, so wait for it rather than
  // have uncheck() look at the box in between.
  const activeSwitch = row.getByRole("switch", { name: `${name} is active` });
  await activeSwitch.click();
  await expect(activeSwitch).not.toBeChecked();
  await page.reload();
  await expect(row.getByRole("switch", { name: `${name} is active` })).not.toBeChecked();
});

test("an owner reorders rules by drag and drop and by keyboard, and the order survives a reload", async ({ page }) => {
  await signInAsOwner(page);
  const tags = await trpcQuery<{ id: string }[]>(page, "tag.list", { workspaceSlug: "demo" });
  const names = [uniqueSubject("First rule"), uniqueSubject("Second rule")];
  for (const name of names) {
    const rule = {
      name,
      event: "conversation_created",
      is_active: false,
      conditions: [{ type: "subject_contains", value: "never" }],
      actions: [{ type: "add_tag", tag_id: tags[0]!.id }],
    };
    await trpcMutation(page, "automation.create", { workspaceSlug: "demo", ...rule });
  }
  await page.goto("/w/demo/automations");
  const rows = rulesOf(page, "When a conversation is created");
  await expect.poll(() => order(rows, names)).toEqual(names);

  const saved = () => page.waitForResponse((r) => r.url().includes("automation.reorder") && r.ok());
  const handle = page.getByRole("button", { name: `Drag to reorder ${names[1]}` });
  const target = (await rows.filter({ hasText: names[0] }).boundingBox())!;
  const from = (await handle.boundingBox())!;
  let reordered = saved();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, target.y + 4, { steps: 12 });
  await page.mouse.up();
  await reordered;
  await expect.poll(() => order(rows, names)).toEqual([names[1], names[0]]);
  await page.reload();
  await expect.poll(() => order(rows, names)).toEqual([names[1], names[0]]);

  // dnd-kit's keyboard sensor: Space picks the rule up, ↓ moves it, Space drops it; the move is announced.
  const announced = (text: string) => expect(page.getByRole("status").filter({ hasText: text })).toHaveCount(1);
  reordered = saved();
  const grip = page.getByRole("button", { name: `Drag to reorder ${names[1]}` });
  await grip.focus();
  await page.keyboard.press("Space");
  await expect(grip).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowDown");
  await announced(`${names[1]} is over ${names[0]}.`);
  await page.keyboard.press("Space");
  await reordered;
  await page.reload();
  await expect.poll(() => order(rows, names)).toEqual(names);
});

test("a member sees the rules, reads one and dry-runs it, and gets no edit controls", async ({ page }) => {
  await signIn(page, "agent@demo.test");
  await expect(page).toHaveURL(/\/w\/demo\/inbox$/);
  await page.goto("/w/demo/automations");
  const seeded = rulesOf(page, "When a ticket is created").filter({ has: page.getByRole("button", { name: "Urgent mail from Acme", exact: true }) });
  await expect(seeded).toContainText("Active");
  await expect(page.getByRole("button", { name: "New rule" })).toHaveCount(0);
  await expect(page.getByRole("switch")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Drag to reorder|^Move .* (up|down)$/ })).toHaveCount(0);

  await seeded.getByRole("button", { name: "Urgent mail from Acme", exact: true }).click();
  const editor = page.getByRole("form", { name: "Rule editor" });
  await expect(editor).toContainText("Read-only");
  await expect(editor.getByLabel("Name")).toHaveValue("Urgent mail from Acme");
  await expect(editor.getByLabel("Name")).toBeDisabled();
  await expect(editor.getByRole("group", { name: "Condition 1" }).getByLabel("Value")).toBeDisabled();
  await expect(editor.getByRole("button")).toHaveCount(0);

  const dryRun = page.getByRole("form", { name: "Dry run" });
  await dryRun.getByLabel("Sender").fill("tom@acme.com");
  await dryRun.getByLabel("Subject").fill("Urgent: checkout");
  await dryRun.getByRole("button", { name: "Run dry run" }).click();
  await expect(page.getByTestId("dry-run-result")).toHaveAttribute("data-matched", "true");

  const refused = await page.request.post("/api/trpc/automation.reorder", {
    data: { json: { workspaceSlug: "demo", ids: [randomUUID()] } },
    headers: pageOrigin(page),
  });
  expect(refused.status()).toBe(403);
});
