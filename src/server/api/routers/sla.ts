import { policyIdSchema, policyInputSchema, scheduleIdSchema, scheduleInputSchema, updatePolicySchema, updateScheduleSchema } from "@/server/sla/sla.schema";
import { createPolicy, deletePolicy, listPolicies, updatePolicy } from "@/server/sla/sla-policies.service";
import { createSchedule, deleteSchedule, listSchedules, updateSchedule } from "@/server/sla/schedules.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

// Members read; the services let owners write.
export const slaRouter = createTRPCRouter({
  schedules: workspaceProcedure.query(({ ctx }) => listSchedules(ctx.db, ctx.access)),
  createSchedule: workspaceProcedure.input(scheduleInputSchema).mutation(({ ctx, input }) => createSchedule(ctx.db, ctx.access, input)),
  updateSchedule: workspaceProcedure
    .input(updateScheduleSchema)
    .mutation(({ ctx, input }) => updateSchedule(ctx.db, ctx.access, input.scheduleId, input.schedule)),
  deleteSchedule: workspaceProcedure.input(scheduleIdSchema).mutation(({ ctx, input }) => deleteSchedule(ctx.db, ctx.access, input.scheduleId)),
  policies: workspaceProcedure.query(({ ctx }) => listPolicies(ctx.db, ctx.access)),
  createPolicy: workspaceProcedure.input(policyInputSchema).mutation(({ ctx, input }) => createPolicy(ctx.db, ctx.access, input)),
  updatePolicy: workspaceProcedure.input(updatePolicySchema).mutation(({ ctx, input }) => updatePolicy(ctx.db, ctx.access, input.policyId, input.policy)),
  deletePolicy: workspaceProcedure.input(policyIdSchema).mutation(({ ctx, input }) => deletePolicy(ctx.db, ctx.access, input.policyId)),
});
