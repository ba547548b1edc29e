// Issue 13's Done-when: hostile payloads over every public route and the REST API answer no 5xx,
// every 4xx is the JSON error naming the field, and rejected input stores nothing.
import { describe, expect, it } from "vitest";
import { POST as helpdeskInbound } from "@/app/api/helpdesk/inbound-email/route";
import { POST as mailgunInbound } from "@/app/api/inbound/mailgun/route";
import { POST as mimeInbound } from "@/app/api/inbound/mime/route";
import { POST as postmarkInbound } from "@/app/api/inbound/postmark/route";
import { POST as sendgridInbound } from "@/app/api/inbound/sendgrid/route";
import { GET as listMails } from "@/app/api/v1/incoming_mails/route";
import { DELETE as deleteMail } from "@/app/api/v1/incoming_mails/[id]/route";
import { PUT as replyMail } from "@/app/api/v1/incoming_mails/[id]/reply/route";
import { PUT as convertMail } from "@/app/api/v1/incoming_mails/[id]/ticket/route";
import { POST as rpcInbound } from "@/app/api/rpc/tickets/email/inbound/route";
import { POST as trpc } from "@/app/api/trpc/[trpc]/route";
import { GET as getWorkspace, PATCH as patchWorkspace } from "@/app/api/v1/workspaces/[workspaceId]/route";
import { GET as download } from "@/app/api/v1/workspaces/[workspaceId]/attachments/[attachmentId]/route";
import { GET as listRules, POST as createRule } from "@/app/api/v1/workspaces/[workspaceId]/automations/route";
import { DELETE as deleteRule, GET as getRule, PATCH as patchRule } from "@/app/api/v1/workspaces/[workspaceId]/automations/[ruleId]/route";
import { POST as testRule } from "@/app/api/v1/workspaces/[workspaceId]/automations/[ruleId]/test/route";
import { POST as reorderRules } from "@/app/api/v1/workspaces/[workspaceId]/automations/reorder/route";
import { POST as createList } from "@/app/api/v1/workspaces/[workspaceId]/contact-lists/route";
import { DELETE as deleteList } from "@/app/api/v1/workspaces/[workspaceId]/contact-lists/[listId]/route";
import { GET as listMembers, POST as addMember } from "@/app/api/v1/workspaces/[workspaceId]/contact-lists/[listId]/members/route";
import { GET as listContacts, POST as createContact } from "@/app/api/v1/workspaces/[workspaceId]/contacts/route";
import { POST as createCustomer } from "@/app/api/v1/workspaces/[workspaceId]/customers/route";
import { GET as listOutbound } from "@/app/api/v1/workspaces/[workspaceId]/outbound-emails/route";
import { POST as createTag } from "@/app/api/v1/workspaces/[workspaceId]/tags/route";
import { DELETE as deleteTag } from "@/app/api/v1/workspaces/[workspaceId]/tags/[tagId]/route";
import { GET as listTickets, POST as createTicket } from "@/app/api/v1/workspaces/[workspaceId]/tickets/route";
import { GET as getTicket, PATCH as patchTicket } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/route";
import { POST as archive } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/archive/route";
import { POST as upload } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/attachments/route";
import { POST as merge } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/merge/route";
import { POST as addMessage } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/messages/route";
import { POST as split } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/split/route";
import { POST as setStatus } from "@/app/api/v1/workspaces/[workspaceId]/tickets/[ticketId]/status/route";
import { useTestDatabase } from "@/test/database";
import * as H from "@/test/hostile";
import { newMessageId, seedInboundWorkspace } from "@/test/inbound";
import { seedDiscardedMail } from "@/test/incoming-mails";
import { seedTicket } from "@/test/tickets";

const db = useTestDatabase();
type Row = H.HostileRow;

