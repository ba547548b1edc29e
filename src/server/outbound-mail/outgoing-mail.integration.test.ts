import PostalMime, { type Email } from "postal-mime";
import { describe, expect, it } from "vitest";
import { POST as addMessage } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/messages/route";
import { runPendingJobs } from "@/server/jobs/jobs";
import { jobHandlers } from "@/server/jobs/registry";
import { useTestDatabase } from "@/test/database";
import { callRoute } from "@/test/http";
import { postRpc, seedInboundWorkspace } from "@/test/inbound";
import { useTestSmtpServer } from "@/test/smtp";

const db = useTestDatabase();
const received = useTestSmtpServer();

const header = (email: Email, name: string) => email.headers.filter((h) => h.key === name).map((h) => h.value);
const threadIndexBytes = (email: Email) => Buffer.from(header(email, "thread-index")[0] ?? "", "base64");

describe("outgoing mail as mail clients see it (captured by a real SMTP server)", () => {
  it("a confirmation is marked auto-replied; an agent's reply is `Re: [#n]`, from the address written to, quotes the customer, and threads in every client", async () => {
    const ws = await seedInboundWorkspace(db());
    const first = {
      organizationId: ws.workspace.id,
      from: "Jane Cooper <jane@acme.test>",
      to: ws.ticketMailbox.address,
      subject: "Printer on fire",
      text: "It smokes.",
      messageId: "<first-1@acme.test>",
    };
    const created = await postRpc(first);
    const ticketId = created.json.ticketId as string;
    await runPendingJobs(db(), jobHandlers());
    // The customer writes again, this time to the team's address.
    const followUp = {
      ...first,
      to: ws.inboxMailbox.address,
      subject: "Re: Printer on fire",
      text: "Still smoking <now> & then.\n\nSecond line.",
      messageId: "<second-2@acme.test>",
      inReplyTo: "<first-1@acme.test>",
      references: "<first-1@acme.test>",
    };
    expect((await postRpc(followUp)).json.ticketId).toBe(ticketId);

    const reply = await callRoute(addMessage, "POST", "/", {
      token: ws.member.token,
      params: { workspaceId: ws.workspace.id, ticketId },
      body: { body: "Unplug it, please.", sendEmail: true },
    });
    expect(reply.status).toBe(201);
    await runPendingJobs(db(), jobHandlers());
    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: ticketId } });

    expect(received).toHaveLength(2);
    const [confirmation, answer] = await Promise.all(received.map((email) => PostalMime.parse(email.raw)));

    expect(confirmation!.subject).toBe(`[#${ticket.ticketNumber}] Printer on fire`);
    expect(header(confirmation!, "auto-submitted")).toEqual(["auto-replied"]);
    expect(header(confirmation!, "x-auto-response-suppress")).toEqual(["All"]);
    expect(confirmation!.inReplyTo).toBe("<first-1@acme.test>");

    expect(answer!.subject).toBe(`Re: [#${ticket.ticketNumber}] Printer on fire`);
    expect(header(answer!, "auto-submitted")).toEqual([]);
    expect(header(answer!, "x-auto-response-suppress")).toEqual([]);
    expect(answer!.from).toEqual({ address: ws.inboxMailbox.address, name: ws.inboxMailbox.name });
    expect(answer!.inReplyTo).toBe("<second-2@acme.test>");
    expect(answer!.references).toBe("<first-1@acme.test> <second-2@acme.test>");
    const sent = await db().outboundEmail.findFirstOrThrow({ where: { ticketId, kind: "reply" } });
    expect(answer!.messageId).toBe(`<${sent.messageIdHeader}>`);

    // Outlook: the same topic and the same 22-byte conversation header on every email of the ticket,
    // the ticket's id as its GUID; a reply adds one 5-byte child block.
    for (const email of [confirmation!, answer!]) {
      expect(header(email, "thread-topic")).toEqual(["Printer on fire"]);
      const index = threadIndexBytes(email);
      expect(index).toHaveLength(27);
      expect(index.subarray(6, 22).toString("hex")).toBe(ticketId.replaceAll("-", ""));
    }
    expect(threadIndexBytes(answer!).subarray(0, 22)).toEqual(threadIndexBytes(confirmation!).subarray(0, 22));

    // The answer, then the customer's last message as quoted history, in both parts.
    const attributionLine = /On \w{3}, \d{1,2} \w{3} \d{4} at \d{2}:\d{2} UTC, Jane Cooper <jane@acme\.test> wrote:/;
    const [answerText, history] = answer!.text!.split(attributionLine);
    expect(answerText!.trim()).toBe("Unplug it, please.");
    expect(history!.trim()).toBe("> Still smoking <now> & then.\n>\n> Second line.");
    expect(answer!.html).toMatch(/^<div>Unplug it, please\.<\/div>/);
    expect(answer!.html).toMatch(new RegExp(`<div>${attributionLine.source.replace("<jane@acme\\.test>", "&lt;jane@acme\\.test&gt;")}</div>`));
    expect(answer!.html).toContain(
      `<blockquote type="cite" style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">Still smoking &lt;now&gt; &amp; then.<br>`,
    );

    // The thread keeps the agent's answer alone.
    expect(await db().message.findUniqueOrThrow({ where: { id: reply.json.id as string } })).toMatchObject({ bodyText: "Unplug it, please.", bodyHtml: null });
  });
});
