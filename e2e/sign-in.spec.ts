import { expect, test } from "@playwright/test";
import { signIn, signInAsOwner } from "./helpers";

test("the demo owner signs in and sees the seeded tickets", async ({ page }) => {
  await signInAsOwner(page);
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
  for (const subject of ["Cannot log in after password reset", "Invoice #2024-113 charged twice", "Feature request: export tickets to CSV"]) {
    await expect(page.getByTestId("ticket-row").filter({ hasText: subject })).toHaveCount(1);
  }
  await expect(page.getByTestId("current-user")).toContainText("owner");
});

test("a wrong password shows an error and does not sign in", async ({ page }) => {
  await signIn(page, "owner@demo.test", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/w/demo/inbox");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test("too many wrong passwords for an account are refused with a sentence saying when to try again", async ({ page }) => {
  // An account no other test signs in with: the limit (10 failures in 15 minutes by default) is per account.
  await page.goto("/signin");
  await page.getByLabel("Email").fill("locked-out@demo.test");
  const alert = page.locator("form").getByRole("alert");
  const attempt = async (password: string) => {
    await page.getByLabel("Password").fill(password);
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
  };
  for (let n = 0; n < 10; n++) {
    await attempt(`guess-${n}`);
    await expect(alert).toHaveText("Wrong email or password.");
  }
  await attempt("guess-10");
  await expect(alert).toHaveText(/^Too many attempts; try again in 1[45] minutes\.$/);
  await expect(page).toHaveURL(/\/signin/);
});

test("the workspace switcher moves between the user's workspaces", async ({ page }) => {
  await signInAsOwner(page);
  // What each inbox holds depends on the specs that ran before (the demo's seed tickets leave page 1
  // as they add tickets): the switch shows in the URL and in the switcher the layout renders.
  await page.getByLabel("Workspace").selectOption({ label: "Sandbox" });
  await expect(page).toHaveURL(/\/w\/sandbox\/inbox$/);
  await expect(page.getByLabel("Workspace")).toHaveValue("sandbox");
  await page.getByLabel("Workspace").selectOption({ label: "Demo Support" });
  await expect(page).toHaveURL(/\/w\/demo\/inbox$/);
  await expect(page.getByLabel("Workspace")).toHaveValue("demo");
  await expect(page.getByTestId("ticket-row").first()).toBeVisible();
});

test("sign-out ends the session", async ({ page }) => {
  await signInAsOwner(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/w/demo/inbox");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test("a member cannot open a workspace they do not belong to", async ({ page }) => {
  await signIn(page, "agent@demo.test");
  await expect(page).toHaveURL(/\/w\/demo\/inbox$/);
  await expect(page.getByLabel("Workspace").locator("option")).toHaveText(["Demo Support"]);
  const response = await page.goto("/w/sandbox/inbox");
  expect(response?.status()).toBe(404);
});

test("the REST API answers JSON errors at /api/v1 and its /v1 alias", async ({ request }) => {
  for (const path of ["/api/v1/workspaces", "/v1/workspaces"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });
  }
});
