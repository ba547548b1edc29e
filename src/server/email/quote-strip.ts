import { historyLines, isForwardSubject } from "./quoted-history";

const QUOTED = /^\s*>/;

/**
 * The text an agent reads first: the quoted history (`>` quotes with their attribution, Outlook's
 * header block and all below it) removed, answers written between quotes kept, a forward's content
 * kept. Never empty if the input had text: a message that is all history is shown whole.
 */
export function stripQuotedHistory(text: string, options: { subject?: string | null } = {}): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const hidden = historyLines(
    lines.map((line) => ({ text: line, quoted: QUOTED.test(line), marker: null })),
    { forward: isForwardSubject(options.subject) },
  );
  const visible = lines
    .filter((_, index) => !hidden[index])
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return visible !== "" ? visible : text.trim();
}
