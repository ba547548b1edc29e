import { createCustomerSchema, updateCustomerSchema } from "@/server/customers/customers.schema";
import { z } from "zod";
import { createCustomer, getCustomer, listCustomers, updateCustomer } from "@/server/customers/customers.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const customerRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listCustomers(ctx.db, ctx.access)),
  get: workspaceProcedure.input(z.object({ customerId: z.string() })).query(({ ctx, input }) => getCustomer(ctx.db, ctx.access, input.customerId)),
  create: workspaceProcedure.input(createCustomerSchema).mutation(({ ctx, input }) => createCustomer(ctx.db, ctx.access, input)),
  update: workspaceProcedure.input(updateCustomerSchema).mutation(({ ctx, input }) => updateCustomer(ctx.db, ctx.access, input)),
});
