"use client";

import { useQuery } from "@tanstack/react-query";
import { AppLink } from "@/components/app-link";
import { LoadError, Loading } from "@/components/load-state";
import { TicketHistory } from "@/components/ticket-history";
import { useTRPC } from "@/trpc/react";

const TICKETS_SHOWN = 50;

/** One company: its domains, its contacts and the tickets of all of them. */
export function CustomerView({ workspaceSlug, customerId }: { workspaceSlug: string; customerId: string }) {
  const trpc = useTRPC();
  const customer = useQuery(trpc.customer.get.queryOptions({ workspaceSlug, customerId }));
  if (customer.isPending) return <Loading label="Loading customer…" />;
  if (customer.isError) return <LoadError what="this customer" error={customer.error} onRetry={() => void customer.refetch()} />;
  const { name, domains, contacts, contactCount } = customer.data;
  return (
    <div className="space-y-4">
      <section aria-labelledby="customer-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Customer</p>
        <h1 id="customer-title" className="text-xl font-semibold">
          {name}
        </h1>
        <p className="text-sm text-slate-700">{domains.length ? domains.join(", ") : "No email domains"}</p>
      </section>
      <div className="grid items-start gap-4 md:grid-cols-[minmax(0,1fr)_16rem]">
        <section aria-labelledby="customer-tickets" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="customer-tickets" className="mb-2 font-semibold">
            Tickets
          </h2>
          <TicketHistory workspaceSlug={workspaceSlug} of={{ customer: customerId }} limit={TICKETS_SHOWN} empty="No tickets yet." />
        </section>
        <section aria-labelledby="customer-contacts" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="customer-contacts" className="mb-2 font-semibold">
            Contacts ({contactCount})
          </h2>
          <ul className="space-y-1 text-sm">
            {contacts.map((contact) => (
              <li key={contact.id} className="truncate">
                <AppLink href={`/w/${workspaceSlug}/contacts/${contact.id}`} className="text-brand-700 hover:underline">
                  {contact.name ?? contact.email}
                </AppLink>
                {contact.name && <span className="block truncate text-xs text-slate-500">{contact.email}</span>}
              </li>
            ))}
          </ul>
          {contactCount > contacts.length && <p className="mt-2 text-xs text-slate-500">The first {contacts.length} by email.</p>}
        </section>
      </div>
    </div>
  );
}
