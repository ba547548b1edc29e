import { expect, test } from "@playwright/test";
import { signInAsOwner } from "./helpers";

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
