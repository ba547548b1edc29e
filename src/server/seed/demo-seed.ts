import type { Db } from "@/server/db";
import { newInboundSecret } from "@/server/mailboxes/inbound-secret";
import { createTicketInTx } from "@/server/tickets/create-ticket";
import { ensureUser } from "@/server/users/users.service";

export const DEMO_PASSWORD = "demo1234";
export const DEMO_OWNER = "owner@demo.test";
export const DEMO_AGENT = "agent@demo.test";

const SAMPLE_TICKETS = [
  {
    from: { email: "jane@acme.com", name: "Jane Cooper" },
    subject: "Cannot log in after password reset",
    body: "Hi, I reset my password this morning and now the login page just reloads. Can you help?",
    tags: ["bug"],
    priority: "high" as const,
    hoursAgo: 2,
  },
  {
    from: { email: "marco@globex.io", name: "Marco Rossi" },
    subject: "Invoice #2024-113 charged twice",
    body: "Hello, our card was charged twice for the March invoice. Please refund one of the charges.",
    tags: ["billing"],
    priority: "normal" as const,
    hoursAgo: 5,
  },
  {
    from: { email: "li.wei@initech.com", name: "Li Wei" },
    subject: "Feature request: export tickets to CSV",
    body: "Would it be possible to export our ticket history to CSV for our quarterly review?",
    tags: [],
    priority: "low" as const,
    hoursAgo: 26,
  },
];

/** Seeds the demo workspace (and the sandbox) unless it exists. Safe to run on every start. */
export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  if (await db.workspace.findUnique({ where: { slug: "demo" } })) return { created: false };
  const owner = await ensureUser(db, { email: DEMO_OWNER, name: "Olivia Owner", password: DEMO_PASSWORD });
  const agent = await ensureUser(db, { email: DEMO_AGENT, name: "Adam Agent", password: DEMO_PASSWORD });

  await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: {
        name: "Demo Support",
        slug: "demo",
        memberships: {
          create: [
            { userId: owner.id, role: "owner" },
            { userId: agent.id, role: "member" },
          ],
        },
      },
    });
    const ws = workspace.id;
    const supportMailbox = await tx.mailbox.create({
      data: { workspaceId: ws, name: "Support", address: "support@demo.test", purpose: "ticket", isDefault: true, ...newInboundSecret() },
    });
    await tx.mailbox.create({
      data: { workspaceId: ws, name: "Team inbox", address: "team@demo.test", purpose: "inbox", ...newInboundSecret() },
    });
    const tags = new Map<string, string>();
    for (const [name, color] of [
      ["billing", "#0ea5e9"],
      ["bug", "#ef4444"],
      ["urgent", "#f59e0b"],
    ] as const) {
      tags.set(name, (await tx.tag.create({ data: { workspaceId: ws, name, color } })).id);
    }
    const acme = await tx.customer.create({
      data: { workspaceId: ws, name: "Acme Inc.", domains: { create: { workspaceId: ws, domain: "acme.com" } } },
    });
    const vip = await tx.contactList.create({ data: { workspaceId: ws, name: "VIP customers" } });

    for (const sample of SAMPLE_TICKETS) {
      const customerId = sample.from.email.endsWith("@acme.com") ? acme.id : null;
      const contact = await tx.contact.create({
        data: { workspaceId: ws, email: sample.from.email, name: sample.from.name, customerId },
      });
      if (customerId) await tx.contactListMember.create({ data: { listId: vip.id, contactId: contact.id } });
      const { ticket } = await createTicketInTx(tx, {
        workspaceId: ws,
        subject: sample.subject,
        priority: sample.priority,
        contactId: contact.id,
        customerId,
        mailboxId: supportMailbox.id,
        createdAt: new Date(Date.now() - sample.hoursAgo * 3_600_000),
        firstMessage: {
          direction: "inbound",
          bodyText: sample.body,
          fromAddress: contact.email,
          fromName: contact.name,
          toAddresses: [supportMailbox.address],
          messageIdHeader: `demo-${sample.hoursAgo}@mail.${sample.from.email.split("@")[1]}`,
        },
      });
      for (const tag of sample.tags) {
        await tx.ticketTag.create({ data: { ticketId: ticket.id, tagId: tags.get(tag)! } });
      }
    }

    await tx.automationRule.create({
      data: {
        workspaceId: ws,
        name: "Urgent mail from Acme",
        event: "ticket_created",
        priority: 1,
        conditions: [
          { type: "from_email", operator: "domain", value: "acme.com" },
          { type: "subject_contains", value: "urgent" },
        ],
        actions: [
          { type: "add_tag", tag_id: tags.get("urgent") },
          { type: "assign_agent", user_id: agent.id },
          {
            type: "send_response",
            body: "Hi {{contact.name}},\n\nWe got your urgent request ({{ticket.number}}) and are on it.\n\n{{workspace.name}}",
          },
        ],
      },
    });
    await tx.savedReply.createMany({
      data: [
        {
          workspaceId: ws,
          name: "Invoice copy",
          body: "Hi {{contact.name}},\n\nYou'll find a copy of your invoice in Billing > Invoices. I've noted it on ticket #{{ticket.number}}.\n\n{{workspace.name}}",
        },
        {
          workspaceId: ws,
          name: "Thanks, closing",
          body: "Thanks {{contact.name}}, glad it works now. I'm closing this ticket; just reply if anything comes up.",
        },
        { workspaceId: ws, ownerUserId: agent.id, name: "Looking into it", body: "Hi {{contact.name}}, I'm looking into this and will get back to you today." },
      ],
    });
    await tx.macro.create({
      data: {
        workspaceId: ws,
        name: "Hand to billing",
        actions: [
          { type: "set_priority", priority: "high" },
          { type: "add_tag", tag: "billing" },
          { type: "assign", assigneeId: agent.id },
          { type: "add_note", body: "Billing question from {{contact.name}}: Adam, can you take #{{ticket.number}}?" },
        ],
      },
    });
  });

  // A second workspace for the owner, so the workspace switcher has somewhere to go.
  if (!(await db.workspace.findUnique({ where: { slug: "sandbox" } }))) {
    await db.workspace.create({
      data: {
        name: "Sandbox",
        slug: "sandbox",
        memberships: { create: { userId: owner.id, role: "owner" } },
        mailboxes: {
          create: { name: "Sandbox", address: "hello@sandbox.test", purpose: "ticket", isDefault: true, ...newInboundSecret() },
        },
      },
    });
  }
  return { created: true };
}
