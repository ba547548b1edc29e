import { z } from "zod";

const role = z.enum(["owner", "member"]);

export const inviteMemberSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  name: z.string().trim().min(1).max(200).optional(),
  role: role.default("member"),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const memberIdSchema = z.object({ userId: z.string() });

export const changeRoleSchema = memberIdSchema.extend({ role });
