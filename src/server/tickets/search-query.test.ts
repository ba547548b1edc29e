import { describe, expect, it } from "vitest";
import { highlightTerms, parseSearch } from "./search-query";

describe("parseSearch", () => {
  it("splits operators, ticket numbers and free text", () => {
    expect(parseSearch('from:Jane@Customer.example tag:billing #42 refund "late fee" status:OPEN')).toEqual({
      text: 'refund "late fee"',
      numbers: [42],
      fields: { from: ["jane@customer.example"], tag: ["billing"], status: ["open"] },
    });
  });

  it("takes quoted operator values and repeats of one operator", () => {
    expect(parseSearch('assignee:"adam agent" assignee:none to:support@acme.test priority:high').fields).toEqual({
      assignee: ["adam agent", "none"],
      to: ["support@acme.test"],
      priority: ["high"],
    });
  });

  it("searches an unknown operator, a time or a URL as text, and a bare number as text", () => {
    expect(parseSearch("meeting at 10:30 https://acme.test/x subject:hello 123")).toEqual({
      text: "meeting at 10:30 https://acme.test/x subject:hello 123",
      numbers: [],
      fields: {},
    });
  });

  it("reads #n only as a whole number", () => {
    expect(parseSearch("#12 #x #3a")).toMatchObject({ numbers: [12], text: "#x #3a" });
  });
});

describe("highlightTerms", () => {
  it("marks the free text's words, not the operators, short words or exclusions", () => {
    expect(highlightTerms('from:jane Refund "late fee" a -spam or refund')).toEqual(["refund", "late", "fee"]);
  });
});
