import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { WorkspaceAccess } from "@/server/auth/access";
import * as apiTokens from "@/server/auth/api-tokens";
import * as automations from "@/server/automations/automations.service";
import * as dryRun from "@/server/automations/dry-run";
import { createRuleSchema } from "@/server/automations/automations.schema";
import * as contactListMembers from "@/server/contact-lists/contact-list-members";
import * as contactLists from "@/server/contact-lists/contact-lists.service";
import * as contactDirectory from "@/server/contacts/contact-directory";
import * as contactProfile from "@/server/contacts/contact-profile";
import * as customers from "@/server/customers/customers.service";
import type { Db } from "@/server/db";
import * as addAsReply from "@/server/incoming-mails/add-as-reply";
import * as convertToTicket from "@/server/incoming-mails/convert-to-ticket";
import * as incomingMails from "@/server/incoming-mails/incoming-mails.service";
import * as presence from "@/server/live/presence.service";
import * as applyMacro from "@/server/macros/apply-macro";
import * as macros from "@/server/macros/macros.service";
import * as mailboxes from "@/server/mailboxes/mailboxes.service";
import * as memberChanges from "@/server/members/member-changes";
import * as members from "@/server/members/members.service";
import * as notifications from "@/server/notifications/notifications.service";
import * as notificationPreferences from "@/server/notifications/preferences";
import * as outboundLog from "@/server/outbound-mail/outbound-log";
import * as schedules from "@/server/sla/schedules.service";
import { policyInputSchema, scheduleInputSchema } from "@/server/sla/sla.schema";
import * as slaPolicies from "@/server/sla/sla-policies.service";
import * as savedReplies from "@/server/saved-replies/saved-replies.service";
import * as tags from "@/server/tags/tags.service";
import * as savedViews from "@/server/views/saved-views";
import * as addMessage from "@/server/tickets/add-message";
import * as bulkUpdate from "@/server/tickets/bulk-update";
import * as createTicket from "@/server/tickets/create-ticket";
import * as mergeTicket from "@/server/tickets/merge-ticket";
import * as snooze from "@/server/tickets/snooze";
import * as splitTicket from "@/server/tickets/split-ticket";
import * as ticketAttachments from "@/server/tickets/ticket-attachments";
import * as ticketCounts from "@/server/tickets/ticket-counts";
import * as ticketDrafts from "@/server/tickets/ticket-drafts";
import * as ticketStatus from "@/server/tickets/ticket-status";
import * as tickets from "@/server/tickets/tickets.service";
import * as undoReply from "@/server/tickets/undo-reply";
import * as updateTicket from "@/server/tickets/update-ticket";
import * as readState from "@/server/tickets/read-state";
import * as workspaces from "@/server/workspaces/workspaces.service";
import { accessFor } from "@/test/access";
import { useTestDatabase } from "@/test/database";
import { seedInboundWorkspace } from "@/test/inbound";

/**
 * Who may call each function of the service modules the transports (tRPC routers, REST route
 * handlers) import. The transports only check membership; the role is the service's to check, so
 * every function is classified here and a new one fails this test until it is:
 * - owner: a workspace action for owners only; it calls `requireOwner(access)` first.
 * - member: a workspace action any member may take.
 * - internal: takes a bare workspaceId, for other services only; no transport may import it.
 * - helper: no workspace action (presenters, pure functions, the caller's own workspace list).
 */
