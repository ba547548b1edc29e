import { describe, expect, it } from "vitest";
import { typedTrigger } from "./completion-trigger";

const triggers = ["/", "#", "@"];
const at = (text: string) => typedTrigger(text, text.length, triggers);

describe("typedTrigger", () => {
  it("finds a trigger at the start of the text or of a word, with the query up to the caret", () => {
    expect(at("/")).toEqual({ trigger: "/", start: 0, query: "" });
    expect(at("Hi /Invo")).toEqual({ trigger: "/", start: 3, query: "invo" });
    expect(at("line one\n#refund")).toEqual({ trigger: "#", start: 9, query: "refund" });
    expect(at("cc @ann")).toEqual({ trigger: "@", start: 3, query: "ann" });
    expect(typedTrigger("/thanks and more", 7, triggers)).toEqual({ trigger: "/", start: 0, query: "thanks" });
  });

  it("ignores triggers inside a word, after the word ended, repeated, or not asked for", () => {
    expect(at("and/or")).toBeNull();
    expect(at("mail ann@x.test")).toBeNull();
    expect(at("/thanks ")).toBeNull();
    expect(at("//x")).toBeNull();
    expect(at(`/${"a".repeat(41)}`)).toBeNull();
    expect(typedTrigger("@ann", 4, ["/"])).toBeNull();
    expect(at("")).toBeNull();
  });
});