async function seed() {
  const ws = await seedInboundWorkspace(db());
  const w = ws.workspace.id;
  const { ticket, message } = await seedTicket(db(), w);
  const other = (await seedTicket(db(), w, { subject: "Other" })).ticket;
  const tag = await db().tag.create({ data: { workspaceId: w, name: "seeded" } });
  const list = await db().contactList.create({ data: { workspaceId: w, name: "Seeded list" } });
  const mail = await seedDiscardedMail(db(), ws);
  await db().workspace.update({ where: { id: w }, data: { unmatchedInbound: "create" } });
  const rule = await H.sendRow({
    ...rest(ws.owner.token, createRule, "POST", `/api/v1/workspaces/${w}/automations`, { workspaceId: w }),
    body: JSON.stringify(RULE),
    expect: "no-5xx",
  });
  const form = new FormData();
  form.set("file", new File(["hello"], "seeded.txt", { type: "text/plain" }));
  const attachment = await H.sendRow({ ...rest(ws.owner.token, upload, "POST", "/", { workspaceId: w, ticketId: ticket.id }), body: form, expect: "no-5xx" });
  return { ws, w, ticket, message, other, tag, list, mail, ruleId: (rule.json as { id: string }).id, attachmentId: (attachment.json as { id: string }).id };
}
type Seeded = Awaited<ReturnType<typeof seed>>;

const RULE = {
  name: "Rule",
  event: "ticket_created",
  conditions: [{ type: "subject_contains", value: "x" }],
  actions: [{ type: "send_response", body: "Hi" }],
};
const rest = (token: string, route: H.RouteHandler, method: string, url: string, params: Record<string, string> = {}) => ({
  name: `${method} ${url}`,
  route,
  method,
  url,
  params,
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
});

interface JsonTemplate {
  route: H.RouteHandler;
  method: string;
  url: string;
  params: Record<string, string>;
  body: unknown;
  text: string[];
  enums: string[];
}

