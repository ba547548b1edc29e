"use client";

import { useState } from "react";
import { AppLink } from "@/components/app-link";
import { ContactEditor } from "@/components/contact-editor";
import { TicketHistory } from "@/components/ticket-history";
import type { TicketDetail } from "@/trpc/types";
import { Section } from "./sidebar-section";

const PREVIOUS_TICKETS = 5;
const LINK = "text-brand-700 hover:underline";

/** Who wrote in: the contact (editable), its customer, and the contact's other tickets. */
export function CustomerContext({ workspaceSlug, ticket }: { workspaceSlug: string; ticket: TicketDetail }) {
  const [editing, setEditing] = useState(false);
  const contact = ticket.contact;
  return (
    <>
      <Section title="Contact">
        {!contact ? (
          <p className="text-sm text-slate-500">No contact</p>
        ) : editing ? (
          <ContactEditor workspaceSlug={workspaceSlug} contactId={contact.id} onDone={() => setEditing(false)} />
        ) : (
          <div className="text-sm" data-testid="contact">
            <div className="flex items-baseline justify-between gap-2">
              <AppLink href={`/w/${workspaceSlug}/contacts/${contact.id}`} className={`font-medium ${LINK}`}>
                {contact.name ?? contact.email}
              </AppLink>
              <button type="button" onClick={() => setEditing(true)} className="text-xs text-slate-600 hover:underline">
                Edit
              </button>
            </div>
            <a href={`mailto:${contact.email}`} className="break-all text-slate-700 underline">
              {contact.email}
            </a>
          </div>
        )}
        <p className="mt-2 text-sm" data-testid="customer">
          <span className="text-slate-600">Customer: </span>
          {ticket.customer ? (
            <AppLink href={`/w/${workspaceSlug}/customers/${ticket.customer.id}`} className={LINK}>
              {ticket.customer.name}
            </AppLink>
          ) : (
            <span className="text-slate-500">none</span>
          )}
        </p>
      </Section>
      {contact && (
        <Section title="Previous tickets">
          <TicketHistory
            workspaceSlug={workspaceSlug}
            of={{ contact: contact.id }}
            exclude={ticket.id}
            limit={PREVIOUS_TICKETS}
            empty="This is their first ticket."
          />
          <AppLink href={`/w/${workspaceSlug}/contacts/${contact.id}`} className={`mt-2 inline-block text-xs ${LINK}`}>
            All of {contact.name ?? contact.email}'s tickets →
          </AppLink>
        </Section>
      )}
    </>
  );
}
