import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodFieldErrors } from "@/server/http/zod-field-errors";
import { errorSentence, fieldSentence, OFFLINE_SENTENCE } from "./error-sentence";

/** A tRPC client error as the browser receives it for a refused input. */
const refused = (code: string, message: string, fields?: Record<string, string>) =>
  Object.assign(new Error(message), { data: { code, httpStatus: 422, details: fields ? { fields } : null } });

describe("errorSentence", () => {
  it("turns the API's validation details into sentences naming the form's labels", () => {
    const details = zodFieldErrors(z.object({ toAddresses: z.array(z.email()) }).safeParse({ toAddresses: ["ok@x.org", "nope"] }).error!);
    const error = refused("UNPROCESSABLE_CONTENT", "Invalid input", details.fields);
    expect(errorSentence(error, { toAddresses: "To" })).toBe("To must be a valid email address.");
  });

  it("reads each of zod's default messages as the end of a sentence", () => {
    const schema = z.object({
      name: z.string(),
      subject: z.string().min(1),
      code: z.string().min(3),
      shortName: z.string().max(2),
      website: z.url(),
      color: z.enum(["red", "blue"]),
      tags: z.array(z.string()).max(1),
      priority: z.number().min(1),
    });
    const parsed = schema.safeParse({ subject: "", code: "a", shortName: "abc", website: "nope", color: "green", tags: ["a", "b"], priority: 0 });
    const fields = zodFieldErrors(parsed.error!).fields;
    expect(Object.entries(fields).map(([path, message]) => fieldSentence(path, message))).toEqual([
      "Name is required.",
      "Subject cannot be empty.",
      "Code needs at least 3 characters.",
      "Short name can have at most 2 characters.",
      "Website must be a valid URL.",
      "Color is not one of the choices.",
      "Tags can have at most 1 items.",
      "Priority must be at least 1.",
    ]);
  });

  it("keeps a service's own field message, as a sentence after the label", () => {
    const error = refused("UNPROCESSABLE_CONTENT", "The ticket has no contact to email", { toAddresses: "required: the ticket has no contact" });
    expect(errorSentence(error, { toAddresses: "To" })).toBe("To: Required: the ticket has no contact.");
  });

  it("says the connection failed when the request never got an answer", () => {
    expect(errorSentence(new TypeError("Failed to fetch"))).toBe(OFFLINE_SENTENCE);
    expect(errorSentence(Object.assign(new Error("The operation timed out."), { name: "TimeoutError" }))).toBe(OFFLINE_SENTENCE);
  });

  it("never shows a server fault's text, JSON or an HTML page", () => {
    expect(errorSentence(refused("INTERNAL_SERVER_ERROR", "TypeError: cannot read x of undefined"))).toMatch(/went wrong on our side/);
    expect(errorSentence(refused("BAD_REQUEST", '[{"code":"invalid_type","path":["to"]}]'))).toMatch(/went wrong on our side/);
    expect(errorSentence(new Error("<!DOCTYPE html><html>"))).toMatch(/went wrong on our side/);
  });

  it("passes a service's sentence through", () => {
    expect(errorSentence(refused("CONFLICT", "This ticket was merged; reply on the ticket it was merged into"))).toBe(
      "This ticket was merged; reply on the ticket it was merged into",
    );
  });
});