type Role = "owner" | "member" | "internal" | "helper";
const SERVICES: Record<string, { module: object; roles: Record<string, Role> }> = {
  "@/server/auth/api-tokens": {
    module: apiTokens,
    roles: {
      hashApiToken: "helper",
      issueApiToken: "internal",
      createApiToken: "owner",
      presentApiToken: "helper",
      listApiTokens: "member",
      revokeApiToken: "owner",
      callerFromApiToken: "helper",
    },
  },
  "@/server/automations/automations.service": {
    module: automations,
    roles: {
      presentRule: "helper",
      listRules: "member",
      findRule: "internal",
      getRule: "member",
      createRule: "owner",
      updateRule: "owner",
      deleteRule: "owner",
      reorderRules: "owner",
    },
  },
  "@/server/automations/dry-run": { module: dryRun, roles: { dryRunRule: "member" } },
  "@/server/contact-lists/contact-list-members": {
    module: contactListMembers,
    roles: {
      presentContactListMember: "helper",
      addContactListMember: "owner",
      listContactListMembers: "member",
      removeContactListMember: "owner",
    },
  },
  "@/server/contact-lists/contact-lists.service": {
    module: contactLists,
    roles: {
      presentContactList: "helper",
      listContactLists: "member",
      getContactList: "internal",
      createContactList: "owner",
      deleteContactList: "owner",
    },
  },
  "@/server/contacts/contact-directory": {
    module: contactDirectory,
    roles: { presentContact: "helper", requireWorkspaceCustomer: "internal", listContacts: "member", createContact: "member" },
  },
  "@/server/contacts/contact-profile": { module: contactProfile, roles: { getContact: "member", updateContact: "member" } },
  "@/server/customers/customers.service": {
    module: customers,
    roles: { presentCustomer: "helper", listCustomers: "member", getCustomer: "member", createCustomer: "owner", updateCustomer: "owner" },
  },
  "@/server/incoming-mails/add-as-reply": { module: addAsReply, roles: { addIncomingMailAsReply: "member" } },
  "@/server/incoming-mails/convert-to-ticket": { module: convertToTicket, roles: { convertIncomingMailToTicket: "member" } },
  "@/server/incoming-mails/incoming-mails.service": {
    module: incomingMails,
    roles: { presentIncomingMail: "helper", listIncomingMails: "member", deleteIncomingMail: "member" },
  },
  "@/server/live/presence.service": { module: presence, roles: { reportPresence: "member", listPresence: "member" } },
  "@/server/mailboxes/mailboxes.service": {
    module: mailboxes,
    roles: {
      inboundUrls: "helper",
      presentMailbox: "helper",
      listMailboxes: "internal",
      publicBaseUrl: "helper",
      listWorkspaceMailboxes: "member",
      rotateMailboxSecret: "owner",
    },
  },
  "@/server/macros/macros.service": {
    module: macros,
    roles: {
      macroActions: "helper",
      presentMacro: "helper",
      listMacros: "member",
      findMacro: "internal",
      createMacro: "owner",
      updateMacro: "owner",
      deleteMacro: "owner",
    },
  },
  "@/server/macros/apply-macro": { module: applyMacro, roles: { previewMacro: "member", applyMacro: "member" } },
  "@/server/members/member-changes": {
    module: memberChanges,
    roles: { inviteMember: "owner", changeMemberRole: "owner", removeMember: "owner" },
  },
  "@/server/members/members.service": { module: members, roles: { presentMember: "helper", listMembers: "member" } },
  "@/server/notifications/notifications.service": {
    module: notifications,
    roles: { presentNotification: "helper", listMyNotifications: "member", markNotificationRead: "member", markAllNotificationsRead: "member" },
  },
  "@/server/notifications/preferences": {
    module: notificationPreferences,
    roles: { myNotificationPreferences: "member", setMyNotificationPreference: "member" },
  },
  "@/server/outbound-mail/outbound-log": { module: outboundLog, roles: { presentOutboundEmail: "helper", listOutboundEmails: "member" } },
  "@/server/sla/schedules.service": {
    module: schedules,
    roles: {
      businessScheduleOf: "helper",
      presentSchedule: "helper",
      listSchedules: "member",
      getSchedule: "member",
      createSchedule: "owner",
      updateSchedule: "owner",
      deleteSchedule: "owner",
    },
  },
  "@/server/sla/sla-policies.service": {
    module: slaPolicies,
    roles: { presentPolicy: "helper", listPolicies: "member", getPolicy: "member", createPolicy: "owner", updatePolicy: "owner", deletePolicy: "owner" },
  },
  // Members keep their own replies; the shared ones are refused to them inside (saved-replies tests).
  "@/server/saved-replies/saved-replies.service": {
    module: savedReplies,
    roles: { presentSavedReply: "helper", listSavedReplies: "member", createSavedReply: "member", updateSavedReply: "member", deleteSavedReply: "member" },
  },
  "@/server/tags/tags.service": {
    module: tags,
    roles: { presentTag: "helper", listTags: "member", createTag: "member", deleteTag: "owner" },
  },
  "@/server/tickets/add-message": { module: addMessage, roles: { addTicketMessage: "member", addMessageInTx: "member" } },
  // Anyone keeps views of their own; a shared one is the owners' (checked inside, tested in saved-views).
  "@/server/views/saved-views": {
    module: savedViews,
    roles: { presentView: "helper", listViews: "member", createView: "member", updateView: "member", deleteView: "member" },
  },
  "@/server/tickets/bulk-update": { module: bulkUpdate, roles: { bulkUpdateTickets: "member" } },
  "@/server/tickets/create-ticket": { module: createTicket, roles: { createTicketInTx: "internal", createTicket: "member" } },
  "@/server/tickets/merge-ticket": { module: mergeTicket, roles: { mergeTicket: "member" } },
  "@/server/tickets/snooze": { module: snooze, roles: { snoozeTicket: "member", unsnoozeTicket: "member", wakeSnoozedTicketJob: "internal" } },
  "@/server/tickets/split-ticket": { module: splitTicket, roles: { splitTicket: "member" } },
  "@/server/tickets/ticket-attachments": { module: ticketAttachments, roles: { uploadTicketAttachment: "member" } },
  "@/server/tickets/ticket-counts": { module: ticketCounts, roles: { countTicketTabs: "member" } },
  "@/server/tickets/ticket-drafts": {
    module: ticketDrafts,
    roles: { getTicketDraft: "member", saveTicketDraft: "member", discardTicketDraft: "member" },
  },
  "@/server/tickets/ticket-status": {
    module: ticketStatus,
    roles: { applyStatusChange: "internal", changeTicketStatus: "member", setTicketArchived: "member", autoCloseTicketJob: "internal" },
  },
  "@/server/tickets/tickets.service": {
    module: tickets,
    roles: {
      presentTicket: "helper",
      listTickets: "member",
      findTicket: "internal",
      getTicketDto: "internal",
      getTicketDetail: "member",
    },
  },
  "@/server/tickets/undo-reply": { module: undoReply, roles: { undoReply: "member" } },
  "@/server/tickets/update-ticket": { module: updateTicket, roles: { updateTicket: "member" } },
  "@/server/tickets/read-state": {
    module: readState,
    roles: { readJoin: "helper", markTicketRead: "member", countUnreadTickets: "member" },
  },
  "@/server/workspaces/workspaces.service": {
    module: workspaces,
    roles: {
      presentWorkspace: "helper",
      listWorkspaces: "helper",
      updateWorkspace: "owner",
      createWorkspace: "internal",
      getWorkspaceBySlug: "internal",
    },
  },
};

