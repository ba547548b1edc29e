import type { SenderMailbox } from "@/server/outbound-mail/send-email";

export const AUTOMATED_RESPONSE_COOLDOWN_MS = 60 * 60_000;

/** The key of a rule's response to a ticket: one response per rule and ticket, however often the rule runs. */
export const automatedResponseKey = (ruleId: string, ticketId: string) => `automation:${ruleId}:${ticketId}`;

/**
 * The advisory lock the cooldown is checked under: two rules, two emails or two app instances at
 * once cannot both find no recent response to the address and both record one.
 */
export const automatedResponseLock = (workspaceId: string, to: string) => `automated:${workspaceId}:${to}`;

/** What decides whether a response may go to the address, read in the run's transaction under its lock. */
export interface ResponseFacts {
  /** The address is on the suppression list. */
  suppressed: boolean;
  /** The mailbox it would go from: the ticket's when it can send, else the workspace's default sendable one. */
  mailbox: SenderMailbox | null;
  /** Dedupe keys of emails already recorded. */
  sentKeys: ReadonlySet<string>;
  /** Any automated response went to the address in this workspace within the cooldown, delivered or not (this run's included). */
  recent: boolean;
}

export type ResponseSkip = "suppressed" | "cooldown" | "already_sent" | "no_sendable_mailbox";

/** Why the response with this key may not be recorded, or null when it may. */
export function responseSkip(facts: ResponseFacts, dedupeKey: string): ResponseSkip | null {
  if (facts.suppressed) return "suppressed";
  if (!facts.mailbox) return "no_sendable_mailbox";
  if (facts.sentKeys.has(dedupeKey)) return "already_sent";
  if (facts.recent) return "cooldown";
  return null;
}
