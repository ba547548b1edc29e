import { expect, test, type Page } from "@playwright/test";
import { postInbound, signIn, signInAsOwner, trpcQuery, uniqueSubject } from "./helpers";

// The sandbox workspace: no other spec posts mail with its secret or changes its members.
const SANDBOX_MAILBOX = "hello@sandbox.test";

async function sandboxSecret(page: Page): Promise<string> {
  const mailboxes = await trpcQuery<{ address: string; secret?: string }[]>(page, "mailbox.list", { workspaceSlug: "sandbox" });
  return mailboxes.find((m) => m.address === SANDBOX_MAILBOX)!.secret!;
}

/** Posts to the shared-secret route without a `from`: 422 once the secret is accepted, 401 before (nothing is stored either way). */
async function inboundStatus(page: Page, secret: string) {
  const response = await page.request.post("/api/helpdesk/inbound-email", {
    headers: { "x-inbound-secret": secret },
    data: { message_id: "<probe@e2e.test>" },
  });
  return response.status();
}

test("an owner rotates a mailbox secret and the old secret is refused at once", async ({ page }) => {
  await signInAsOwner(page);
  const old = await sandboxSecret(page);
  expect(await inboundStatus(page, old)).toBe(422);

  await page.goto("/w/sandbox/settings");
  const mailbox = page.getByTestId("mailbox").filter({ hasText: SANDBOX_MAILBOX });
  await expect(mailbox.getByTestId("inbound-secret")).not.toContainText("whsec_");
  await mailbox.getByRole("button", { name: "Reveal" }).click();
  await expect(mailbox.getByTestId("inbound-secret")).toHaveText(old);
  await mailbox.getByRole("button", { name: "Rotate…" }).click();
  await page.getByRole("dialog", { name: "Rotate the inbound secret?" }).getByRole("button", { name: "Rotate secret" }).click();
  await expect(mailbox.getByRole("status")).toHaveText("New secret active. Update your email provider with it.");
  await expect(mailbox.getByTestId("inbound-secret")).not.toHaveText(old);
  const rotated = (await mailbox.getByTestId("inbound-secret").textContent())!;
  expect(rotated).toMatch(/^whsec_/);

  expect(await inboundStatus(page, old)).toBe(401);
  expect(await inboundStatus(page, rotated)).toBe(422);
  expect(await sandboxSecret(page)).toBe(rotated);
});

test("an owner creates an API token that is shown once and works against the REST API", async ({ page, request }) => {
  await signInAsOwner(page);
  await page.goto("/w/demo/settings");
  const name = uniqueSubject("Deploy bot");
  const section = page.getByRole("region", { name: "API tokens" });
  await section.getByLabel("Token name").fill(name);
  await section.getByRole("button", { name: "Create token" }).click();
  const token = (await section.getByTestId("new-api-token").textContent())!;
  expect(token).toMatch(/^tl_/);

  const answer = await request.get("/api/v1/workspaces", { headers: { authorization: `Bearer ${token}` } });
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toEqual([expect.objectContaining({ slug: "demo", role: "owner" })]);

  await page.reload();
  const row = section.getByTestId("api-token").filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(section.getByTestId("new-api-token")).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("dialog", { name: "Revoke this token?" }).getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  expect((await request.get("/api/v1/workspaces", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
});

test("the last owner cannot demote themselves", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto("/w/sandbox/settings");
  const role = page.getByLabel("Role of owner@demo.test");
  await expect(role).toHaveValue("owner");
  await role.selectOption("member");
  await expect(page.getByRole("region", { name: "Members and roles" }).getByRole("alert")).toHaveText(
    "The last owner cannot be demoted: make another member an owner first",
  );
  await expect(role).toHaveValue("owner");
  await page.reload();
  await expect(page.getByLabel("Role of owner@demo.test")).toHaveValue("owner");
});

test("the dev outbox lists a recorded confirmation email", async ({ page }) => {
  await signInAsOwner(page);
  const subject = uniqueSubject("Outbox check");
  await postInbound(page, { subject, from: "Rita Reader <rita@example.com>", text: "Did you get this?" });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/outbox$/);
  await expect(page.getByTestId("mail-delivery")).toContainText("SMTP_URL is not set: outgoing mail is recorded here, not sent.");
  await page.getByLabel("Kind").selectOption("confirmation");
  const row = page.getByTestId("outbound-email").filter({ hasText: subject });
  // The confirmation is sent by the job worker just after the ticket is committed; the list refreshes itself.
  await expect(row).toContainText("To rita@example.com · Confirmation", { timeout: 20_000 });
  await expect(row).toContainText("recorded");
  await row.getByRole("button").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("outbound-body")).not.toBeEmpty();
  await expect(dialog).toContainText("rita@example.com");
});

test("members see the settings read-only, and settings and outbox fit a phone", async ({ page }) => {
  await signIn(page, "agent@demo.test");
  await expect(page).toHaveURL(/\/w\/demo\/inbox$/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByText("You are a member here: settings are read-only.")).toBeVisible();
  await expect(page.getByTestId("mailbox").first()).toBeVisible();
  await expect(page.getByTestId("inbound-secret")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await expect(page.getByLabel("Mail that matches no ticket")).toBeDisabled();
  await expect(page.getByTestId("member").first()).toBeVisible();
  for (const path of ["/w/demo/settings", "/w/demo/outbox"]) {
    await page.goto(path);
    await expect(page.getByTestId("mail-delivery")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
});