/** The JSON routes: a valid body, its text fields, and its enum fields. */
function jsonTemplates(s: Seeded): JsonTemplate[] {
  const ws = (path: string) => `/api/v1/workspaces/${s.w}${path}`;
  const t = { workspaceId: s.w, ticketId: s.ticket.id };
  return [
    {
      route: createTicket,
      method: "POST",
      url: ws("/tickets"),
      params: { workspaceId: s.w },
      body: { subject: "S", body: "B", contact: { email: "c@example.test", name: "C" }, tags: ["t"], priority: "high" },
      text: ["subject", "body", "contact.name", "contact.email", "tags.0"],
      enums: ["priority"],
    },
    {
      route: patchTicket,
      method: "PATCH",
      url: ws("/tickets/t"),
      params: t,
      body: { subject: "S", tags: ["t"] },
      text: ["subject", "tags.0"],
      enums: ["priority"],
    },
    {
      route: addMessage,
      method: "POST",
      url: ws("/tickets/t/messages"),
      params: t,
      body: { body: "B", bodyHtml: "<p>B</p>", isInternal: true },
      text: ["body", "bodyHtml"],
      enums: ["isInternal"],
    },
    {
      route: setStatus,
      method: "POST",
      url: ws("/tickets/t/status"),
      params: t,
      body: { toStatus: "pending", reason: "R" },
      text: ["reason"],
      enums: ["toStatus"],
    },
    { route: merge, method: "POST", url: ws("/tickets/t/merge"), params: t, body: { targetTicketId: s.other.id }, text: ["targetTicketId"], enums: [] },
    {
      route: split,
      method: "POST",
      url: ws("/tickets/t/split"),
      params: t,
      body: { messageIds: [s.message.id], newSubject: "N" },
      text: ["newSubject", "messageIds.0"],
      enums: [],
    },
    {
      route: createTag,
      method: "POST",
      url: ws("/tags"),
      params: { workspaceId: s.w },
      body: { name: "tag", color: "#aabbcc" },
      text: ["name", "color"],
      enums: [],
    },
    {
      route: createContact,
      method: "POST",
      url: ws("/contacts"),
      params: { workspaceId: s.w },
      body: { email: "new@example.test", name: "N" },
      text: ["email", "name"],
      enums: [],
    },
    {
      route: createCustomer,
      method: "POST",
      url: ws("/customers"),
      params: { workspaceId: s.w },
      body: { name: "Acme", domains: ["acme.example"] },
      text: ["name", "domains.0"],
      enums: [],
    },
    { route: createList, method: "POST", url: ws("/contact-lists"), params: { workspaceId: s.w }, body: { name: "L" }, text: ["name"], enums: [] },
    {
      route: addMember,
      method: "POST",
      url: ws("/contact-lists/l/members"),
      params: { workspaceId: s.w, listId: s.list.id },
      body: { email: "m@example.test" },
      text: ["email"],
      enums: [],
    },
    {
      route: createRule,
      method: "POST",
      url: ws("/automations"),
      params: { workspaceId: s.w },
      body: RULE,
      text: ["name", "conditions.0.value", "actions.0.body"],
      enums: ["event", "conditions.0.type"],
    },
    {
      route: patchRule,
      method: "PATCH",
      url: ws("/automations/r"),
      params: { workspaceId: s.w, ruleId: s.ruleId },
      body: { name: "R" },
      text: ["name"],
      enums: ["event"],
    },
    {
      route: testRule,
      method: "POST",
      url: ws("/automations/r/test"),
      params: { workspaceId: s.w, ruleId: s.ruleId },
      body: { from_email: "a@b.example", subject: "S", body: "B" },
      text: ["from_email", "subject", "body"],
      enums: [],
    },
    {
      route: reorderRules,
      method: "POST",
      url: ws("/automations/reorder"),
      params: { workspaceId: s.w },
      body: { ids: [s.ruleId] },
      text: ["ids.0"],
      enums: [],
    },
    {
      route: patchWorkspace,
      method: "PATCH",
      url: ws(""),
      params: { workspaceId: s.w },
      body: { name: "W" },
      text: ["name"],
      enums: ["settings.unmatchedInbound"],
    },
    {
      route: convertMail,
      method: "PUT",
      url: `/api/v1/incoming_mails/${s.mail.id}/ticket`,
      params: { id: s.mail.id },
      body: { customer_id: "x" },
      text: ["customer_id"],
      enums: [],
    },
  ];
}

function restRows(s: Seeded): Row[] {
  const token = s.ws.owner.token;
  const rows: Row[] = [];
  for (const tpl of jsonTemplates(s)) {
    const base = { ...rest(token, tpl.route, tpl.method, tpl.url, tpl.params) };
    const add = (what: string, body: string, expect: H.Expectation, field?: string, contentType?: string) =>
      rows.push({
        ...base,
        name: `${base.name} ${what}`,
        body,
        expect,
        field,
        headers: { ...base.headers, ...(contentType ? { "content-type": contentType } : {}) },
      });
    for (const field of tpl.text) {
      for (const [label, value] of Object.entries(H.UNSTORABLE)) add(`${field}: ${label}`, JSON.stringify(H.withValue(tpl.body, field, value)), "field", field);
      for (const [label, value] of Object.entries(H.ODD_VALUES))
        add(`${field}: ${label}`, JSON.stringify(H.withValue(tpl.body, field, value)), "no-5xx", field);
    }
    for (const field of tpl.enums) {
      for (const value of ["bogus", "", 1e308, -1, ["open"]])
        add(`${field}: ${JSON.stringify(value)}`, JSON.stringify(H.withValue(tpl.body, field, value)), "field", field);
    }
    add(`${tpl.text[0]}: 2 MB`, JSON.stringify(H.withValue(tpl.body, tpl.text[0]!, H.TWO_MB)), "4xx");
    for (const [label, bad] of Object.entries(H.BAD_BODIES)) add(label, bad.body, bad.expect, undefined, bad.contentType);
  }
  return rows;
}

