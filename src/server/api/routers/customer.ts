import { createCustomerSchema, updateCustomerSchema } from "@/server/customers/customers.schema";
import { createCustomer, listCustomers, updateCustomer } from "@/server/customers/customers.service";
import { createTRPCRouter, ownerProcedure, workspaceProcedure } from "../trpc";

export const customerRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listCustomers(ctx.db, ctx.access.workspace.id)),
  create: ownerProcedure.input(createCustomerSchema).mutation(({ ctx, input }) => createCustomer(ctx.db, ctx.access.workspace.id, input)),
  update: ownerProcedure.input(updateCustomerSchema).mutation(({ ctx, input }) => updateCustomer(ctx.db, ctx.access.workspace.id, input)),
});
