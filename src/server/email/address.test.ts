import { describe, expect, it } from "vitest";
import { emailDomain, parseMailbox, parseMailboxList } from "@/server/email/address";

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

  // A display name never supplies the address, however it is written or encoded.
  it.each([
    ["security@bank.example <attacker@evil.example>", { email: "attacker@evil.example", name: "security@bank.example" }],
    ['"security@bank.example" <attacker@evil.example>', { email: "attacker@evil.example", name: "security@bank.example" }],
    ['"a@b" <c@d.example>', { email: "c@d.example", name: "a@b" }],
    ["Bank Security security@bank.example <attacker@evil.example>", { email: "attacker@evil.example", name: "Bank Security security@bank.example" }],
    ['"Bank <security@bank.example>" <attacker@evil.example>', { email: "attacker@evil.example", name: "Bank <security@bank.example>" }],
    ["=?utf-8?q?security=40bank.example?= <attacker@evil.example>", { email: "attacker@evil.example", name: "security@bank.example" }],
    ["=?utf-8?b?c2VjdXJpdHlAYmFuay5leGFtcGxl?= <attacker@evil.example>", { email: "attacker@evil.example", name: "security@bank.example" }],
    ["=?utf-8?q?=3Csecurity=40bank.example=3E?= <attacker@evil.example>", { email: "attacker@evil.example", name: "<security@bank.example>" }],
  ])("takes the angle-bracket address of the spoof %j", (raw, expected) => {
    expect(parseMailbox(raw)).toEqual(expected);
  });

  it.each([
    ["Bob\r\nBcc: someone@else.example <bob@x.example>", "Bob Bcc: someone@else.example"],
    ['"Bob\r\nBcc: someone@else.example" <bob@x.example>', "Bob Bcc: someone@else.example"],
    ["=?utf-8?q?Bob=0D=0ABcc=3A_someone=40else.example?= <bob@x.example>", "Bob Bcc: someone@else.example"],
    ["=?utf-8?b?Qm9iDQpCY2M6IHNvbWVvbmVAZWxzZS5leGFtcGxl?= <bob@x.example>", "Bob Bcc: someone@else.example"],
    ["Bob\u2028Bcc:\u2029x\u0085y\u0000z\u001b\u007f <bob@x.example>", "Bob Bcc: x y z"],
  ])("removes line breaks and control characters from the name of %j", (raw, name) => {
    expect(parseMailbox(raw)).toEqual({ email: "bob@x.example", name });
  });

  it.each([
    "security@bank.example attacker@evil.example",
    "<security@bank.example> <attacker@evil.example>",
    "Bob <bob@x.example> <attacker@evil.example>",
    "=?utf-8?q?security=40bank.example?=",
    "Bank <=?utf-8?q?security=40bank.example?=>",
    "<Bank security@bank.example>",
  ])("refuses the ambiguous or address-less %j", (raw) => {
    expect(parseMailbox(raw)).toBeNull();
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

  it("takes each entry's angle-bracket address and cleans its name", () => {
    expect(parseMailboxList('security@bank.example <attacker@evil.example>, "x@y.example" <Z@W.example>, =?utf-8?q?A=0D=0AB?= <a@b.example>')).toEqual([
      { email: "attacker@evil.example", name: "security@bank.example" },
      { email: "z@w.example", name: "x@y.example" },
      { email: "a@b.example", name: "A B" },
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
