import type { ZodError } from "zod";

/**
 * Zod issues as `{ field: message }` pairs naming the failing fields (`conditions.0.value`). Pure, so
 * the browser's rule editor keys its own validation exactly as the API's 422 details.
 */
export function zodFieldErrors(error: ZodError): { fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "(body)";
    fields[key] ??= issue.message;
  }
  return { fields };
}