/**
 * Modules the transports import that hold no workspace action a role could apply to, besides the
 * transport plumbing itself (`http/`, `api/`, `db`, `errors`, `openapi/`, the input schemas).
 */
const NOT_WORKSPACE_SERVICES: Record<string, string> = {
  "@/server/attachments/attachment-keys": "storage keys; the download route reads the row itself, for any member",
  "@/server/attachments/attachment-store": "file storage",
  "@/server/auth/caller": "who the caller is, before any workspace",
  "@/server/auth/client-ip": "the request's address, for rate limits",
  "@/server/auth/next-auth": "sign-in",
  "@/server/auth/same-origin": "a request check",
  "@/server/inbound/normalize": "inbound mail, authenticated by the mailbox",
  "@/server/inbound/providers/mailgun": "inbound mail, authenticated by the mailbox",
  "@/server/inbound/providers/mime": "inbound mail, authenticated by the mailbox",
  "@/server/inbound/providers/postmark": "inbound mail, authenticated by the mailbox",
  "@/server/inbound/providers/sendgrid": "inbound mail, authenticated by the mailbox",
  "@/server/outbound-mail/transport": "whether SMTP is configured; no workspace data",
  "@/server/satisfaction/rate": "a customer's survey answer, authenticated by the link's token",
};
const PLUMBING = /^@\/server\/(http\/|api\/|db$|db\/|errors$|openapi\/)|\.schema$/;

const root = path.resolve(import.meta.dirname, "../..");

