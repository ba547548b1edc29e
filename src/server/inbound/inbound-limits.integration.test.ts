import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { useTestDatabase } from "@/test/database";
import { newMessageId, postHelpdesk, postRpc, seedInboundWorkspace } from "@/test/inbound";
import { postProvider, ticketWithMail } from "@/test/provider-inbound";
import { SENDGRID_CONTENT_TYPE } from "@/test/provider-fixtures";
import { attachmentStore } from "@/server/attachments/attachment-store";
import {
  MAX_ATTACHMENTS,
  MAX_BODY_CHARS,
  MAX_HEADER_CHARS,
  MAX_HEADER_FIELDS,
  MAX_LOGGED_STRING_CHARS,
  MAX_MIME_DEPTH,
  MAX_MIME_PARTS,
  MAX_RECIPIENTS,
  MAX_SUBJECT_LENGTH,
} from "./limits";
import { MAX_REFERENCES } from "@/server/email/message-id";

const db = useTestDatabase();

const rowCounts = async (database: Db) => ({
  incomingMails: await database.incomingMail.count(),
  tickets: await database.ticket.count(),
  messages: await database.message.count(),
  contacts: await database.contact.count(),
  attachments: await database.attachment.count(),
  jobs: await database.job.count(),
});

function mime(lines: string[], body: string) {
  return [...lines, "", body, ""].join("\r\n");
}

function multipartMime(to: string, parts: string[], boundary = "b") {
  const body = parts.map((part) => `--${boundary}\r\n${part}\r\n`).join("") + `--${boundary}--`;
  return mime(
    ["From: ann@example.com", `To: ${to}`, "Subject: parts", `Message-ID: ${newMessageId()}`, `Content-Type: multipart/mixed; boundary="${boundary}"`],
    body,
  );
}

const attachmentPart = (i: number) => `Content-Type: text/plain\r\nContent-Disposition: attachment; filename="f${i}.txt"\r\n\r\nfile ${i}`;

/** `depth` multiparts, each holding the next, the innermost holding one text part. */
function nestedMime(to: string, depth: number) {
  let inner = "Content-Type: text/plain\r\n\r\ndeep";
  for (let level = depth; level > 0; level--) inner = `Content-Type: multipart/mixed; boundary="n${level}"\r\n\r\n--n${level}\r\n${inner}\r\n--n${level}--`;
  return mime(["From: ann@example.com", `To: ${to}`, "Subject: nested", `Message-ID: ${newMessageId()}`], "").replace(/\r\n\r\n\r\n$/, `\r\n${inner}\r\n`);
}

describe("real mail with bytes PostgreSQL cannot store", () => {
  it("is stored cleaned (NUL removed, lone surrogates replaced) on the JSON routes, raw payload included", async () => {
    const ws = await seedInboundWorkspace(db());
    const messageId = newMessageId();
    const response = await postHelpdesk(
      {
        from: "ann@example.com",
        from_name: "An\u0000n \ud800",
        to: ws.ticketMailbox.address,
        subject: "Invoice\u0000 \udc00 due",
        text: "Hello\u0000 there \ud83d\ude00",
        html: "<p>Hello\u0000 <b>there</b></p>",
        message_id: messageId.replace("@", "\u0000@"),
        headers: { "X-Odd\u0000": "va\u0000lue", "X-Surrogate": "\ud800" },
        attachments: [{ filename: "re\u0000port.pdf", contentType: "application/pdf", url: "https://files.example.com/report.pdf" }],
      },
      { secret: ws.ticketMailbox.inboundSecret },
    );
    expect(response.status).toBe(200);
    const ticket = await ticketWithMail(db(), response.json.ticketId);
    const [message] = ticket.messages;
    expect(ticket.subject).toBe("Invoice \ufffd due");
    expect(ticket.contact?.name).toBe("Ann \ufffd");
    expect(message).toMatchObject({ bodyTextFull: "Hello there 😀", messageIdHeader: messageId.slice(1, -1) });
    expect(message?.bodyHtml).toContain("Hello <b>there</b>");
    expect(ticket.attachments.map((a) => a.filename)).toEqual(["report.pdf"]);
    const log = await db().incomingMail.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(log.headers).toEqual({ "X-Odd": "value", "X-Surrogate": "\ufffd" });
    expect(log.rawPayload).toMatchObject({ subject: "Invoice \ufffd due", from_name: "Ann \ufffd" });
  });

  it("is stored cleaned from a raw MIME message holding NUL bytes", async () => {
    const ws = await seedInboundWorkspace(db());
    const raw = mime(
      ["From: Bo\u0000b <bob@example.com>", `To: ${ws.ticketMailbox.address}`, "Subject: Zero\u0000 byte", `Message-ID: ${newMessageId()}`],
      "text with a \u0000 in it",
    );
    const response = await postProvider("mime", Buffer.from(raw, "latin1"), "message/rfc822", { secret: ws.ticketMailbox.inboundSecret });
    expect(response.status).toBe(200);
    const ticket = await ticketWithMail(db(), response.json.ticketId);
    expect([ticket.subject, ticket.contact?.name, ticket.messages[0]?.bodyTextFull?.trim()]).toEqual(["Zero byte", "Bob", "text with a  in it"]);
  });
});

