"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { CustomerForm } from "./customer-form";
import { Loaded, Section } from "./section";
import { BUTTON } from "./ui";
import { AppLink } from "@/components/app-link";

export function CustomersSection({ workspaceSlug, isOwner }: { workspaceSlug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const customers = useQuery(trpc.customer.list.queryOptions({ workspaceSlug }));
  const [editing, setEditing] = useState<string | null>(null);
  // A new form after each create clears its fields.
  const [formKey, setFormKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.customer.list.queryKey({ workspaceSlug }) });
  const create = useMutation(trpc.customer.create.mutationOptions({ onSuccess: () => setFormKey((k) => k + 1), onSettled: refresh }));
  const update = useMutation(trpc.customer.update.mutationOptions({ onSuccess: () => setEditing(null), onSettled: refresh }));

  return (
    <Section id="customers" title="Customers" description="Companies you support. Contacts whose email domain matches join the customer.">
      {isOwner && (
        <CustomerForm
          key={formKey}
          submitLabel="Add customer"
          busy={create.isPending}
          error={create.error}
          onSubmit={(fields) => create.mutate({ workspaceSlug, ...fields })}
        />
      )}
      <Loaded query={customers} what="customers">
        {(list) => (
          <ul aria-label="Customers" className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {list.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No customers yet.</li>}
            {list.map((customer) => (
              <li key={customer.id} data-testid="customer-row" className="px-3 py-2">
                {editing === customer.id ? (
                  <CustomerForm
                    initial={customer}
                    submitLabel="Save"
                    busy={update.isPending}
                    error={update.error}
                    onCancel={() => setEditing(null)}
                    onSubmit={(fields) => update.mutate({ workspaceSlug, customerId: customer.id, ...fields })}
                  />
                ) : (
                  <div className="flex flex-wrap items-center gap-2">
                    <div className="min-w-0 flex-1 basis-48">
                      <AppLink href={`/w/${workspaceSlug}/customers/${customer.id}`} className="font-medium text-brand-700 hover:underline">
                        {customer.name}
                      </AppLink>
                      <p className="text-sm text-slate-600">
                        {customer.domains.length ? customer.domains.join(", ") : "No domains"} · {customer.contactCount} contact
                        {customer.contactCount === 1 ? "" : "s"}
                      </p>
                    </div>
                    {isOwner && (
                      <button
                        type="button"
                        className={BUTTON}
                        aria-label={`Edit ${customer.name}`}
                        onClick={() => {
                          update.reset();
                          setEditing(customer.id);
                        }}
                      >
                        Edit
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Section>
  );
}
