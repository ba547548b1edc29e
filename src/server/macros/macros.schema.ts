import { z } from "zod";

const tag = z.string().trim().min(1).max(50);

/** One step of a macro; they apply in the listed order. Texts may use the saved-reply placeholders. */
export const macroActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("set_status"), status: z.enum(["open", "pending", "closed"]) }),
  z.object({ type: z.literal("set_priority"), priority: z.enum(["low", "normal", "high", "urgent"]) }),
  /** null unassigns. */
  z.object({ type: z.literal("assign"), assigneeId: z.uuid().nullable() }),
  z.object({ type: z.literal("add_tag"), tag }),
  z.object({ type: z.literal("remove_tag"), tag }),
  /** Replies by email with a shared saved reply, through the same path (and undo window) as agents' replies. */
  z.object({ type: z.literal("reply"), savedReplyId: z.uuid() }),
  z.object({ type: z.literal("add_note"), body: z.string().trim().min(1).max(20_000) }),
]);
export type MacroAction = z.infer<typeof macroActionSchema>;

const name = z.string().trim().min(1, "a name is required").max(80);
const actions = z.array(macroActionSchema).min(1, "add at least one action").max(20);

export const createMacroSchema = z.object({ name, actions });
export type CreateMacroInput = z.infer<typeof createMacroSchema>;

export const updateMacroSchema = z.object({ name: name.optional(), actions: actions.optional() });
export type UpdateMacroInput = z.infer<typeof updateMacroSchema>;

export const applyMacroSchema = z.object({ ticketIds: z.array(z.uuid()).min(1).max(100) });
export type ApplyMacroInput = z.infer<typeof applyMacroSchema>;

export const macroIdSchema = z.object({ macroId: z.string() });