describe("attachment content types a sender wrote", () => {
  it("are stored only when a plain MIME type, else as application/octet-stream (inline and URL attachments)", async () => {
    const ws = await seedInboundWorkspace(db());
    const Attachments = [
      { Name: "a.html", ContentType: "text/html\r\nSet-Cookie: a=b", Content: "aGk=" },
      { Name: "b.txt", ContentType: " text/plain; charset=utf-8 ", Content: "aGk=" },
    ];
    const body = {
      From: "ann@example.com",
      To: ws.ticketMailbox.address,
      Subject: "types",
      Headers: [{ Name: "Message-ID", Value: newMessageId() }],
      Attachments,
    };
    const inline = await postProvider("postmark", JSON.stringify(body), "application/json", { secret: ws.ticketMailbox.inboundSecret });
    expect(inline.status).toBe(200);
    const byUrl = await postHelpdesk(
      {
        from: "ann@example.com",
        to: ws.ticketMailbox.address,
        subject: "url",
        message_id: newMessageId(),
        attachments: [{ filename: "c.pdf", contentType: "application/pdf\u0000\r\nX: 1", url: "https://files.example.com/c.pdf" }],
      },
      { secret: ws.ticketMailbox.inboundSecret },
    );
    expect(byUrl.status).toBe(200);
    const stored = await db().attachment.findMany({
      where: { workspaceId: ws.workspace.id },
      orderBy: { filename: "asc" },
      select: { filename: true, contentType: true },
    });
    expect(stored).toEqual([
      { filename: "a.html", contentType: "application/octet-stream" },
      { filename: "b.txt", contentType: "text/plain; charset=utf-8" },
      { filename: "c.pdf", contentType: "application/octet-stream" },
    ]);
  });
});

describe("fields over their limits", () => {
  it.each([
    ["rpc", "messageId", { messageId: `<${"a".repeat(3000)}@example.com>` }],
    ["helpdesk", "message_id", { message_id: `<${"é".repeat(600)}@example.com>` }],
    ["helpdesk", "subject", { subject: "s".repeat(MAX_SUBJECT_LENGTH + 1) }],
    ["helpdesk", "subject", { subject: "s".repeat(2_000_000) }],
    ["helpdesk", "headers", { headers: Object.fromEntries(Array.from({ length: MAX_HEADER_FIELDS + 1 }, (_, i) => [`x-h${i}`, "v"])) }],
    ["helpdesk", "headers", { headers: { received: Array.from({ length: MAX_HEADER_FIELDS + 1 }, (_, i) => `hop ${i}`) } }],
    ["helpdesk", "headers", { headers: { "X-Big": "h".repeat(MAX_HEADER_CHARS) } }],
    ["helpdesk", "to", { to: Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => `r${i}@example.com`).join(", ") }],
  ])("%s: %s is refused with 422 naming it, and nothing is written", async (route, field, patch) => {
    const ws = await seedInboundWorkspace(db());
    const before = await rowCounts(db());
    const base = { from: "ann@example.com", to: ws.ticketMailbox.address, subject: "Hi", text: "x" };
    const response =
      route === "rpc"
        ? await postRpc({ organizationId: ws.workspace.id, ...base, messageId: newMessageId(), ...patch })
        : await postHelpdesk({ ...base, message_id: newMessageId(), ...patch }, { secret: ws.ticketMailbox.inboundSecret });
    expect(response.status).toBe(422);
    expect(response.json.error).toMatchObject({ code: "VALIDATION", details: { fields: { [field]: expect.any(String) } } });
    expect(await rowCounts(db())).toEqual(before);
  });

  it.each([
    [
      "more than MAX_MIME_PARTS parts",
      "body",
      (to: string) =>
        multipartMime(
          to,
          Array.from({ length: MAX_MIME_PARTS + 1 }, (_, i) => `Content-Type: text/plain\r\n\r\npart ${i}`),
        ),
    ],
    [
      "more than MAX_ATTACHMENTS attachments",
      "attachments",
      (to: string) =>
        multipartMime(
          to,
          Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => attachmentPart(i)),
        ),
    ],
    ["multiparts nested deeper than MAX_MIME_DEPTH", "body", (to: string) => nestedMime(to, MAX_MIME_DEPTH + 5)],
    [
      "a Message-ID of 3,000 characters",
      "Message-ID",
      (to: string) => mime(["From: ann@example.com", `To: ${to}`, `Message-ID: <${"m".repeat(3000)}@example.com>`], "x"),
    ],
  ])("MIME: %s is refused with 422 naming %s, and nothing is written", async (_case, field, build) => {
    const ws = await seedInboundWorkspace(db());
    const before = await rowCounts(db());
    const response = await postProvider("mime", build(ws.ticketMailbox.address), "message/rfc822", { secret: ws.ticketMailbox.inboundSecret });
    expect(response.status).toBe(422);
    expect(response.json.error.details.fields).toHaveProperty([field]);
    expect(await rowCounts(db())).toEqual(before);
  });

  it("MIME at the limits is stored whole: MAX_ATTACHMENTS attachments, nesting MAX_MIME_DEPTH deep", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const wide = await postProvider(
      "mime",
      multipartMime(
        ws.ticketMailbox.address,
        Array.from({ length: MAX_ATTACHMENTS }, (_, i) => attachmentPart(i)),
      ),
      "message/rfc822",
      { secret },
    );
    const deep = await postProvider("mime", nestedMime(ws.ticketMailbox.address, MAX_MIME_DEPTH - 1), "message/rfc822", { secret });
    expect([wide.status, deep.status]).toEqual([200, 200]);
    expect((await ticketWithMail(db(), wide.json.ticketId)).attachments).toHaveLength(MAX_ATTACHMENTS);
    expect((await ticketWithMail(db(), deep.json.ticketId)).messages[0]?.bodyTextFull).toContain("deep");
  });

  it("Postmark: broken base64 in an attachment is refused with 422 naming it", async () => {
    const ws = await seedInboundWorkspace(db());
    const before = await rowCounts(db());
    const body = {
      From: "ann@example.com",
      To: ws.ticketMailbox.address,
      Subject: "x",
      Attachments: [
        { Name: "a.txt", ContentType: "text/plain", Content: "aGk=" },
        { Name: "b.txt", ContentType: "text/plain", Content: "not*base64!" },
      ],
    };
    const response = await postProvider("postmark", JSON.stringify(body), "application/json", { secret: ws.ticketMailbox.inboundSecret });
    expect(response.status).toBe(422);
    expect(response.json.error.details.fields).toEqual({ "Attachments.1.Content": "must be base64" });
    expect(await rowCounts(db())).toEqual(before);
  });
});

