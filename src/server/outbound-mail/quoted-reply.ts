import { escapeHtml } from "@/server/automations/render-template";

/** The customer's message an agent answers, as stored on the thread. */
export interface QuotedMessage {
  /** The message without its own quoted history (what the agent saw). */
  bodyText: string;
  fromName: string | null;
  fromAddress: string | null;
  createdAt: Date;
}

const DATE = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

/** `On Mon, 7 Dec 2026 at 17:37 UTC, Jane <jane@x.example> wrote:`, the attribution every client recognises. */
export function attribution(quoted: QuotedMessage): string {
  const who = quoted.fromName && quoted.fromAddress ? `${quoted.fromName} <${quoted.fromAddress}>` : (quoted.fromName ?? quoted.fromAddress ?? "you");
  const parts = Object.fromEntries(DATE.formatToParts(quoted.createdAt).map((part) => [part.type, part.value]));
  return `On ${parts.weekday}, ${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute} UTC, ${who} wrote:`;
}

const paragraphsHtml = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>\n");

/**
 * An agent's answer as emailed: the answer, then the customer's message as quoted history — in the
 * text part `> ` lines under the attribution, in the HTML part a `<blockquote type="cite">` (what
 * Gmail, Apple Mail and Outlook fold). Without an HTML answer the HTML part is made from the text.
 */
export function withQuotedHistory(answer: { text: string; html: string | null }, quoted: QuotedMessage | null): { text: string; html: string | null } {
  if (!quoted) return answer;
  const line = attribution(quoted);
  const body = quoted.bodyText.replace(/\s+$/, "");
  const quotedText = body
    .split(/\r?\n/)
    .map((text) => (text === "" || text.startsWith(">") ? `>${text}` : `> ${text}`))
    .join("\n");
  const answerHtml = answer.html ?? `<div>${paragraphsHtml(answer.text)}</div>`;
  return {
    text: `${answer.text.replace(/\s+$/, "")}\n\n${line}\n${quotedText}\n`,
    html:
      `${answerHtml}\n<br>\n<div class="threadline_quote">\n<div>${escapeHtml(line)}</div>\n` +
      `<blockquote type="cite" style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">${paragraphsHtml(body)}</blockquote>\n</div>`,
  };
}
