import { expect, test } from "@playwright/test";
import { openTicket, postInbound, signInAsOwner, uniqueSubject } from "./helpers";

// An Outlook desktop reply as Word writes it: the new text, then a border-top div with the
// From/Sent/To/Subject header of the quoted message, then that message's body as plain paragraphs.
const OUTLOOK_DESKTOP = `<html><head><style>p.MsoNormal{margin:0cm}</style></head><body lang="EN-US"><div class="WordSection1">
  <p class="MsoNormal">The replacement arrived today, thanks.<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>
  <div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
    <p class="MsoNormal"><b>From:</b> Support &lt;support@demo.test&gt;<br><b>Sent:</b> Monday, March 4, 2024 10:12 AM<br><b>To:</b> Ada Lovelace<br><b>Subject:</b> RE: Broken device</p>
  </div></div>
  <p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Your replacement unit was shipped on Friday.</p>
</div></body></html>`;

// Outlook on the web: an <hr> and #divRplyFwdMsg with the header, the quoted body after it.
const OUTLOOK_WEB = `<div style="font-family:Calibri">Works again, you can close this.</div><div id="appendonsend"></div>
  <hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt">
  <b>From:</b> Support<br><b>Sent:</b> Tuesday, March 5, 2024 9:00 AM<br><b>To:</b> Ada Lovelace<br><b>Subject:</b> RE: Login</font><div>&nbsp;</div></div>
  <div dir="ltr">Please try to sign in again now.</div>`;

for (const [client, html, newText, history] of [
  ["Outlook desktop", OUTLOOK_DESKTOP, "The replacement arrived today, thanks.", "Your replacement unit was shipped on Friday."],
  ["Outlook on the web", OUTLOOK_WEB, "Works again, you can close this.", "Please try to sign in again now."],
] as const) {
  test(`an ${client} reply shows only the new text until "Show quoted text"`, async ({ page }) => {
    await signInAsOwner(page);
    const { ticketId } = await postInbound(page, { subject: uniqueSubject("RE: Broken device"), html, text: newText });
    await openTicket(page, ticketId!);

    const frame = page.frameLocator('iframe[title^="Email from"]');
    await expect(frame.getByText(newText)).toBeVisible();
    await expect(frame.getByText(history)).toBeHidden();
    await expect(frame.getByText("Subject:")).toBeHidden();

    await page.getByRole("button", { name: /Show quoted text/ }).click();
    await expect(frame.getByText(history)).toBeVisible();
    await expect(frame.getByText("Subject:")).toBeVisible();
    await expect(frame.getByText(newText)).toBeVisible();

    await page.getByRole("button", { name: /Hide quoted text/ }).click();
    await expect(frame.getByText(history)).toBeHidden();
  });
}