describe("header names that are Object's own properties", () => {
  // A `__proto__` header may be dropped on the way to jsonb; it must never become a prototype.
  it("are data like any other header on the SendGrid and MIME routes", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const odd = ["Constructor: built", "__proto__: polluted", "toString: text", "hasOwnProperty: yes"];
    const raw = mime(["From: ann@example.com", `To: ${ws.ticketMailbox.address}`, "Subject: odd headers", `Message-ID: ${newMessageId()}`, ...odd], "x");
    const form = [
      ...[
        ["from", "ann@example.com"],
        ["to", ws.ticketMailbox.address],
        ["subject", "odd headers"],
        ["text", "x"],
        ["headers", `Message-ID: ${newMessageId()}\r\n${odd.join("\r\n")}`],
      ].map(([name, value]) => `--xYzZY\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      "--xYzZY--\r\n",
    ].join("");
    const responses = [await postProvider("mime", raw, "message/rfc822", { secret }), await postProvider("sendgrid", form, SENDGRID_CONTENT_TYPE, { secret })];
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    for (const response of responses) {
      const log = await db().incomingMail.findFirstOrThrow({ where: { ticketId: response.json.ticketId } });
      expect(log.headers).toMatchObject({ constructor: "built", tostring: "text", hasownproperty: "yes" });
    }
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("a References list of 10,000 ids", () => {
  it("threads by its last ids and keeps only the last MAX_REFERENCES, dropping ids too long to be real", async () => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const rootId = newMessageId();
    const first = await postHelpdesk({ from: "ann@example.com", to: ws.ticketMailbox.address, subject: "Root", text: "x", message_id: rootId }, { secret });
    const references = [...Array.from({ length: 10_000 }, (_, i) => `<old${i}@example.com>`), `<${"x".repeat(1200)}@example.com>`, rootId];
    const started = performance.now();
    const reply = await postHelpdesk(
      { from: "ann@example.com", to: ws.ticketMailbox.address, subject: "Re: Root", text: "y", message_id: newMessageId(), references: references.join(" ") },
      { secret },
    );
    console.log(`10,000 References: answered ${reply.status} in ${Math.round(performance.now() - started)} ms`);
    expect(reply.status).toBe(200);
    expect(reply.json.ticketId).toBe(first.json.ticketId);
    const stored = await db().message.findUniqueOrThrow({ where: { id: reply.json.messageId } });
    expect(stored.references).toHaveLength(MAX_REFERENCES);
    expect(stored.references.at(-1)).toBe(rootId.slice(1, -1));
    expect(stored.references.at(-2)).toBe("old9999@example.com");
  });
});

describe("a References list of megabytes", () => {
  // 40,000 ids (2.3 MB), in the JSON field and again in the headers, or in a MIME header: the email
  // threads by its last ids, and no copy of the list is stored beyond what the limits keep.
  const hugeReferences = (rootId: string) => [...Array.from({ length: 40_000 }, (_, i) => `<old${i}@example.com>`), rootId].join(" ");

  it.each(["helpdesk", "mime"])("%s: is threaded, and the stored headers and request hold only the ids kept", async (route) => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const rootId = newMessageId();
    const first = await postHelpdesk({ from: "ann@example.com", to: ws.ticketMailbox.address, subject: "Root", text: "x", message_id: rootId }, { secret });
    const references = hugeReferences(rootId);
    const reply =
      route === "helpdesk"
        ? await postHelpdesk(
            {
              from: "ann@example.com",
              to: ws.ticketMailbox.address,
              subject: "Re: Root",
              text: "y",
              message_id: newMessageId(),
              references,
              headers: { References: references },
            },
            { secret },
          )
        : await postProvider(
            "mime",
            mime(
              ["From: ann@example.com", `To: ${ws.ticketMailbox.address}`, "Subject: Re: Root", `Message-ID: ${newMessageId()}`, `References: ${references}`],
              "y",
            ),
            "message/rfc822",
            { secret },
          );
    expect(reply.status).toBe(200);
    expect(reply.json.ticketId).toBe(first.json.ticketId);
    const log = await db().incomingMail.findFirstOrThrow({ where: { messageId: reply.json.messageId } });
    const storedReferences = Object.entries(log.headers as Record<string, string>).find(([name]) => name.toLowerCase() === "references")?.[1];
    expect(storedReferences?.split(" ")).toHaveLength(MAX_REFERENCES);
    expect(storedReferences?.endsWith(`<old39999@example.com> ${rootId}`)).toBe(true);
    expect(JSON.stringify(log.rawPayload).length).toBeLessThan(3 * MAX_LOGGED_STRING_CHARS);
  });
});

describe("a body longer than MAX_BODY_CHARS", () => {
  const longText = `${"A line of a log pasted whole into an email\r\n".repeat(50_000)}the last line`;

  it.each(["helpdesk", "mime"])("%s: is shown and logged cut, and kept whole as an attachment", async (route) => {
    const ws = await seedInboundWorkspace(db());
    const secret = ws.ticketMailbox.inboundSecret;
    const html = `<pre>${longText}</pre>`;
    const answer =
      route === "helpdesk"
        ? await postHelpdesk(
            { from: "ann@example.com", to: ws.ticketMailbox.address, subject: "Log", text: longText, html, message_id: newMessageId() },
            { secret },
          )
        : await postProvider(
            "mime",
            mime(
              [
                "From: ann@example.com",
                `To: ${ws.ticketMailbox.address}`,
                "Subject: Log",
                `Message-ID: ${newMessageId()}`,
                "Content-Type: text/plain; charset=utf-8",
              ],
              longText,
            ),
            "message/rfc822",
            { secret },
          );
    expect(answer.status).toBe(200);
    const ticket = await ticketWithMail(db(), answer.json.ticketId);
    const [message] = ticket.messages;
    expect(message!.bodyTextFull!.length).toBeLessThan(MAX_BODY_CHARS + 200);
    expect(message!.bodyTextFull).toContain("[This email is longer than 1 MB: the rest is in the attached message.txt.]");
    expect(message!.bodyTextFull).not.toContain("the last line");
    const whole = ticket.attachments.find((a) => a.filename === "message.txt")!;
    expect(whole).toMatchObject({ status: "stored", contentType: "text/plain; charset=utf-8" });
    expect((await attachmentStore().get(whole.storageKey!)).toString("utf8").replace(/\r\n/g, "\n").trimEnd()).toBe(longText.replace(/\r\n/g, "\n"));
    const log = await db().incomingMail.findFirstOrThrow({ where: { messageId: message!.id } });
    expect(log.body.length).toBeLessThan(MAX_BODY_CHARS + 200);
    expect(JSON.stringify(log.rawPayload).length).toBeLessThan(3 * MAX_LOGGED_STRING_CHARS);
    if (route === "helpdesk") {
      expect(ticket.attachments.map((a) => a.filename).sort()).toEqual(["message.html", "message.txt"]);
      expect(message!.bodyHtml).toContain("the rest is in the attached message.html");
    }
  });
});