function queryRows(s: Seeded): Row[] {
  const token = s.ws.owner.token;
  const lists: [H.RouteHandler, string, Record<string, string>][] = [
    [listTickets, `/api/v1/workspaces/${s.w}/tickets`, { workspaceId: s.w }],
    [listContacts, `/api/v1/workspaces/${s.w}/contacts`, { workspaceId: s.w }],
    [listOutbound, `/api/v1/workspaces/${s.w}/outbound-emails`, { workspaceId: s.w }],
    [listMembers, `/api/v1/workspaces/${s.w}/contact-lists/l/members`, { workspaceId: s.w, listId: s.list.id }],
    [listMails, "/api/v1/incoming_mails", {}],
  ];
  const queries: [string, string, H.Expectation, string?][] = [
    ["search NUL", "search=a%00b", "no-5xx", "search"],
    ["tags NUL", "tags=%00", "no-5xx", "tags"],
    ["to NUL", "to=a%00@b", "no-5xx", "to"],
    ["a NUL in a parameter name", "%00=1", "4xx", "(query)"],
    ["status unknown", "status=bogus", "no-5xx", "status"],
    ["assignee not a uuid", "assignee=not-a-uuid", "no-5xx", "assignee"],
    ["limit NaN", "limit=NaN", "no-5xx", "limit"],
    ["limit negative", "limit=-1", "no-5xx", "limit"],
    ["offset huge", "offset=99999999999999999999999", "no-5xx", "offset"],
    ["page Infinity", "page=Infinity", "no-5xx", "page"],
    ["filter unknown", "filter=bogus", "no-5xx", "filter"],
    ["search 3000 chars", `search=${"x".repeat(3000)}`, "no-5xx", "search"],
  ];
  return lists.flatMap(([route, url, params]) =>
    queries.map(([label, query, expect, field]) => ({ ...rest(token, route, "GET", `${url}?${query}`, params), name: `GET ${url} ${label}`, expect, field })),
  );
}

function idRows(s: Seeded): Row[] {
  const token = s.ws.owner.token;
  const w = s.w;
  const routes: [H.RouteHandler, string, Record<string, string>, string, string?][] = [
    [getWorkspace, "GET", { workspaceId: w }, "workspaceId"],
    [getTicket, "GET", { workspaceId: w, ticketId: s.ticket.id }, "ticketId"],
    [patchTicket, "PATCH", { workspaceId: w, ticketId: s.ticket.id }, "ticketId", '{"subject":"S"}'],
    [archive, "POST", { workspaceId: w, ticketId: s.ticket.id }, "ticketId"],
    [addMessage, "POST", { workspaceId: w, ticketId: s.ticket.id }, "ticketId", '{"body":"B"}'],
    [getTicket, "GET", { workspaceId: w, ticketId: s.ticket.id }, "workspaceId"],
    [download, "GET", { workspaceId: w, attachmentId: s.attachmentId }, "attachmentId"],
    [getRule, "GET", { workspaceId: w, ruleId: s.ruleId }, "ruleId"],
    [deleteRule, "DELETE", { workspaceId: w, ruleId: s.ruleId }, "ruleId"],
    [deleteTag, "DELETE", { workspaceId: w, tagId: s.tag.id }, "tagId"],
    [deleteList, "DELETE", { workspaceId: w, listId: s.list.id }, "listId"],
    [deleteMail, "DELETE", { id: s.mail.id }, "id"],
    [replyMail, "PUT", { id: s.mail.id }, "id", `{"ticket_id":"${s.ticket.id}"}`],
    [listRules, "GET", { workspaceId: w }, "workspaceId"],
  ];
  return routes.flatMap(([route, method, params, name, body]) =>
    Object.entries(H.MALFORMED_IDS).map(([label, id]) => ({
      ...rest(token, route, method, "/", { ...params, [name]: id }),
      name: `${method} ${name} ${label}`,
      body,
      expect: "404" as const,
    })),
  );
}

