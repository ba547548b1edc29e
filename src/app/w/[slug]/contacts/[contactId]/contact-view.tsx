"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AppLink } from "@/components/app-link";
import { ContactEditor } from "@/components/contact-editor";
import { LoadError, Loading } from "@/components/load-state";
import { TicketHistory } from "@/components/ticket-history";
import { useTRPC } from "@/trpc/react";

const TICKETS_SHOWN = 50;

/** One person: their name, email and customer (editable), and their tickets. */
export function ContactView({ workspaceSlug, contactId }: { workspaceSlug: string; contactId: string }) {
  const trpc = useTRPC();
  const contact = useQuery(trpc.contact.get.queryOptions({ workspaceSlug, contactId }));
  const [editing, setEditing] = useState(false);
  if (contact.isPending) return <Loading label="Loading contact…" />;
  if (contact.isError) return <LoadError what="this contact" error={contact.error} onRetry={() => void contact.refetch()} />;
  const { name, email, customer, ticketCount, openTicketCount } = contact.data;
  return (
    <div className="space-y-4">
      <section aria-labelledby="contact-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Contact</p>
        <h1 id="contact-title" className="text-xl font-semibold">
          {name ?? email}
        </h1>
        <p className="text-sm text-slate-700">
          <a href={`mailto:${email}`} className="underline">
            {email}
          </a>
          {" · "}
          {customer ? (
            <AppLink href={`/w/${workspaceSlug}/customers/${customer.id}`} className="text-brand-700 hover:underline">
              {customer.name}
            </AppLink>
          ) : (
            <span className="text-slate-500">no customer</span>
          )}
          {" · "}
          {ticketCount} {ticketCount === 1 ? "ticket" : "tickets"}, {openTicketCount} open or pending
        </p>
        <div className="mt-3 max-w-sm">
          {editing ? (
            <ContactEditor workspaceSlug={workspaceSlug} contactId={contactId} onDone={() => setEditing(false)} />
          ) : (
            <button type="button" onClick={() => setEditing(true)} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
              Edit contact
            </button>
          )}
        </div>
      </section>
      <section aria-labelledby="contact-tickets" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="contact-tickets" className="mb-2 font-semibold">
          Tickets
        </h2>
        <TicketHistory workspaceSlug={workspaceSlug} of={{ contact: contactId }} limit={TICKETS_SHOWN} empty="No tickets yet." />
      </section>
    </div>
  );
}
