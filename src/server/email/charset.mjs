// Plain JavaScript so the MIME parser's worker thread (mime-parse-worker.mjs), which runs without a
// TypeScript loader, shares it with the rest of the server (charset.d.mts types it).
import { Buffer } from "node:buffer";
import iconv from "iconv-lite";

const NativeTextDecoder = globalThis.TextDecoder;

// Node 20's TextDecoder reads windows-1252 (and so ISO-8859-1 and US-ASCII, which mail uses for
// windows-1252 bytes, as the Encoding Standard does) as Latin-1, losing € “ ” ’ –, and its
// euc-kr, big5 and several windows-125x tables differ from the Encoding Standard's. iconv-lite has
// the right tables; these are its names for the encodings whose Encoding Standard decoder is a
// superset of the label's charset (GB2312/GBK → GB18030, EUC-KR → UHC, Big5 → HKSCS, Shift_JIS → cp932).
const ICONV_NAME = new Map([
  ["gbk", "gb18030"],
  ["gb18030", "gb18030"],
  ["big5", "big5hkscs"],
  ["euc-kr", "cp949"],
  ["shift_jis", "cp932"],
  ["euc-jp", "eucjp"],
]);

// Decoded by TextDecoder itself: Unicode, ISO-2022-JP (which iconv-lite lacks) and the two
// encodings that are no charset (x-user-defined, replacement).
const NATIVE = new Set(["utf-8", "utf-16le", "utf-16be", "iso-2022-jp", "x-user-defined", "replacement"]);

function nativeEncoding(label) {
  try {
    return new NativeTextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * How bytes in the charset `label` are decoded: `{ encoding, decode }`, or null for a label
 * neither the Encoding Standard nor iconv-lite knows (cp850 and utf-7 are iconv-lite's only).
 */
export function charsetDecoder(label) {
  const name =
    String(label ?? "")
      .trim()
      .toLowerCase() || "utf-8";
  const encoding = nativeEncoding(name);
  if (encoding === null) return iconv.encodingExists(name) ? { encoding: name, decode: (bytes) => iconv.decode(Buffer.from(bytes), name) } : null;
  if (NATIVE.has(encoding)) {
    const native = new NativeTextDecoder(encoding);
    return { encoding, decode: (bytes) => native.decode(bytes) };
  }
  const codec = ICONV_NAME.get(encoding) ?? encoding;
  return { encoding, decode: (bytes) => iconv.decode(Buffer.from(bytes), codec) };
}

const asBytes = (input) =>
  input === undefined
    ? new Uint8Array(0)
    : ArrayBuffer.isView(input)
      ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
      : new Uint8Array(input);

/** Bytes in the charset `label` as text; an unknown label reads as UTF-8. */
export function decodeCharset(bytes, label) {
  return (charsetDecoder(label) ?? charsetDecoder("utf-8")).decode(asBytes(bytes));
}

/**
 * TextDecoder with the legacy tables above, for code that constructs TextDecoders itself
 * (postal-mime). Unicode and streaming decodes stay with the native decoder.
 */
export class CharsetTextDecoder {
  constructor(label = "utf-8", options = {}) {
    const decoder = charsetDecoder(label);
    // The native decoder's own refusal (a RangeError) for a label no decoder knows.
    if (decoder === null || NATIVE.has(decoder.encoding)) return new NativeTextDecoder(label, options);
    this.encoding = decoder.encoding;
    this.fatal = false;
    this.ignoreBOM = Boolean(options.ignoreBOM);
    this.legacy = decoder;
  }

  decode(input) {
    return this.legacy.decode(asBytes(input));
  }
}