function uploadRows(s: Seeded): Row[] {
  const row = (name: string, body: FormData | string, expect: H.Expectation, field?: string, contentType?: string): Row => {
    const base = rest(s.ws.owner.token, upload, "POST", "/", { workspaceId: s.w, ticketId: s.ticket.id });
    return {
      ...base,
      name: `upload ${name}`,
      body,
      expect,
      field,
      headers: contentType ? { ...base.headers, "content-type": contentType } : { authorization: base.headers.authorization },
    };
  };
  const form = (name: string, content = "x", field = "file") => {
    const data = new FormData();
    data.set(field, new File([content], name, { type: "text/plain" }));
    return data;
  };
  return [
    row("file name NUL", form("a\u0000.txt"), "field", "file"),
    row("file name CR/LF", form("a\r\nb.txt"), "no-5xx"),
    row("file name 3000 chars", form(`${"x".repeat(3000)}.txt`), "no-5xx"),
    row("field name NUL", form("a.txt", "x", "fi\u0000le"), "4xx"),
    row("no file", form("a.txt", "x", "other"), "field", "file"),
    row("empty file", form("a.txt", ""), "field", "file"),
    row("JSON body", '{"file":"x"}', "4xx", undefined, "application/json"),
    row("broken multipart", "--x\r\nnope", "4xx", undefined, "multipart/form-data; boundary=x"),
  ];
}

function trpcRows(s: Seeded): Row[] {
  const workspaceSlug = s.ws.workspace.slug;
  const call = (procedure: string, input: Record<string, unknown>, field: string): Row => ({
    ...rest(s.ws.owner.token, trpc, "POST", `/api/trpc/${procedure}`),
    name: `tRPC ${procedure} ${field}`,
    body: JSON.stringify({ json: { workspaceSlug, ...input } }),
    expect: "field",
    field,
  });
  return Object.values(H.UNSTORABLE).flatMap((bad) => [
    call("tag.create", { name: bad }, "name"),
    call("ticket.create", { subject: bad, body: "B" }, "subject"),
    call("ticket.create", { subject: "S", body: "B", contact: { email: "c@example.test", name: bad } }, "contact.name"),
    call("contact.create", { email: "x@example.test", name: bad }, "name"),
    call("automation.create", { ...RULE, name: bad }, "name"),
    call("ticket.update", { ticketId: s.ticket.id, tags: [bad] }, "tags.0"),
  ]);
}

/**
 * Inbound mail: odd bytes in real mail are cleaned and stored, over-limit fields refused naming the
 * field, and a value of the wrong type is any 4xx.
 */
