"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { ApiTokensSection } from "./api-tokens-section";
import { BusinessHoursSection } from "./business-hours-section";
import { ContactListsSection } from "./contact-lists-section";
import { CustomersSection } from "./customers-section";
import { MacrosSection } from "./macros-section";
import { MailboxesSection } from "./mailboxes-section";
import { MembersSection } from "./members-section";
import { NotificationsSection } from "./notifications-section";
import { OutgoingMailSection } from "./outgoing-mail-section";
import { PoliciesSection } from "./policies-section";
import { SavedRepliesSection } from "./saved-replies-section";
import { SendingSection } from "./sending-section";
import { SlaPoliciesSection } from "./sla-policies-section";
import { AutoCloseSection } from "./auto-close-section";
import { Loaded } from "./section";
import { TagsSection } from "./tags-section";

const SECTIONS = [
  ["notifications", "My notifications"],
  ["saved-replies", "Saved replies"],
  ["mailboxes", "Mailboxes"],
  ["policies", "Inbound policies"],
  ["sending", "Sending"],
  ["auto-close", "Pending tickets"],
  ["members", "Members"],
  ["tags", "Tags"],
  ["business-hours", "Business hours"],
  ["sla-policies", "SLA policies"],
  ["macros", "Macros"],
  ["contact-lists", "Contact lists"],
  ["customers", "Customers"],
  ["api-tokens", "API tokens"],
  ["outgoing-mail", "Outgoing mail"],
] as const;

export function SettingsView({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug }));
  return (
    <Loaded query={workspace} what="the workspace">
      {(ws) => {
        const isOwner = ws.role === "owner";
        return (
          <div className="lg:grid lg:grid-cols-[12rem_1fr] lg:gap-6">
            <nav aria-label="Settings sections" className="mb-4 lg:sticky lg:top-4 lg:mb-0 lg:self-start">
              <ul className="flex gap-1 overflow-x-auto text-sm lg:flex-col">
                {SECTIONS.map(([id, label]) => (
                  <li key={id} className="shrink-0">
                    <a href={`#${id}`} className="block rounded-md px-2 py-1.5 text-slate-700 hover:bg-slate-100">
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="min-w-0 space-y-4">
              <NotificationsSection workspaceSlug={workspaceSlug} />
              <SavedRepliesSection workspaceSlug={workspaceSlug} isOwner={isOwner} />
              {!isOwner && (
                <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
                  You are a member here: settings are read-only. Owners can change them.
                </p>
              )}
              <MailboxesSection workspaceSlug={workspaceSlug} isOwner={isOwner} />
              <PoliciesSection workspace={ws} isOwner={isOwner} />
              <SendingSection workspace={ws} isOwner={isOwner} />
              <AutoCloseSection workspace={ws} isOwner={isOwner} />
              <MembersSection workspaceSlug={workspaceSlug} isOwner={isOwner} />
              <TagsSection workspaceSlug={workspaceSlug} isOwner={isOwner} />
              <BusinessHoursSection workspaceSlug={workspaceSlug} isOwner={isOwner} />
              <SlaPoliciesSection workspaceSlug={workspaceSlug} isOwner={isOwner} />
              <MacrosSection workspaceSlug={workspaceSlug} isOwner={isOwner} />
              <ContactListsSection workspaceSlug={workspaceSlug} isOwner={isOwner} />
              <CustomersSection workspaceSlug={workspaceSlug} isOwner={isOwner} />
              <ApiTokensSection workspaceSlug={workspaceSlug} isOwner={isOwner} />
              <OutgoingMailSection workspaceSlug={workspaceSlug} />
            </div>
          </div>
        );
      }}
    </Loaded>
  );
}
