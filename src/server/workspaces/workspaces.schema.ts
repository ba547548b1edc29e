import { z } from "zod";

export const workspaceSettingsSchema = z.object({
  unmatchedInbound: z.enum(["create", "discard"]),
  closedTicketReply: z.enum(["reopen", "hold"]),
  requireInboundSecret: z.boolean(),
  /** Closing a ticket emails its contact one-click satisfaction rating links (once per ticket). */
  satisfactionSurveys: z.boolean(),
  /** Seconds an emailed reply can be undone before it goes out; 0 sends at once. */
  undoSendSeconds: z.number().int().min(0).max(60),
  /** A pending ticket closes itself after this many days without a customer reply; 0 or null: never. */
  pendingAutoCloseDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .nullable()
    .transform((days) => days || null),
});

export const updateWorkspaceSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  settings: workspaceSettingsSchema.partial().strict().optional(),
});
export type UpdateWorkspaceInput = z.infer<typeof updateWorkspaceSchema>;

export const createWorkspaceSchema = z.object({
  name: z.string().trim().min(1).max(100),
  slug: z
    .string()
    .trim()
    .min(2)
    .max(48)
    .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "lower-case letters, digits and dashes"),
});
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;
