import { z } from "zod";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";
export type Security = "bearer" | "inboundSecret" | "none" | "mailgunSignature";

/** One REST operation, described with the same zod schemas its handler validates with. */
export interface Operation {
  method: HttpMethod;
  /** OpenAPI path with `{param}` placeholders, e.g. `/api/v1/workspaces/{workspaceId}/tickets`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  security: Security;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyType?: "application/json" | "multipart/form-data" | "message/rfc822";
  /** Status → what it means. Error statuses answer `ErrorResponse`. */
  responses: Record<number, string>;
}

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string().describe("NOT_FOUND, VALIDATION, UNAUTHORIZED, FORBIDDEN, CONFLICT, BAD_REQUEST, PAYLOAD_TOO_LARGE, RATE_LIMITED, UNAVAILABLE, INTERNAL"),
    message: z.string(),
    details: z
      .object({ fields: z.record(z.string(), z.string()).optional() })
      .loose()
      .optional(),
  }),
});

/** The answers every workspace route can give besides its own. */
export const WORKSPACE_ERRORS = {
  401: "No or bad credentials",
  404: "Not found, or not in this workspace",
  429: "Too many requests with this token (RATE_LIMITED); retry after Retry-After seconds",
} as const;
