import { describe, expect, it } from "vitest";
import { decodeCharset } from "@/server/email/charset.mjs";
import { normalizeParsedInbound } from "../normalize";
import { parseMimeMessage } from "./mime";

// Real byte sequences of each charset, written out in hex so no editor or encoder stands between
// the test and the bytes a mailbox sends.
const hex = (digits: string) => Buffer.from(digits.replace(/\s+/g, ""), "hex");
const b64 = (digits: string) => hex(digits).toString("base64");
const qp = (digits: string) =>
  [...hex(digits)]
    .map((byte) => (byte >= 0x21 && byte <= 0x7e && byte !== 0x3d ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, "0")}`))
    .join("");
const word = (charset: string, digits: string) => `=?${charset}?B?${b64(digits)}?=`;

/** A one-part message whose body is `body` (bytes) sent with `encoding`, under the given charset. */
function message(options: {
  charset: string;
  body: Buffer;
  encoding: "8bit" | "base64" | "quoted-printable";
  subject?: string;
  from?: string;
  html?: boolean;
}) {
  const content =
    options.encoding === "base64"
      ? Buffer.from(options.body.toString("base64"))
      : options.encoding === "quoted-printable"
        ? Buffer.from(qp(options.body.toString("hex")))
        : options.body;
  const head = [
    `From: ${options.from ?? "ann@example.org"}`,
    "To: help@x.test",
    `Subject: ${options.subject ?? "charset"}`,
    "Message-ID: <charset-1@example.org>",
    "MIME-Version: 1.0",
    `Content-Type: ${options.html ? "text/html" : "text/plain"}; charset=${options.charset}`,
    `Content-Transfer-Encoding: ${options.encoding}`,
    "",
    "",
  ].join("\r\n");
  return Buffer.concat([Buffer.from(head), content, Buffer.from("\r\n")]);
}

const read = async (raw: Buffer) => normalizeParsedInbound("mime", await parseMimeMessage(raw), "help@x.test");

// [label as sent, bytes, text they are]
const BODIES: [string, string, string][] = [
  // Outlook and many webmails label windows-1252 text ISO-8859-1: the 0x80–0x9F bytes are € “ ” ’ –.
  ["ISO-8859-1", "80 20 93 71 75 6f 74 65 64 94 20 69 74 92 73 20 96 20 e9 74 e9", "€ “quoted” it’s – été"],
  ["windows-1252", "80 35 2c 20 85 20 9c 75 76 72 65", "€5, … œuvre"],
  ["us-ascii", "93 68 69 94", "“hi”"],
  ["ISO-8859-15", "a4 20 bd", "€ œ"],
  ["ISO-8859-2", "50 f8 ed 6c 69 b9 20 be 6c 75 bb 6f 75 e8 6b fd", "Příliš žluťoučký"],
  ["windows-1250", "50 f8 ed 6c 69 9a 20 9e 6c 75 9d 6f 75 e8 6b fd", "Příliš žluťoučký"],
  ["windows-1251", "cf f0 e8 e2 e5 f2 2c 20 ec e8 f0 21", "Привет, мир!"],
  ["KOI8-R", "f0 d2 c9 d7 c5 d4 2c 20 cd c9 d2 21", "Привет, мир!"],
  ["Shift_JIS", "82 b1 82 f1 82 c9 82 bf 82 cd 81 41 93 fa 96 7b 87 40", "こんにちは、日本①"],
  ["ISO-2022-JP", "1b 24 42 24 33 24 73 24 4b 24 41 24 4f 1b 28 42", "こんにちは"],
  ["EUC-KR", "be c8 b3 e7 c7 cf bc bc bf e4", "안녕하세요"],
  // ks_c_5601-1987 is what Outlook calls it; its UHC extension rows (0x8141 갂) are outside EUC-KR proper.
  ["ks_c_5601-1987", "c7 d1 b1 b9 20 81 41", "한국 갂"],
  ["GB2312", "c4 e3 ba c3 a3 ac ca c0 bd e7", "你好，世界"],
  ["GBK", "81 40 d6 d0", "丂中"],
  ["GB18030", "81 30 81 30 d6 d0", "\u0080中"],
  ["Big5", "a7 41 a6 6e a1 41 a5 40 ac c9", "你好，世界"],
];

describe("charsets of a MIME body", () => {
  it.each(BODIES)("decodes %s in 8bit, quoted-printable and base64", async (charset, digits, expected) => {
    for (const encoding of ["8bit", "quoted-printable", "base64"] as const) {
      expect((await read(message({ charset, body: hex(digits), encoding }))).text?.trim()).toBe(expected);
    }
  });

  it("decodes an HTML part in windows-1252 bytes labelled ISO-8859-1", async () => {
    const email = await read(
      message({
        charset: "iso-8859-1",
        body: Buffer.concat([Buffer.from("<p>"), hex("93 4f 4b 94 20 80 31 30"), Buffer.from("</p>")]),
        encoding: "quoted-printable",
        html: true,
      }),
    );
    expect(email.html).toContain("<p>“OK” €10</p>");
  });
});

describe("charsets of encoded-word headers", () => {
  it("decodes the subject and the sender's name in each charset", async () => {
    const email = await read(
      message({
        charset: "utf-8",
        body: Buffer.from("hi"),
        encoding: "8bit",
        subject: `${word("ISO-8859-1", "93 52 65 94 3a 20 80 31 30")} ${word("Shift_JIS", "93 fa 96 7b")} ${word("ISO-2022-JP", "1b 24 42 24 33 24 73 1b 28 42")}`,
        from: `${word("KOI8-R", "e9 d7 c1 ce")} <ivan@example.ru>`,
      }),
    );
    // Adjacent encoded words join without the space between them (RFC 2047 §6.2).
    expect(email.subject).toBe("“Re”: €10日本こん");
    expect(email.from).toEqual({ email: "ivan@example.ru", name: "Иван" });
  });

  it.each([
    ["EUC-KR", "c7 d1 b1 b9", "한국"],
    ["GB2312", "d6 d0 ce c4", "中文"],
    ["Big5", "a4 a4 a4 e5", "中文"],
    ["windows-1251", "d2 e5 ec e0", "Тема"],
    ["ISO-8859-2", "b1 e6 ea", "ąćę"],
  ])("decodes a %s subject", async (charset, digits, expected) => {
    expect((await read(message({ charset: "utf-8", body: Buffer.from("hi"), encoding: "8bit", subject: word(charset, digits) }))).subject).toBe(expected);
  });

  it("decodes attachment filenames in RFC 2047 and RFC 2231 form", async () => {
    const raw = [
      "From: ann@example.org",
      "To: help@x.test",
      "Subject: files",
      "Message-ID: <files-1@example.org>",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "see files",
      "--b",
      "Content-Type: application/pdf",
      `Content-Disposition: attachment; filename="${word("GB2312", "b1 a8 b8 e6")}.pdf"`,
      "Content-Transfer-Encoding: base64",
      "",
      "JVBERg==",
      "--b",
      "Content-Type: text/plain",
      `Content-Disposition: attachment; filename*=windows-1252''${[...hex("93 51 33 94 20 80")].map((b) => `%${b.toString(16).toUpperCase()}`).join("")}.txt`,
      "",
      "x",
      "--b--",
      "",
    ].join("\r\n");
    const email = await read(Buffer.from(raw));
    expect(email.attachments.map((a) => a.filename)).toEqual(["报告.pdf", "“Q3” €.txt"]);
  });
});

describe("decodeCharset", () => {
  it("reads labels only iconv-lite knows, and an unknown label as UTF-8", () => {
    expect(decodeCharset(hex("82 8a"), "cp850")).toBe("éè");
    expect(decodeCharset(Buffer.from("+AKM-"), "utf-7")).toBe("£");
    expect(decodeCharset(hex("c3 a9"), "no-such-charset")).toBe("é");
  });
});
