import {
  createRuleSchema,
  reorderRulesSchema,
  ruleIdSchema,
  testRuleSchema,
  updateRuleSchema,
} from "@/server/automations/automations.schema";
import { createRule, deleteRule, getRule, listRules, reorderRules, updateRule } from "@/server/automations/automations.service";
import { dryRunRule } from "@/server/automations/dry-run";
import { createTRPCRouter, ownerProcedure, workspaceProcedure } from "../trpc";

/** The rule editor's procedures: the same services as the REST routes; members read and dry-run. */
export const automationRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listRules(ctx.db, ctx.access.workspace.id)),
  get: workspaceProcedure.input(ruleIdSchema).query(({ ctx, input }) => getRule(ctx.db, ctx.access.workspace.id, input.ruleId)),
  create: ownerProcedure.input(createRuleSchema).mutation(({ ctx, input }) => createRule(ctx.db, ctx.access.workspace.id, input)),
  update: ownerProcedure
    .input(ruleIdSchema)
    .input(updateRuleSchema)
    .mutation(({ ctx, input: { ruleId, ...changes } }) => updateRule(ctx.db, ctx.access.workspace.id, ruleId, changes)),
  delete: ownerProcedure.input(ruleIdSchema).mutation(({ ctx, input }) => deleteRule(ctx.db, ctx.access.workspace.id, input.ruleId)),
  reorder: ownerProcedure.input(reorderRulesSchema).mutation(({ ctx, input }) => reorderRules(ctx.db, ctx.access.workspace.id, input)),
  test: workspaceProcedure
    .input(ruleIdSchema)
    .input(testRuleSchema)
    .mutation(({ ctx, input: { ruleId, ...email } }) => dryRunRule(ctx.db, ctx.access.workspace.id, ruleId, email)),
});
