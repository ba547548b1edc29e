import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { openTicket, pageOrigin, postInbound, signInAsOwner, trpcQuery, uniqueSubject } from "./helpers";

const FRAME = 'iframe[title^="Email from"]';
// A 2×1 PNG: two red pixels.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4z8AARAAI/gH/xp559wAAAABJRU5ErkJggg==";

/** Posts a raw MIME message to the demo workspace's ticket mailbox, as a mail server would. */
async function postMime(page: Page, raw: string): Promise<string> {
  const mailboxes = await trpcQuery<{ address: string; secret?: string }[]>(page, "mailbox.list", { workspaceSlug: "demo" });
  const secret = mailboxes.find((m) => m.address === "support@demo.test")!.secret!;
  const response = await page.request.post("/api/inbound/mime", {
    headers: { "content-type": "message/rfc822", "x-inbound-secret": secret },
    data: Buffer.from(raw),
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { ticketId: string }).ticketId;
}

/** The frame's document measured from the page (the frame is same-origin; it runs nothing itself). */
function frameScroll(page: Page) {
  return page.locator(FRAME).evaluate((frame: HTMLIFrameElement) => {
    const root = frame.contentDocument!.scrollingElement!;
    return { scrollHeight: root.scrollHeight, clientHeight: root.clientHeight, frameHeight: frame.getBoundingClientRect().height };
  });
}

test("a long email's frame is as tall as its content: no inner scrollbar, and it grows when the history unfolds", async ({ page }) => {
  await signInAsOwner(page);
  const paragraphs = Array.from({ length: 40 }, (_, i) => `<p>Line ${i + 1} of a long message about the export.</p>`).join("");
  const history = `<blockquote>${Array.from({ length: 20 }, (_, i) => `<p>Older line ${i + 1}</p>`).join("")}</blockquote>`;
  const { ticketId } = await postInbound(page, { subject: uniqueSubject("Long mail"), html: `${paragraphs}${history}<p>Last line</p>` });
  await openTicket(page, ticketId!);

  const frame = page.frameLocator(FRAME);
  await expect(frame.getByText("Last line")).toBeVisible();
  await expect.poll(async () => (await frameScroll(page)).frameHeight).toBeGreaterThan(800);
  let measured = await frameScroll(page);
  expect(measured.scrollHeight).toBeLessThanOrEqual(measured.clientHeight + 1);

  await page.getByRole("button", { name: /Show quoted text/ }).click();
  await expect(frame.getByText("Older line 20")).toBeVisible();
  await expect.poll(async () => (await frameScroll(page)).frameHeight).toBeGreaterThan(measured.frameHeight + 300);
  measured = await frameScroll(page);
  expect(measured.scrollHeight).toBeLessThanOrEqual(measured.clientHeight + 1);
});

test("a link in an email opens in a new tab without an opener; the ticket page stays", async ({ page }) => {
  await signInAsOwner(page);
  const target = `${pageOrigin(page).origin}/api-docs?from-email=${randomUUID()}`;
  const html = `<p>See <a href="${target}">our status page</a> or <a href="mailto:help@example.com">write to us</a>.</p>`;
  const { ticketId } = await postInbound(page, { subject: uniqueSubject("Status link"), html });
  await openTicket(page, ticketId!);

  const link = page.frameLocator(FRAME).getByRole("link", { name: "our status page" });
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", /noopener noreferrer/);
  await expect(page.frameLocator(FRAME).getByRole("link", { name: "write to us" })).toHaveAttribute("href", "mailto:help@example.com");

  const popup = page.waitForEvent("popup");
  await link.click();
  const tab = await popup;
  await tab.waitForLoadState();
  expect(tab.url()).toBe(target);
  // An unsandboxed tab (its scripts run) that cannot reach back into the helpdesk page.
  expect(await tab.evaluate(() => window.opener)).toBeNull();
  expect(await tab.evaluate(() => document.referrer)).toBe("");
  expect(page.url()).toContain(`/tickets/${ticketId}`);
  await tab.close();
});

test("an inline cid: image of a MIME email shows from its stored attachment; remote images still wait", async ({ page }) => {
  await signInAsOwner(page);
  const ownImage = `${pageOrigin(page).origin}/api/health?from-email=1`;
  const subject = uniqueSubject("Screenshot inline");
  const raw = [
    "From: Grace Hopper <grace@example.com>",
    "To: support@demo.test",
    `Subject: ${subject}`,
    `Message-ID: <cid-${randomUUID()}@example.com>`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/related; boundary="rel"',
    "",
    "--rel",
    "Content-Type: text/html; charset=utf-8",
    "",
    '<p>Here is the error:</p><img src="cid:shot.png@example.com" alt="screenshot" width="40"><img src="http://tracker.example.net/p.gif" alt="pixel">' +
      `<img src="${ownImage}" alt="own">`,
    "--rel",
    'Content-Type: image/png; name="shot.png"',
    "Content-Transfer-Encoding: base64",
    "Content-ID: <shot.png@example.com>",
    'Content-Disposition: inline; filename="shot.png"',
    "",
    PNG,
    "--rel",
    'Content-Type: text/plain; name="notes.txt"',
    'Content-Disposition: attachment; filename="notes.txt"',
    "",
    "steps to reproduce",
    "--rel--",
    "",
  ].join("\r\n");
  const remote: string[] = [];
  const own: string[] = [];
  page.on("request", (request) => {
    if (!["localhost", "127.0.0.1"].includes(new URL(request.url()).hostname)) remote.push(request.url());
    if (request.url() === ownImage) own.push(request.url());
  });
  const ticketId = await postMime(page, raw);
  await openTicket(page, ticketId);

  const image = page.frameLocator(FRAME).getByRole("img", { name: "screenshot" });
  // Shown in the email, so not listed again as a file; the other file is.
  await expect(page.getByTestId("message").getByRole("link", { name: /notes\.txt/ })).toBeVisible();
  await expect(page.getByTestId("message").getByRole("link", { name: /shot\.png/ })).toHaveCount(0);
  await expect(image).toHaveAttribute("src", /^\/api\/v1\/workspaces\/[0-9a-f-]+\/attachments\/[0-9a-f-]+$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
  await expect(page.frameLocator(FRAME).getByRole("img", { name: "pixel" })).not.toHaveAttribute("src", /.+/);
  expect(remote).toEqual([]);

  // Asked for, remote images load, but not one on the helpdesk's own origin: from this same-origin
  // frame it would be a request with the agent's session, made by the sender.
  const pixel = page.waitForRequest("http://tracker.example.net/p.gif");
  await page.getByRole("button", { name: "Show images" }).click();
  await pixel;
  await expect(page.frameLocator(FRAME).getByRole("img", { name: "own" })).not.toHaveAttribute("src", /.+/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
  expect(own).toEqual([]);
});
