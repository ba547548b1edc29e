"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/copy-button";
import { useTRPC } from "@/trpc/react";
import { SecretField } from "./secret-field";
import { Loaded, Section } from "./section";
import type { MailboxInfo } from "./types";
import { BUTTON } from "./ui";

function CopyRow({ label, value, of }: { label: string; value: string; of: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="w-40 shrink-0 text-xs font-medium text-slate-600">{label}</span>
      <code className="min-w-0 flex-1 basis-56 truncate rounded bg-slate-100 px-2 py-1 font-mono text-xs">{value}</code>
      <CopyButton text={value} label={`Copy the ${label} of ${of}`} className={BUTTON} />
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium text-slate-600">{label}</p>
      {children}
    </div>
  );
}

function MailboxCard({ workspaceSlug, mailbox }: { workspaceSlug: string; mailbox: MailboxInfo }) {
  const urls = mailbox.inboundUrls;
  return (
    <li data-testid="mailbox" className="space-y-3 rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 className="font-medium">{mailbox.address}</h3>
        <span className="text-sm text-slate-600">{mailbox.name}</span>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {mailbox.purpose === "ticket" ? "Creates tickets" : `Inbox (${mailbox.visibility})`}
        </span>
        {mailbox.isDefault && <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">Default</span>}
      </div>
      <Field label="Inbound URLs">
        <CopyRow label="JSON webhook" value={urls.json} of={mailbox.address} />
        <CopyRow label="organizationId" value={urls.organizationId} of={mailbox.address} />
        <CopyRow label="Shared-secret webhook" value={urls.sharedSecret} of={mailbox.address} />
      </Field>
      {mailbox.secret !== undefined && (
        <Field label="Inbound secret (X-Inbound-Secret header or ?secret=)">
          <SecretField workspaceSlug={workspaceSlug} mailboxId={mailbox.id} address={mailbox.address} secret={mailbox.secret} />
        </Field>
      )}
    </li>
  );
}

export function MailboxesSection({ workspaceSlug, isOwner }: { workspaceSlug: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const mailboxes = useQuery(trpc.mailbox.list.queryOptions({ workspaceSlug }));
  return (
    <Section id="mailboxes" title="Mailboxes" description={`Where providers post your mail.${isOwner ? "" : " Inbound secrets are shown to owners only."}`}>
      <Loaded query={mailboxes} what="mailboxes">
        {(list) => (
          <ul className="space-y-3">
            {list.map((mailbox) => (
              <MailboxCard key={mailbox.id} workspaceSlug={workspaceSlug} mailbox={mailbox} />
            ))}
          </ul>
        )}
      </Loaded>
    </Section>
  );
}
