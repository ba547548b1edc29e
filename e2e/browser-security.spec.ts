import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { demoWorkspaceId, signIn, signInAsOwner } from "./helpers";

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("pages and API answers carry the security headers, and no X-Powered-By", async ({ request }) => {
  for (const path of ["/signin", "/api-docs", "/api/v1/workspaces", "/v1/workspaces", "/api/health"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
  const page = (await request.get("/signin")).headers()["content-security-policy"];
  expect(page).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(page).not.toContain("unsafe-eval");
  const again = (await request.get("/signin")).headers()["content-security-policy"];
  expect(again).not.toBe(page);
});

test("the app runs under its CSP: sign-in, the inbox, a ticket and the API docs break no rule", async ({ page }) => {
  const violations = collectCspViolations(page);
  await signInAsOwner(page);
  await page.getByTestId("ticket-row").first().click();
  await expect(page).toHaveURL(/\/tickets\//);
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "Threadline REST API" })).toBeVisible();
  await page.locator("summary").first().click();
  expect(violations).toEqual([]);
});

test("the settings page does not render inside another site's frame", async ({ page }) => {
  await signInAsOwner(page);
  const settings = new URL("/w/demo/settings", page.url()).href;
  // A real server: Chromium keeps a routed (public) page from framing a local one for another reason.
  const attacker = createServer((_, response) => response.setHeader("content-type", "text/html").end(`<iframe id="victim" src="${settings}"></iframe>`));
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    await expect.poll(() => frame?.url()).toBe("chrome-error://chromewebdata/");
    await expect(page.frameLocator("#victim").getByRole("heading", { name: "Settings" })).toHaveCount(0);
  } finally {
    attacker.close();
  }
});

test("sign-in with a hostile callbackUrl lands on the app", async ({ page }) => {
  for (const callbackUrl of [
    "//evil.example/x",
    "/\\evil.example/x",
    "/\t/evil.example/x",
    "https://evil.example/x",
    "/%2F%2Fevil.example",
    "javascript:alert(1)",
  ]) {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Email").fill("owner@demo.test");
    await page.getByLabel("Password").fill("demo1234");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page, callbackUrl).toHaveURL(/^http:\/\/localhost:\d+\/w\/demo\/inbox$/);
  }
});

test("a form on a sibling origin cannot write with the session cookie", async ({ page }) => {
  await signInAsOwner(page);
  const workspaceId = await demoWorkspaceId(page);
  const target = new URL(`/api/v1/workspaces/${workspaceId}/tags`, page.url()).href;
  // Another port of the same host is the same site: the browser sends the Lax session cookie.
  await page.route("http://localhost:3999/attack", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="POST" action="${target}" enctype="text/plain"><input name='{"name":"csrf","x":"' value='"}'></form><script>document.forms[0].submit()</script>`,
    }),
  );
  const answer = page.waitForResponse(target);
  await page.goto("http://localhost:3999/attack");
  const response = await answer;
  expect(response.status()).toBe(403);
  expect((await response.json()) as unknown).toMatchObject({ error: { code: "FORBIDDEN" } });
});

test("a session cookie captured before sign-out is refused after it", async ({ page, browser }) => {
  await signIn(page, "agent@demo.test");
  await expect(page).toHaveURL(/\/w\/demo\/inbox$/);
  const captured = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  const thief = await browser.newContext();
  await thief.addCookies(captured);
  const stolen = await thief.newPage();
  const base = new URL(page.url()).origin;
  const api = await stolen.request.get(`${base}/api/trpc/workspace.get?input=${encodeURIComponent(JSON.stringify({ json: { workspaceSlug: "demo" } }))}`);
  expect(api.status()).toBe(401);
  await stolen.goto(`${base}/w/demo/inbox`);
  await expect(stolen).toHaveURL(/\/signin\?callbackUrl=/);
  await thief.close();
});