function transportFiles(): string[] {
  const routers = fs.readdirSync(path.join(root, "src/server/api/routers")).map((name) => `src/server/api/routers/${name}`);
  const routes = fs
    .readdirSync(path.join(root, "src/app/api"), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => `src/app/api/${file}`);
  return [...routers.filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts")), ...routes];
}

/** `{ module: names imported from it }` over every transport file. */
function transportImports(): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>();
  for (const file of transportFiles()) {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    for (const [, names = "", module = ""] of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"(@\/server\/[^"]+)"/g)) {
      const set = imports.get(module) ?? new Set<string>();
      for (const name of names.split(",").map(
        (part) =>
          part
            .trim()
            .replace(/^type\s+/, "")
            .split(/\s+as\s+/)[0]!,
      )) {
        if (name) set.add(name);
      }
      imports.set(module, set);
    }
  }
  return imports;
}

const exportedFunctions = (module: object) =>
  Object.entries(module)
    .filter(([, value]) => typeof value === "function")
    .map(([name]) => name);

describe("the roles of the services the transports call", () => {
  it("cover every service module a tRPC router or REST route imports", () => {
    const unknown = [...transportImports().keys()].filter((module) => !PLUMBING.test(module) && !(module in SERVICES) && !(module in NOT_WORKSPACE_SERVICES));
    expect(unknown, "add these modules to SERVICES (and classify their functions) in service-roles.integration.test.ts").toEqual([]);
    const unused = Object.keys(NOT_WORKSPACE_SERVICES).filter((module) => !transportImports().has(module));
    expect(unused, "no transport imports these any more; remove them from NOT_WORKSPACE_SERVICES").toEqual([]);
  });

  it("classify every exported function as owner, member, internal or helper", () => {
    for (const [module, { module: exports, roles }] of Object.entries(SERVICES)) {
      const unclassified = exportedFunctions(exports).filter((name) => !(name in roles));
      expect(unclassified, `classify these functions of ${module} in SERVICES (service-roles.integration.test.ts): owner-only or member-allowed?`).toEqual([]);
      const stale = Object.keys(roles).filter((name) => !exportedFunctions(exports).includes(name));
      expect(stale, `${module} no longer exports these; remove them from SERVICES`).toEqual([]);
    }
  });

  it("keep internal functions (a bare workspaceId) away from the transports", () => {
    const imports = transportImports();
    const leaked = Object.entries(SERVICES).flatMap(([module, { roles }]) =>
      Object.entries(roles)
        .filter(([name, role]) => role === "internal" && imports.get(module)?.has(name))
        .map(([name]) => `${module}#${name}`),
    );
    expect(leaked, "a transport calls these with a workspaceId: give them the caller's access and classify them owner or member").toEqual([]);
  });
});

const db = useTestDatabase();

async function seedFixture(db: Db) {
  const ws = await seedInboundWorkspace(db);
  const workspaceId = ws.workspace.id;
  const tag = await db.tag.create({ data: { workspaceId, name: "billing" } });
  const list = await db.contactList.create({ data: { workspaceId, name: "VIP" } });
  const contact = await db.contact.create({ data: { workspaceId, email: "vip@example.com" } });
  await db.contactListMember.create({ data: { listId: list.id, contactId: contact.id } });
  const customer = await db.customer.create({ data: { workspaceId, name: "Acme" } });
  const rule = await db.automationRule.create({
    data: { workspaceId, name: "Tag all", event: "ticket_created", priority: 1, conditions: [], actions: [{ type: "add_tag", tag_id: tag.id }] },
  });
  const macro = await db.macro.create({ data: { workspaceId, name: "Close", actions: [{ type: "set_status", status: "closed" }] } });
  const colleague = await db.user.create({ data: { email: `colleague-${workspaceId}@example.test` } });
  await db.membership.create({ data: { workspaceId, userId: colleague.id, role: "member" } });
  const hours = { timeZone: "Europe/Berlin", intervals: [{ weekday: 1, startMinute: 540, endMinute: 1020 }], holidays: [] };
  const schedule = await db.businessSchedule.create({ data: { workspaceId, name: "Office", ...hours } });
  const spareSchedule = await db.businessSchedule.create({ data: { workspaceId, name: "Spare", ...hours } });
  const policy = await db.slaPolicy.create({ data: { workspaceId, name: "Normal", priority: "normal", scheduleId: schedule.id, firstResponseMinutes: 60 } });
  return { ...ws, tag, list, contact, customer, rule, macro, colleague, schedule, spareSchedule, policy };
}
type Fixture = Awaited<ReturnType<typeof seedFixture>>;