function inboundRows(s: Seeded): Row[] {
  const secret = s.ws.ticketMailbox.inboundSecret;
  const to = s.ws.ticketMailbox.address;
  const rows: Row[] = [];
  const add = (name: string, route: H.RouteHandler, body: string | Uint8Array, contentType: string, expect: H.Expectation, field?: string) =>
    rows.push({ name, route, method: "POST", url: "/inbound", headers: { "content-type": contentType, "x-inbound-secret": secret }, body, expect, field });
  const rpcBase = () => ({ organizationId: s.w, from: "Jane <jane@example.test>", to, subject: "S", text: "T", html: "<p>H</p>", messageId: newMessageId() });
  const helpdeskBase = () => ({ from: "jane@example.test", to, subject: "S", text: "T", html: "<p>H</p>", message_id: newMessageId() });
  // `value` may be a function, for a value each row needs its own (a Message-ID the other route has not stored).
  const json = (name: string, field: string, value: unknown, expect: H.Expectation) => {
    const valueOf = () => (typeof value === "function" ? (value as () => unknown)() : value);
    const helpdeskField = { messageId: "message_id", inReplyTo: "in_reply_to" }[field] ?? field;
    add(`rpc inbound ${field}: ${name}`, rpcInbound, JSON.stringify(H.withValue(rpcBase(), field, valueOf())), "application/json", expect, field);
    add(
      `helpdesk inbound ${helpdeskField}: ${name}`,
      helpdeskInbound,
      JSON.stringify(H.withValue(helpdeskBase(), helpdeskField, valueOf())),
      "application/json",
      expect,
      helpdeskField,
    );
  };
  for (const field of ["subject", "text", "html", "inReplyTo", "references"]) {
    for (const [label, value] of Object.entries({ ...H.UNSTORABLE, "3000 chars": "x".repeat(3000) })) json(label, field, value, "stored");
    json("number", field, 1, "field");
    // References may be sent as a list of ids.
    json("array", field, ["a"], field === "references" ? "stored" : "field");
  }
  for (const [label, value] of Object.entries(H.UNSTORABLE)) json(label, "from", `J${value} <jane@example.test>`, "stored");
  json("not an address", "from", "a\u0000b", "field");
  json("2 MB", "subject", H.TWO_MB, "field");
  json("3000 chars", "messageId", `<${"x".repeat(3000)}@example.test>`, "field");
  for (const [label, value] of Object.entries(H.UNSTORABLE)) json(label, "messageId", () => newMessageId().replace("@", `${value}@`), "stored");
  for (const headers of [{ Constructor: "x" }, { constructor: "x", ["__proto__"]: "y" }, { "X-\u0000": "v" }, { "X-Odd": "\uD800" }]) {
    add(`rpc inbound headers ${JSON.stringify(headers)}`, rpcInbound, JSON.stringify({ ...rpcBase(), headers }), "application/json", "stored");
  }
  add("rpc inbound JSON nested 10,000 deep", rpcInbound, H.BAD_BODIES["JSON nested 10,000 deep"]!.body, "application/json", "4xx");
  const postmark = (extra: Record<string, unknown>) =>
    JSON.stringify({ From: "jane@example.test", To: to, Subject: "S", TextBody: "T", Headers: [{ Name: "Message-ID", Value: newMessageId() }], ...extra });
  add(
    "postmark broken base64",
    postmarkInbound,
    postmark({ Attachments: [{ Name: "a.txt", ContentType: "text/plain", Content: "!!!not*base64%%%" }] }),
    "application/json",
    "field",
    "Attachments.0.Content",
  );
  add(
    "postmark attachment content type CR/LF",
    postmarkInbound,
    postmark({ Attachments: [{ Name: "a.txt", ContentType: "text/html\r\nX-Evil: 1", Content: "aGVsbG8=" }] }),
    "application/json",
    "stored",
  );
  add("postmark Subject NUL", postmarkInbound, postmark({ Subject: "a\u0000b" }), "application/json", "stored");
  add(
    "postmark header named Constructor",
    postmarkInbound,
    postmark({
      Headers: [
        { Name: "Constructor", Value: "x" },
        { Name: "__proto__", Value: "y" },
      ],
    }),
    "application/json",
    "stored",
  );
  add("postmark JSON nested 10,000 deep", postmarkInbound, H.BAD_BODIES["JSON nested 10,000 deep"]!.body, "application/json", "4xx");
  add(
    "postmark extra field nested 10,000 deep",
    postmarkInbound,
    postmark({}).replace(/}$/, `,"Extra":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}`),
    "application/json",
    "4xx",
  );
  const providers = (label: string, value: string, expect: H.Expectation, headers: Record<string, string> = {}) => {
    const extra = Object.entries(headers)
      .map(([name, v]) => `\r\n${name}: ${v}`)
      .join("");
    const form = H.multipartBody({ from: "jane@example.test", to, subject: value, text: value, headers: `Message-ID: ${newMessageId()}${extra}` });
    add(`sendgrid ${label}`, sendgridInbound, form.body, form.contentType, expect, "subject");
    const pairs = JSON.stringify(Object.entries(headers));
    const fields = new URLSearchParams({
      sender: "jane@example.test",
      recipient: to,
      subject: value,
      "body-plain": value,
      "Message-Id": newMessageId(),
      "message-headers": pairs,
    });
    add(`mailgun ${label}`, mailgunInbound, fields.toString(), "application/x-www-form-urlencoded", expect, "subject");
    add(
      `mime ${label}`,
      mimeInbound,
      H.mimeMessage({ From: "jane@example.test", To: to, Subject: value, "Message-ID": newMessageId(), ...headers }, value),
      "message/rfc822",
      expect,
      "subject",
    );
  };
  for (const [label, value] of Object.entries({ ...H.UNSTORABLE, "3000 chars": "x".repeat(3000) })) providers(`subject and text: ${label}`, value, "stored");
  providers("subject 5000 chars", "x".repeat(5000), "field");
  providers("header named Constructor", "S", "stored", { Constructor: "x" });
  providers("headers named __proto__ and toString", "S", "stored", { ["__proto__"]: "x", toString: "y" });
  add(
    "mime Message-ID 3000 chars",
    mimeInbound,
    H.mimeMessage({ From: "jane@example.test", To: to, Subject: "S", "Message-ID": `<${"x".repeat(3000)}@example.test>` }),
    "message/rfc822",
    "field",
    "Message-ID",
  );
  add(
    "mime broken base64 part",
    mimeInbound,
    H.mimeMessage({ From: "jane@example.test", To: to, "Message-ID": newMessageId(), "Content-Transfer-Encoding": "base64" }, "!!!*%%%"),
    "message/rfc822",
    "stored",
  );
  return rows;
}

