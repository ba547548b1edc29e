// C0 and C1 controls (CR, LF, NUL, NEL U+0085…), DEL, and the Unicode line and paragraph separators:
// anything a mail client or a header parser might take for the end of a line.
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]+/gu;

/**
 * A display name or subject as one line: line breaks and control characters become spaces,
 * whitespace runs collapse, ends are trimmed. Such text can then never start a header line.
 */
export function singleLineText(value: string): string {
  return value.replace(LINE_BREAKING, " ").replace(/\s+/g, " ").trim();
}