/**
 * One call of each owner-only service, with arguments that name real rows, so that only the role
 * can refuse it; run in this order, an owner's calls all succeed (the last test shows it).
 */
const OWNER_CALLS: Record<string, (db: Db, access: WorkspaceAccess, fx: Fixture) => Promise<unknown>> = {
  "@/server/workspaces/workspaces.service#updateWorkspace": (db, access) =>
    workspaces.updateWorkspace(db, access, { name: "Renamed", settings: { requireInboundSecret: true } }),
  "@/server/mailboxes/mailboxes.service#rotateMailboxSecret": (db, access, fx) =>
    mailboxes.rotateMailboxSecret(db, access, fx.ticketMailbox.id, "http://localhost"),
  "@/server/members/member-changes#inviteMember": (db, access) =>
    memberChanges.inviteMember(db, access, { email: `new-${access.user.id}@example.test`, role: "member" }),
  "@/server/members/member-changes#changeMemberRole": (db, access, fx) => memberChanges.changeMemberRole(db, access, fx.colleague.id, "owner"),
  "@/server/members/member-changes#removeMember": (db, access, fx) => memberChanges.removeMember(db, access, fx.colleague.id),
  "@/server/auth/api-tokens#createApiToken": (db, access) => apiTokens.createApiToken(db, access, { name: "mine" }),
  "@/server/auth/api-tokens#revokeApiToken": async (db, access) => {
    const own = await db.apiToken.findFirstOrThrow({ where: { workspaceId: access.workspace.id, userId: access.user.id } });
    return apiTokens.revokeApiToken(db, access, own.id);
  },
  "@/server/automations/automations.service#createRule": (db, access, fx) =>
    automations.createRule(db, access, createRuleSchema.parse({ name: "New", event: "ticket_created", actions: [{ type: "add_tag", tag_id: fx.tag.id }] })),
  "@/server/automations/automations.service#updateRule": (db, access, fx) =>
    automations.updateRule(db, access, fx.rule.id, { name: "Renamed", is_active: false }),
  "@/server/automations/automations.service#reorderRules": async (db, access, fx) => {
    const ids = await db.automationRule.findMany({ where: { workspaceId: access.workspace.id }, orderBy: { priority: "desc" }, select: { id: true } });
    return automations.reorderRules(db, access, { ids: [...ids.map((rule) => rule.id).filter((id) => id !== fx.rule.id), fx.rule.id] });
  },
  "@/server/automations/automations.service#deleteRule": (db, access, fx) => automations.deleteRule(db, access, fx.rule.id),
  "@/server/sla/schedules.service#createSchedule": (db, access) =>
    schedules.createSchedule(
      db,
      access,
      scheduleInputSchema.parse({ name: "Support", timeZone: "UTC", intervals: [{ weekday: 2, start: "08:00", end: "16:00" }] }),
    ),
  "@/server/sla/schedules.service#updateSchedule": (db, access, fx) =>
    schedules.updateSchedule(
      db,
      access,
      fx.schedule.id,
      scheduleInputSchema.parse({ name: "Office", timeZone: "UTC", intervals: [{ weekday: 3, start: "08:00", end: "24:00" }] }),
    ),
  "@/server/sla/schedules.service#deleteSchedule": (db, access, fx) => schedules.deleteSchedule(db, access, fx.spareSchedule.id),
  "@/server/sla/sla-policies.service#createPolicy": (db, access, fx) =>
    slaPolicies.createPolicy(db, access, policyInputSchema.parse({ name: "Urgent", priority: "urgent", scheduleId: fx.schedule.id, resolutionMinutes: 240 })),
  "@/server/sla/sla-policies.service#updatePolicy": (db, access, fx) =>
    slaPolicies.updatePolicy(
      db,
      access,
      fx.policy.id,
      policyInputSchema.parse({ name: "Normal", priority: "normal", scheduleId: fx.schedule.id, firstResponseMinutes: 30 }),
    ),
  "@/server/sla/sla-policies.service#deletePolicy": (db, access, fx) => slaPolicies.deletePolicy(db, access, fx.policy.id),
  "@/server/macros/macros.service#createMacro": (db, access) =>
    macros.createMacro(db, access, { name: "Escalate", actions: [{ type: "set_priority", priority: "urgent" }] }),
  "@/server/macros/macros.service#updateMacro": (db, access, fx) => macros.updateMacro(db, access, fx.macro.id, { name: "Close now" }),
  "@/server/macros/macros.service#deleteMacro": (db, access, fx) => macros.deleteMacro(db, access, fx.macro.id),
  "@/server/tags/tags.service#deleteTag": (db, access, fx) => tags.deleteTag(db, access, fx.tag.id),
  "@/server/customers/customers.service#createCustomer": (db, access) => customers.createCustomer(db, access, { name: "Initech", domains: ["initech.test"] }),
  "@/server/customers/customers.service#updateCustomer": (db, access, fx) =>
    customers.updateCustomer(db, access, { customerId: fx.customer.id, name: "Acme Corp", domains: ["acme.test"] }),
  "@/server/contact-lists/contact-lists.service#createContactList": (db, access) => contactLists.createContactList(db, access, { name: "New list" }),
  "@/server/contact-lists/contact-list-members#addContactListMember": (db, access, fx) =>
    contactListMembers.addContactListMember(db, access, fx.list.id, { email: "added@example.com" }),
  "@/server/contact-lists/contact-list-members#removeContactListMember": (db, access, fx) =>
    contactListMembers.removeContactListMember(db, access, fx.list.id, fx.contact.id),
  "@/server/contact-lists/contact-lists.service#deleteContactList": (db, access, fx) => contactLists.deleteContactList(db, access, fx.list.id),
};

