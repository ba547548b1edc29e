"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { ErrorAlert } from "./error-alert";
import { useUnsavedChanges } from "./unsaved-changes";

const FIELD = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

type Props = { workspaceSlug: string; contactId: string; onDone: () => void };

/** Corrects a contact's name and the customer it belongs to (any member); its tickets move with it. */
export function ContactEditor(props: Props) {
  const trpc = useTRPC();
  const contact = useQuery(trpc.contact.get.queryOptions({ workspaceSlug: props.workspaceSlug, contactId: props.contactId }));
  if (contact.isPending) return <p className="text-sm text-slate-500">Loading contact…</p>;
  if (contact.isError) return <ErrorAlert error={contact.error} lead="Could not load the contact." />;
  return <ContactForm {...props} contact={contact.data} />;
}

function ContactForm({ workspaceSlug, contact, onDone }: Props & { contact: { id: string; name: string | null; customerId: string | null } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const customers = useQuery(trpc.customer.list.queryOptions({ workspaceSlug })).data ?? [];
  const [name, setName] = useState(contact.name ?? "");
  const [customerId, setCustomerId] = useState(contact.customerId ?? "");
  const dirty = name !== (contact.name ?? "") || customerId !== (contact.customerId ?? "");
  useUnsavedChanges(dirty);
  const save = useMutation(
    trpc.contact.update.mutationOptions({
      onSuccess: async () => {
        // The contact shows on its page, on its tickets and in lists by customer.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.contact.get.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.customer.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.ticket.pathKey() }),
        ]);
        onDone();
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ workspaceSlug, contactId: contact.id, name, customerId: customerId || null });
  }
  return (
    <form onSubmit={submit} aria-label="Edit contact" className="space-y-2 text-sm">
      <label className="block">
        <span className="mb-0.5 block text-slate-700">Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} className={FIELD} maxLength={200} />
      </label>
      <label className="block">
        <span className="mb-0.5 block text-slate-700">Customer</span>
        <select value={customerId} onChange={(e) => setCustomerId(e.target.value)} className={FIELD}>
          <option value="">No customer</option>
          {customers.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.name}
            </option>
          ))}
        </select>
      </label>
      <ErrorAlert error={save.error} labels={{ customerId: "Customer", name: "Name" }} lead="Not saved." />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={save.isPending || !dirty}
          className="rounded-md bg-brand-600 px-3 py-1 font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {save.isPending ? "Saving…" : "Save contact"}
        </button>
        <button type="button" onClick={onDone} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
          Cancel
        </button>
      </div>
    </form>
  );
}
