"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { errorSentence } from "./error-sentence";

/** Whether outgoing mail is sent through SMTP or only recorded in the dev outbox. */
export function MailDeliveryNotice({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const status = useQuery(trpc.outboundEmail.smtpStatus.queryOptions({ workspaceSlug }));
  if (status.isPending)
    return (
      <p role="status" className="text-sm text-slate-500">
        Checking outgoing mail…
      </p>
    );
  if (status.isError)
    return (
      <p role="alert" className="text-sm text-red-800">
        Could not check outgoing mail. {errorSentence(status.error)}
      </p>
    );
  return status.data.configured ? (
    <p data-testid="mail-delivery" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
      SMTP_URL is configured: mail is sent{status.data.host ? ` through ${status.data.host}` : ""}.
    </p>
  ) : (
    <p data-testid="mail-delivery" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      SMTP_URL is not set: outgoing mail is recorded here, not sent. Set SMTP_URL to send it.
    </p>
  );
}
