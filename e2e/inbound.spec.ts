import { expect, test } from "@playwright/test";
import { openTicket, postMime, signInAsOwner, uniqueSubject } from "./helpers";

test("an email posted to the inbound webhook becomes a ticket in the inbox", async ({ page }) => {
  await signInAsOwner(page);
  const input = encodeURIComponent(JSON.stringify({ json: { workspaceSlug: "demo" } }));
  const workspace = (await (await page.request.get(`/api/trpc/workspace.get?input=${input}`)).json()) as { result: { data: { json: { id: string } } } };
  const organizationId = workspace.result.data.json.id;

  const messageId = `<e2e-${Date.now()}@customer.example.com>`;
  const email = {
    organizationId,
    from: "Grace Hopper <grace@navy.example.com>",
    to: "support@demo.test",
    subject: "Compiler found a moth",
    text: "There is a moth in relay 70.",
    messageId,
  };
  const first = await page.request.post("/api/rpc/tickets/email/inbound", { data: email });
  expect(first.status()).toBe(200);
  const answer = (await first.json()) as { success: boolean; ticketId: string; messageId: string };
  expect(answer).toEqual({ success: true, ticketId: expect.any(String), messageId: expect.any(String) });
  const again = await page.request.post("/api/rpc/tickets/email/inbound", { data: email });
  expect(await again.json()).toEqual(answer);

  await page.reload();
  await expect(page.getByTestId("ticket-row").filter({ hasText: "Compiler found a moth" })).toHaveCount(1);
  await expect(page.getByTestId("ticket-row").first()).toContainText("Grace Hopper");
});

test("a MIME email in windows-1252 labelled ISO-8859-1 reads right in the ticket (the built server's MIME parser)", async ({ page }) => {
  await signInAsOwner(page);
  const subject = uniqueSubject("Invoice");
  const raw = [
    "From: Ada <ada@customer.example>",
    "To: support@demo.test",
    `Subject: ${subject}`,
    `Message-ID: <cp1252-${Date.now()}@customer.example>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=ISO-8859-1",
    "Content-Transfer-Encoding: 8bit",
    "",
    // Bytes 0x80, 0x93, 0x94, 0x92 and 0x96: windows-1252's € “ ” ’ –, which real ISO-8859-1 mail carries.
    "The total is \x80 40 \x96 \x93paid\x94, isn\x92t it?",
    "",
  ].join("\r\n");
  const ticketId = await postMime(page, Buffer.from(raw, "latin1"));
  await openTicket(page, ticketId);
  await expect(page.getByText("The total is € 40 – “paid”, isn’t it?")).toBeVisible();
});
