import { z } from "zod";

export const createApiTokenSchema = z.object({ name: z.string().trim().min(1).max(100) });

export const apiTokenIdSchema = z.object({ tokenId: z.string() });
