export interface CharsetDecoder {
  /** The Encoding Standard's name for the label, or iconv-lite's label where the standard has none. */
  encoding: string;
  decode(bytes: Uint8Array): string;
}

export function charsetDecoder(label: string | null | undefined): CharsetDecoder | null;
export function decodeCharset(bytes: Uint8Array | ArrayBuffer, label: string | null | undefined): string;
export const CharsetTextDecoder: typeof TextDecoder;
