const QUOTED = /^\s*>/;

// "On … wrote:" in the languages agents meet most; clients may wrap it over up to three lines.
const ATTRIBUTIONS = [
  /^\s*On\s.+\swrote\s*:\s*$/i,
  /^\s*Le\s.+\sa\s+écrit\s*:\s*$/i,
  /^\s*Am\s.+\sschrieb\s.*:\s*$/i,
  /^\s*El\s.+\sescribió\s*:\s*$/i,
  /^\s*Il\s.+\sha\s+scritto\s*:\s*$/i,
  /^\s*Op\s.+\sschreef\s.*:\s*$/i,
  /^\s*(?:Den|På)\s.+\sskrev\s.*:\s*$/i,
];
// The last line of an attribution without date, e.g. "bob wrote:", directly above a `>` block.
const LOOSE_ATTRIBUTION = /(?:wrote|writes|schrieb|a\s+écrit|escribió|ha\s+scritto|schreef|skrev)\s*:\s*$/i;
const ATTRIBUTION_MAX_LINES = 3;
// Attributions are short; a long paragraph that happens to start with "On" and end in "wrote:" is text.
const ATTRIBUTION_MAX_CHARS = 300;

const SEPARATOR =
  /^\s*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale|Oorspronkelijk bericht|Ursprungligt meddelande|Opprinnelig melding)\s*-{2,}\s*$/i;
const OUTLOOK_RULE = /^\s*_{10,}\s*$/;
// Outlook's reply header: From, then Sent/Date and Subject within the next few lines, no `>` quoting.
const HEADER_FROM = /^\s*\*?(?:From|Von|De|Da|Van|Från|Fra|Od)\s*:/i;
const HEADER_SENT = /^\s*\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|Fecha|Inviato|Data|Verzonden|Skickat|Sendt)\s*:/i;
const HEADER_SUBJECT = /^\s*\*?(?:Subject|Betreff|Objet|Asunto|Oggetto|Onderwerp|Ämne|Emne|Temat)\s*:/i;
const HEADER_BLOCK_LINES = 6;

const isBlank = (line: string | undefined) => line === undefined || line.trim() === "";

function nextContentLine(lines: string[], from: number): string | undefined {
  return lines.slice(from).find((line) => !isBlank(line));
}

/** Lines taken by an attribution starting at `index`, or 0. */
function attributionLength(lines: string[], index: number): number {
  for (let length = 1; length <= ATTRIBUTION_MAX_LINES && index + length <= lines.length; length += 1) {
    const candidate = lines.slice(index, index + length).join(" ");
    if (candidate.length > ATTRIBUTION_MAX_CHARS) return 0;
    if (!ATTRIBUTIONS.some((pattern) => pattern.test(candidate))) continue;
    // A date (digits) or a following quote tells an attribution from a sentence like "On Monday Ann wrote: …".
    const followedByQuote = QUOTED.test(nextContentLine(lines, index + length) ?? "");
    return /\d/.test(candidate) || followedByQuote ? length : 0;
  }
  return 0;
}

function isOutlookHeaderBlock(lines: string[], index: number): boolean {
  if (!HEADER_FROM.test(lines[index] ?? "")) return false;
  const block = lines.slice(index + 1, index + 1 + HEADER_BLOCK_LINES);
  return block.some((line) => HEADER_SENT.test(line)) && block.some((line) => HEADER_SUBJECT.test(line));
}

/** Index of the first line of the quoted history (attribution, separator or header block), or -1. */
function findHistoryStart(lines: string[]): number {
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    if (SEPARATOR.test(line)) return index;
    if (attributionLength(lines, index) > 0) return index;
    if (isOutlookHeaderBlock(lines, index)) {
      return index > 0 && OUTLOOK_RULE.test(lines[index - 1] ?? "") ? index - 1 : index;
    }
  }
  return -1;
}

/** Drops a trailing `>` block and the attribution line right above it. */
function dropTrailingQuote(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (isBlank(lines[end - 1]) || QUOTED.test(lines[end - 1] ?? ""))) end -= 1;
  if (!lines.slice(end).some((line) => QUOTED.test(line))) return lines;
  if (end > 0 && LOOSE_ATTRIBUTION.test(lines[end - 1] ?? "")) end -= 1;
  return lines.slice(0, end);
}

// Inline replies put the answers below the attribution, between quotes: keep every unquoted line.
function withoutQuotedLines(lines: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const skip = attributionLength(lines, index);
    if (skip > 0) index += skip - 1;
    else if (!QUOTED.test(lines[index] ?? "")) kept.push(lines[index] ?? "");
  }
  return kept;
}

/** The new part of a reply: the quoted history and its attribution removed; never empty if the input had own text. */
export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const start = findHistoryStart(lines);
  const head = dropTrailingQuote(start === -1 ? lines : lines.slice(0, start))
    .join("\n")
    .trim();
  if (head !== "") return head;
  const unquoted = withoutQuotedLines(lines).join("\n").trim();
  return unquoted !== "" ? unquoted : text.trim();
}
