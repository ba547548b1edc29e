import { describe, expect, it } from "vitest";
import { emailDomain, parseMailbox, parseMailboxList } from "@/server/inbound/address";

describe("parseMailbox", () => {
  it.each([
    ["Sony Mathew <sony@chatwoot.com>", { email: "sony@chatwoot.com", name: "Sony Mathew" }],
    ['"Neko, Nyaan" <nekonyaan@example.org>', { email: "nekonyaan@example.org", name: "Neko, Nyaan" }],
    ["kijitora@apple.example.com", { email: "kijitora@apple.example.com", name: null }],
    ["<noreply@example.com>", { email: "noreply@example.com", name: null }],
    ["  Bob  Smith <Bob.Smith@Example.COM>  ", { email: "bob.smith@example.com", name: "Bob Smith" }],
    ["Bob (work) <bob@example.com>", { email: "bob@example.com", name: "Bob" }],
    ["José Müller <jose@exämple.de>", { email: "jose@exämple.de", name: "José Müller" }],
  ])("parses %j", (raw, expected) => {
    expect(parseMailbox(raw)).toEqual(expected);
  });

  it("drops a display name that only repeats the address", () => {
    expect(parseMailbox('"bob@xxx.mailgun.org" <bob@xxx.mailgun.org>')).toEqual({
      email: "bob@xxx.mailgun.org",
      name: null,
    });
  });

  it.each([
    ["Name addr@X.com", { email: "addr@x.com", name: "Name" }],
    ["Smith, Anna <anna@example.com>", { email: "anna@example.com", name: "Smith, Anna" }],
    ["Anna anna@example.com>", { email: "anna@example.com", name: "Anna" }],
    ['"Anna <anna@example.com>', { email: "anna@example.com", name: "Anna" }],
  ])("tolerates the sloppy %j", (raw, expected) => {
    expect(parseMailbox(raw)).toEqual(expected);
  });

  it("rejects absurdly long input instead of parsing it", () => {
    expect(parseMailbox(`${"a".repeat(2000)}@example.com`)).toBeNull();
  });

  it.each([null, undefined, "", "   ", "bob", "Bob <bob>", "bob@", "@example.com", "a@b@example.com", "undisclosed-recipients:;"])(
    "returns null for %j",
    (raw) => {
      expect(parseMailbox(raw)).toBeNull();
    },
  );
});

describe("parseMailboxList", () => {
  it("parses a comma-separated list with quoted commas", () => {
    expect(parseMailboxList('"Neko, Nyaan" <neko@libsisimai.org>, Kijitora <KIJITORA@example.com>')).toEqual([
      { email: "neko@libsisimai.org", name: "Neko, Nyaan" },
      { email: "kijitora@example.com", name: "Kijitora" },
    ]);
  });

  it("parses Yahoo's semicolon-separated To", () => {
    const list = parseMailboxList("xxx@gmail.com; xxx@hotmail.com; xxx@yahoo.com");
    expect(list.map((m) => m.email)).toEqual(["xxx@gmail.com", "xxx@hotmail.com", "xxx@yahoo.com"]);
  });

  it("flattens groups and ignores empty ones", () => {
    const list = parseMailboxList("Team: a@x.com, B <b@x.com>;, undisclosed-recipients:;, c@x.com");
    expect(list).toEqual([
      { email: "a@x.com", name: null },
      { email: "b@x.com", name: "B" },
      { email: "c@x.com", name: null },
    ]);
  });

  it("keeps valid entries of a partly broken list", () => {
    expect(parseMailboxList("Smith, Anna <anna@example.com>, not an address, bob@example.com")).toEqual([
      { email: "anna@example.com", name: "Anna" },
      { email: "bob@example.com", name: null },
    ]);
  });

  it("accepts several header values and de-duplicates by email", () => {
    expect(parseMailboxList(["A <a@x.com>", "a@X.com, b@x.com"])).toEqual([
      { email: "a@x.com", name: "A" },
      { email: "b@x.com", name: null },
    ]);
  });

  it.each([null, undefined, "", [], ["  "]])("returns [] for %j", (raw) => {
    expect(parseMailboxList(raw)).toEqual([]);
  });
});

describe("emailDomain", () => {
  it("returns the lower-cased domain", () => {
    expect(emailDomain("Bob@Mail.Example.COM")).toBe("mail.example.com");
    expect(emailDomain('"a@b"@example.org')).toBe("example.org");
  });

  it("returns null without a domain", () => {
    expect(emailDomain("bob")).toBeNull();
    expect(emailDomain("bob@")).toBeNull();
  });
});
