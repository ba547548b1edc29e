"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { Loaded, Section } from "./section";
import { ErrorAlert } from "@/components/error-alert";

type Preference = RouterOutputs["notification"]["preferences"][number];

const TOPICS: Record<Preference["topic"], string> = {
  assigned: "A ticket is assigned to me (by someone else or a rule)",
  customer_replied: "The customer replies on a ticket assigned to me",
  mentioned: "Someone mentions me in an internal note",
  snooze_ended: "A snoozed ticket assigned to me wakes up",
  incoming_mail: "Incoming mail is held or discarded",
  sla: "A ticket assigned to me nears or passes its SLA due time",
};

/** The signed-in member's own choice per notification type: in the app (the bell) and by email. Each toggle saves at once. */
export function NotificationsSection({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.notification.preferences.queryKey({ workspaceSlug });
  const preferences = useQuery(trpc.notification.preferences.queryOptions({ workspaceSlug }));
  // The choice shows within the click (component state set in the handler: the query cache tells its
  // readers only in a later task, and a controlled checkbox snaps back until then); the server's
  // answer replaces it, and a refusal puts the box back.
  const [shown, setShown] = useState<Preference | null>(null);
  const save = useMutation(
    trpc.notification.setPreference.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(key, saved),
      onSettled: () => setShown(null),
    }),
  );
  return (
    <Section
      id="notifications"
      title="My notifications"
      description="What you are told about, in the app and by email (email only when outgoing mail is set up). Only you see these."
    >
      <Loaded query={preferences} what="your notification settings">
        {(rows) => (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1 font-medium">Tell me when</th>
                <th className="w-20 py-1 text-center font-medium">In app</th>
                <th className="w-20 py-1 text-center font-medium">Email</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((saved) => {
                const row = shown?.topic === saved.topic ? shown : saved;
                return (
                  <tr key={row.topic}>
                    <td className="py-2">{TOPICS[row.topic]}</td>
                    {(["inApp", "email"] as const).map((channel) => (
                      <td key={channel} className="py-2 text-center">
                        <input
                          type="checkbox"
                          checked={row[channel]}
                          aria-label={`${TOPICS[row.topic]}: ${channel === "inApp" ? "in app" : "email"}`}
                          onChange={(e) => {
                            const choice = { ...row, [channel]: e.target.checked };
                            setShown(choice);
                            save.mutate({ workspaceSlug, ...choice });
                          }}
                          className="h-4 w-4 accent-brand-600"
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Loaded>
      <ErrorAlert error={save.error} />
    </Section>
  );
}
