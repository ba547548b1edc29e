import type { z } from "zod";
import { AppError } from "@/server/errors";

/** Reads a JSON body and validates it; bad JSON is 400, a failing schema 422 (naming the fields). */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    const text = await request.text();
    body = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
  return schema.parse(body);
}
