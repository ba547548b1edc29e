/** The three SLA targets, named as the Ticket's due-time columns are (`${target}DueAt`). */
export const SLA_TARGETS = ["firstResponse", "nextResponse", "resolution"] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

export const SLA_TARGET_LABELS: Record<SlaTarget, string> = {
  firstResponse: "First reply",
  nextResponse: "Next reply",
  resolution: "Resolution",
};
