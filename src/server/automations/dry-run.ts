import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { parseMailbox } from "@/server/email/address";
import type { TestRuleInput } from "./automations.schema";
import { findRule } from "./automations.service";
import { looksLikeHtml, matchableBody } from "./email-text";
import { evaluateConditions, prepareEmail, type TraceEntry } from "./evaluate-rules";
import { contactListIds } from "./sender-lists";
import { parseStoredRule } from "./stored-rule";

export interface DryRunResult {
  matched: boolean;
  trace: TraceEntry[];
}

/**
 * Would this rule match that email? Evaluates its conditions as the engine would (the sender's
 * real list memberships, HTML stripped from a pasted HTML body), whether the rule is active or not.
 * Only reads: creates, tags, sends and counts nothing.
 */
export async function dryRunRule(db: Db, access: WorkspaceAccess, ruleId: string, input: TestRuleInput): Promise<DryRunResult> {
  const workspaceId = access.workspace.id;
  const row = await findRule(db, workspaceId, ruleId);
  const sender = parseMailbox(input.from_email);
  if (!sender) throw new AppError("VALIDATION", "Invalid input", { fields: { from_email: "Not an email address" } });
  const rule = parseStoredRule(row);
  if (!rule) throw new AppError("CONFLICT", "The rule's stored conditions or actions are invalid; save it again to fix them");
  const listIds = await contactListIds(db, workspaceId, { email: sender.email });
  const body = looksLikeHtml(input.body) ? matchableBody({ text: null, html: input.body }) : input.body;
  return evaluateConditions(rule.conditions, prepareEmail({ fromEmail: sender.email, subject: input.subject, body, listIds }));
}
