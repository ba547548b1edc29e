"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Modal } from "@/components/modal";
import { useTRPC } from "@/trpc/react";
import type { IncomingMail, TicketSummary } from "@/trpc/types";
import { ErrorAlert } from "@/components/error-alert";

const FIELD = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Convert a logged mail to a ticket for a customer picked from the list or (owners) created here. */
export function ConvertDialog(props: {
  workspaceSlug: string;
  mail: IncomingMail | null;
  canCreateCustomer: boolean;
  onClose: () => void;
  onDone: (ticket: TicketSummary) => void;
}) {
  const { workspaceSlug, mail, canCreateCustomer, onClose, onDone } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const customers = useQuery({ ...trpc.customer.list.queryOptions({ workspaceSlug }), enabled: mail !== null });
  const [customerId, setCustomerId] = useState("");
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [domains, setDomains] = useState("");
  const convert = useMutation(trpc.incomingMail.convertToTicket.mutationOptions());
  const createCustomer = useMutation(trpc.customer.create.mutationOptions());
  const error = createCustomer.error ?? convert.error;
  const busy = convert.isPending || createCustomer.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!mail) return;
    const customer = creating ? await createCustomer.mutateAsync({ workspaceSlug, name, domains: domains.split(/[,\s]+/).filter(Boolean) }) : null;
    const ticket = await convert.mutateAsync({ workspaceSlug, incomingMailId: mail.id, customerId: customer?.id ?? customerId });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.incomingMail.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.customer.pathKey() }),
    ]);
    onDone(ticket);
  }

  return (
    <Modal open={mail !== null} title="Convert to a ticket" onClose={onClose}>
      <form onSubmit={(event) => void submit(event).catch(() => undefined)} className="space-y-3 text-sm">
        <p className="text-slate-600">
          From <strong>{mail?.sender}</strong>: “{mail?.subject || "(no subject)"}”. The sender becomes a contact of the customer.
        </p>
        {creating ? (
          <fieldset className="space-y-2">
            <legend className="font-medium">New customer</legend>
            <label className="block">
              Name
              <input data-autofocus required value={name} onChange={(e) => setName(e.target.value)} className={FIELD} />
            </label>
            <label className="block">
              Email domains (optional)
              <input value={domains} onChange={(e) => setDomains(e.target.value)} placeholder="acme.com, acme.io" className={FIELD} />
            </label>
          </fieldset>
        ) : (
          <label className="block">
            Customer
            <select data-autofocus required value={customerId} onChange={(e) => setCustomerId(e.target.value)} className={FIELD}>
              <option value="">{customers.isPending ? "Loading customers…" : "Choose a customer"}</option>
              {customers.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.domains.length ? ` (${c.domains.join(", ")})` : ""}
                </option>
              ))}
            </select>
          </label>
        )}
        {canCreateCustomer ? (
          <button type="button" onClick={() => setCreating(!creating)} className="text-brand-700 underline">
            {creating ? "Pick an existing customer instead" : "Create a new customer"}
          </button>
        ) : (
          <p className="text-xs text-slate-500">Only owners can create customers.</p>
        )}
        <ErrorAlert error={error} />
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100">
            Cancel
          </button>
          <button type="submit" disabled={busy} className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-50">
            {busy ? "Converting…" : "Convert"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
