import { createCustomerSchema, updateCustomerSchema } from "@/server/customers/customers.schema";
import { createCustomer, listCustomers, updateCustomer } from "@/server/customers/customers.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const customerRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listCustomers(ctx.db, ctx.access)),
  create: workspaceProcedure.input(createCustomerSchema).mutation(({ ctx, input }) => createCustomer(ctx.db, ctx.access, input)),
  update: workspaceProcedure.input(updateCustomerSchema).mutation(({ ctx, input }) => updateCustomer(ctx.db, ctx.access, input)),
});
