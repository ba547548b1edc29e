import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db";
import { ownerAccess } from "@/test/access";
import { seedInboundWorkspace } from "@/test/inbound";
import type { CreateRuleInput } from "./automations.schema";
import { createRule } from "./automations.service";

/** Test factories of the automation tests: a workspace with mailboxes, a tag and a contact list. */
export async function seedAutomationWorkspace(db: Db) {
  const seeded = await seedInboundWorkspace(db);
  const workspaceId = seeded.workspace.id;
  const tag = await db.tag.create({ data: { workspaceId, name: `urgent-${randomUUID().slice(0, 6)}` } });
  const list = await db.contactList.create({ data: { workspaceId, name: `VIP ${randomUUID().slice(0, 6)}` } });
  return { ...seeded, tag, list };
}

/** Puts the address (as a contact, created if needed) on the list. */
export async function addToList(db: Db, workspaceId: string, listId: string, email: string) {
  const contact = await db.contact.upsert({
    where: { workspaceId_email: { workspaceId, email } },
    create: { workspaceId, email },
    update: {},
  });
  await db.contactListMember.create({ data: { listId, contactId: contact.id } });
  return contact;
}

/** A REST/tRPC create body naming the workspace's tag, list and member, with every condition type but body_contains. */
export function ruleRequestBody(ws: Awaited<ReturnType<typeof seedAutomationWorkspace>>) {
  return {
    name: "Urgent from Acme",
    event: "ticket_created" as const,
    conditions: [
      { type: "from_email" as const, operator: "domain" as const, value: "acme.com" },
      { type: "subject_contains" as const, value: "Urgent" },
      { type: "contact_list" as const, operator: "not_in" as const, list_id: ws.list.id },
    ],
    actions: [
      { type: "add_tag" as const, tag_id: ws.tag.id },
      { type: "assign_agent" as const, user_id: ws.member.user.id },
      { type: "send_response" as const, body: "Hi {{contact.name}}" },
    ],
  };
}

/** A rule through the service, with the schema's defaults filled in. */
export async function seedRule(db: Db, workspaceId: string, rule: Partial<CreateRuleInput> & Pick<CreateRuleInput, "actions">) {
  return createRule(db, await ownerAccess(db, workspaceId), {
    name: "Rule",
    event: "ticket_created",
    is_active: true,
    stop_on_match: false,
    conditions: [],
    ...rule,
  });
}

/** Row counts of everything a run of the rules could write, to show that something wrote nothing. */
export async function rowCounts(db: Db, workspaceId: string) {
  const where = { workspaceId };
  const rules = await db.automationRule.findMany({ where, select: { matchCount: true, lastMatchedAt: true, updatedAt: true } });
  return {
    tickets: await db.ticket.count({ where }),
    messages: await db.message.count({ where }),
    contacts: await db.contact.count({ where }),
    ticketTags: await db.ticketTag.count({ where: { ticket: where } }),
    assigned: await db.ticket.count({ where: { ...where, assigneeId: { not: null } } }),
    outboundEmails: await db.outboundEmail.count({ where }),
    activityEvents: await db.activityEvent.count({ where }),
    incomingMails: await db.incomingMail.count({ where }),
    jobs: await db.job.count({ where }),
    rules,
  };
}