/** Every row an owner-only service could write, to show that a refused call wrote nothing. */
async function workspaceRows(db: Db, workspaceId: string) {
  const where = { workspaceId };
  const byId = { orderBy: { id: "asc" as const } };
  return {
    workspace: await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }),
    users: await db.user.findMany(byId),
    memberships: await db.membership.findMany({ where, ...byId }),
    apiTokens: await db.apiToken.findMany({ where, ...byId }),
    mailboxes: await db.mailbox.findMany({ where, ...byId }),
    rules: await db.automationRule.findMany({ where, ...byId }),
    tags: await db.tag.findMany({ where, ...byId }),
    schedules: await db.businessSchedule.findMany({ where, ...byId }),
    slaPolicies: await db.slaPolicy.findMany({ where, ...byId }),
    macros: await db.macro.findMany({ where, ...byId }),
    customers: await db.customer.findMany({ where, ...byId }),
    customerDomains: await db.customerDomain.findMany({ where, ...byId }),
    contacts: await db.contact.findMany({ where, ...byId }),
    contactLists: await db.contactList.findMany({ where, ...byId }),
    contactListMembers: await db.contactListMember.findMany({ where: { list: where }, orderBy: [{ listId: "asc" }, { contactId: "asc" }] }),
  };
}

describe("every owner-only service, called directly", () => {
  it("has a call here", () => {
    const ownerOnly = Object.entries(SERVICES).flatMap(([module, { roles }]) =>
      Object.entries(roles)
        .filter(([, role]) => role === "owner")
        .map(([name]) => `${module}#${name}`),
    );
    expect(Object.keys(OWNER_CALLS).sort(), "add a call of each owner-only service to OWNER_CALLS").toEqual(ownerOnly.sort());
  });

  it("refuses a member with 403 and changes nothing", async () => {
    const fx = await seedFixture(db());
    const member = await accessFor(db(), fx.workspace.id, fx.member.user.id);
    const before = await workspaceRows(db(), fx.workspace.id);
    for (const [name, call] of Object.entries(OWNER_CALLS)) {
      await expect(call(db(), member, fx), name).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only workspace owners can do this" });
    }
    expect(await workspaceRows(db(), fx.workspace.id)).toEqual(before);
  });

  it("lets an owner make the same calls", async () => {
    const fx = await seedFixture(db());
    const owner = await accessFor(db(), fx.workspace.id, fx.owner.user.id);
    for (const [name, call] of Object.entries(OWNER_CALLS)) {
      await expect(
        call(db(), owner, fx).then(() => "done"),
        name,
      ).resolves.toBe("done");
    }
  });
});
