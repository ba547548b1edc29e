"use client";

import { AppLink } from "@/components/app-link";
import { MailDeliveryNotice } from "@/components/mail-delivery-notice";
import { Section } from "./section";

export function OutgoingMailSection({ workspaceSlug }: { workspaceSlug: string }) {
  return (
    <Section id="outgoing-mail" title="Outgoing mail" description="Replies, confirmations and automated responses.">
      <MailDeliveryNotice workspaceSlug={workspaceSlug} />
      <AppLink href={`/w/${workspaceSlug}/outbox`} className="inline-block text-sm font-medium text-brand-700 underline">
        Open the outbox
      </AppLink>
    </Section>
  );
}
