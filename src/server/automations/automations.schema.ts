import { z } from "zod";

// Condition and action objects are strict: a misspelt key (`operater`) must be a 422, not a rule that
// silently falls back to a default and matches more mail than its owner meant.
const text = z.string().trim().min(1).max(500);
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
const DOMAIN = /^@?[^\s@<>.]+(?:\.[^\s@<>.]+)+$/;

export const conditionSchema = z.discriminatedUnion("type", [
  z
    .strictObject({ type: z.literal("from_email"), operator: z.enum(["equals", "domain"]).default("equals"), value: text })
    // A value that can never equal a sender would make a rule that silently never matches.
    .refine((c) => (c.operator === "domain" ? DOMAIN.test(c.value) : ADDRESS.test(c.value)), {
      path: ["value"],
      message: "Expected an email address (operator equals) or a domain such as acme.com (operator domain)",
    }),
  z.strictObject({ type: z.literal("subject_contains"), operator: z.literal("contains").default("contains"), value: text }),
  z.strictObject({ type: z.literal("body_contains"), operator: z.literal("contains").default("contains"), value: text }),
  z.strictObject({ type: z.literal("contact_list"), operator: z.enum(["in", "not_in"]).default("in"), list_id: z.uuid() }),
]);
export type Condition = z.infer<typeof conditionSchema>;

export const actionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("add_tag"), tag_id: z.uuid() }),
  z.strictObject({ type: z.literal("assign_agent"), user_id: z.uuid() }),
  z.strictObject({ type: z.literal("send_response"), body: z.string().trim().min(1).max(20_000) }),
]);
export type Action = z.infer<typeof actionSchema>;

export const conditionsSchema = z.array(conditionSchema).max(50);
export const actionsSchema = z.array(actionSchema).min(1, "A rule needs at least one action").max(20);

export const automationEventSchema = z.enum(["ticket_created", "conversation_created"]);

// Top-level objects are not strict: tRPC merges `workspaceSlug` into the same input.
export const createRuleSchema = z.object({
  name: z.string().trim().min(1).max(200),
  event: automationEventSchema,
  is_active: z.boolean().default(true),
  /** Omitted: placed after the workspace's last rule. */
  priority: z.int().min(0).max(1_000_000).optional(),
  stop_on_match: z.boolean().default(false),
  conditions: conditionsSchema.default([]),
  actions: actionsSchema,
});
export type CreateRuleInput = z.infer<typeof createRuleSchema>;

export const updateRuleSchema = z.object({
  name: createRuleSchema.shape.name.optional(),
  event: automationEventSchema.optional(),
  is_active: z.boolean().optional(),
  priority: z.int().min(0).max(1_000_000).optional(),
  stop_on_match: z.boolean().optional(),
  conditions: conditionsSchema.optional(),
  actions: actionsSchema.optional(),
});
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;

export const reorderRulesSchema = z.object({
  ids: z
    .array(z.uuid())
    .min(1)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, "Each rule may appear once"),
});
export type ReorderRulesInput = z.infer<typeof reorderRulesSchema>;

export const testRuleSchema = z.object({
  from_email: z.string().trim().min(1).max(1000),
  subject: z.string().max(2000).default(""),
  body: z.string().max(1_000_000).default(""),
});
export type TestRuleInput = z.infer<typeof testRuleSchema>;

export const ruleIdSchema = z.object({ ruleId: z.string() });
