import { createRuleSchema, reorderRulesSchema, ruleIdSchema, testRuleSchema, updateRuleSchema } from "@/server/automations/automations.schema";
import { createRule, deleteRule, getRule, listRules, reorderRules, updateRule } from "@/server/automations/automations.service";
import { dryRunRule } from "@/server/automations/dry-run";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

/** The rule editor's procedures: the same services as the REST routes; members read and dry-run. */
export const automationRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listRules(ctx.db, ctx.access)),
  get: workspaceProcedure.input(ruleIdSchema).query(({ ctx, input }) => getRule(ctx.db, ctx.access, input.ruleId)),
  create: workspaceProcedure.input(createRuleSchema).mutation(({ ctx, input }) => createRule(ctx.db, ctx.access, input)),
  update: workspaceProcedure
    .input(ruleIdSchema)
    .input(updateRuleSchema)
    .mutation(({ ctx, input: { ruleId, ...changes } }) => updateRule(ctx.db, ctx.access, ruleId, changes)),
  delete: workspaceProcedure.input(ruleIdSchema).mutation(({ ctx, input }) => deleteRule(ctx.db, ctx.access, input.ruleId)),
  reorder: workspaceProcedure.input(reorderRulesSchema).mutation(({ ctx, input }) => reorderRules(ctx.db, ctx.access, input)),
  test: workspaceProcedure
    .input(ruleIdSchema)
    .input(testRuleSchema)
    .mutation(({ ctx, input: { ruleId, ...email } }) => dryRunRule(ctx.db, ctx.access, ruleId, email)),
});
