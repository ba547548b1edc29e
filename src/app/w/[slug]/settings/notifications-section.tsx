"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { Loaded, Section } from "./section";
import { ErrorAlert } from "@/components/error-alert";

type Preference = RouterOutputs["notification"]["preferences"][number];

const TOPICS: Record<Preference["topic"], string> = {
  assigned: "A ticket is assigned to me (by someone else or a rule)",
  customer_replied: "The customer replies on a ticket assigned to me",
  mentioned: "Someone mentions me in an internal note",
  incoming_mail: "Incoming mail is held or discarded",
};

/** The signed-in member's own choice per notification type: in the app (the bell) and by email. Each toggle saves at once. */
export function NotificationsSection({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.notification.preferences.queryKey({ workspaceSlug });
  const preferences = useQuery(trpc.notification.preferences.queryOptions({ workspaceSlug }));
  // Shown at once, put back if the server refuses.
  const save = useMutation(
    trpc.notification.setPreference.mutationOptions({
      // Synchronous: the checkbox is controlled, so the new state must be in the cache within the click,
      // or React puts the box back until a later render. A fetch in flight is dropped, not reverted.
      onMutate: ({ topic, inApp, email }) => {
        const before = queryClient.getQueryData(key);
        queryClient.setQueryData(key, (rows) => rows?.map((row) => (row.topic === topic ? { topic, inApp, email } : row)));
        void queryClient.cancelQueries({ queryKey: key }, { revert: false });
        return { before };
      },
      onError: (_error, _input, context) => queryClient.setQueryData(key, context?.before),
      onSuccess: (saved) => queryClient.setQueryData(key, saved),
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
              {rows.map((row) => (
                <tr key={row.topic}>
                  <td className="py-2">{TOPICS[row.topic]}</td>
                  {(["inApp", "email"] as const).map((channel) => (
                    <td key={channel} className="py-2 text-center">
                      <input
                        type="checkbox"
                        checked={row[channel]}
                        aria-label={`${TOPICS[row.topic]}: ${channel === "inApp" ? "in app" : "email"}`}
                        onChange={(e) => save.mutate({ workspaceSlug, topic: row.topic, inApp: row.inApp, email: row.email, [channel]: e.target.checked })}
                        className="h-4 w-4 accent-brand-600"
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <ErrorAlert error={save.error} />
    </Section>
  );
}