function check(row: Row, answer: Awaited<ReturnType<typeof H.sendRow>>, changed: boolean) {
  const where = `${row.name} → ${answer.status} ${JSON.stringify(answer.json)?.slice(0, 200)}`;
  expect.soft(answer.status, where).toBeLessThan(500);
  if (answer.status >= 400 && answer.status < 500) {
    const error =
      row.route === trpc
        ? (answer.json as { error?: { json?: { data?: { code?: string; details?: { fields?: Record<string, string> } } } } })?.error?.json?.data
        : answer.json?.error;
    expect.soft(error, where).toMatchObject({ code: expect.any(String) });
    if (row.route !== trpc) expect.soft(answer.json?.error?.message, where).toEqual(expect.any(String));
    const fields = Object.keys(error?.details?.fields ?? {});
    // 400 and 422 are about the input's fields; 401, 404, 409 and 413 are not.
    if (row.field && (answer.status === 400 || answer.status === 422))
      expect
        .soft(
          fields.some((key) => key === row.field || key.startsWith(`${row.field}.`)),
          `${where}: names ${row.field}`,
        )
        .toBe(true);
    expect.soft(changed, `${where}: stored nothing`).toBe(false);
  }
  if (row.expect === "field" || row.expect === "4xx") expect.soft(answer.status, where).toBeGreaterThanOrEqual(400);
  if (row.expect === "404") expect.soft(answer.status, where).toBe(404);
  if (row.expect === "stored") {
    expect.soft(answer.status, where).toBeLessThan(300);
    expect.soft(changed, `${where}: stored`).toBe(true);
  }
}

describe("hostile input", () => {
  it("answers no 5xx, every 4xx JSON naming the field, and stores nothing it refused", { timeout: 600_000 }, async () => {
    const s = await seed();
    const rows = [...restRows(s), ...queryRows(s), ...idRows(s), ...uploadRows(s), ...trpcRows(s), ...inboundRows(s)];
    const statuses = new Map<number, number>();
    for (const row of rows) {
      const before = await H.rowCounts(db());
      const answer = await H.sendRow(row);
      const after = await H.rowCounts(db());
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      check(row, answer, JSON.stringify(before) !== JSON.stringify(after));
    }
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
    console.log(`hostile input: ${rows.length} payloads tried; by status ${byStatus.join(", ")}`);
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });
});
