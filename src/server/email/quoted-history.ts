/**
 * Where the quoted history of a reply is, told from its lines: one rule set for the text body
 * (lines of text, `>` quotes) and the HTML body (lines of the rendered text, quotes being the
 * client's quote blockquotes, plus the client markers the sanitizer saw).
 */
export interface QuoteLine {
  text: string;
  /** Part of a quote: a `>` line, or a line inside a client's quote blockquote. */
  quoted: boolean;
  /** A client marker around this line: history from here on ("rest"), or an attribution div. */
  marker: "rest" | "attribution" | null;
}

// "On … wrote:" and its translations; Gmail's Japanese and Russian ones end in the address and ":".
const ATTRIBUTIONS = [
  /^\s*On\s.+\s(?:wrote|writes)\s*:\s*$/i,
  /^\s*Le\s.+\sa\s+écrit\s*:\s*$/i,
  /^\s*Am\s.+\s(?:schrieb\s.*|(?:Folgendes\s+)?geschrieben\s*):\s*$/i,
  /^\s*El\s.+\sescribió\s*:\s*$/i,
  /^\s*Em\s.+\sescreveu\s*:\s*$/i,
  /^\s*Il\s.+\sha\s+scritto\s*:\s*$/i,
  /^\s*Op\s.+\sschreef\s.*:\s*$/i,
  /^\s*(?:Den|På)\s.+\sskrev\s.*:\s*$/i,
  /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*[:：]\s*$/,
  /^\s*\d{4}[/.-]\d{1,2}[/.-]\d{1,2}.*(?:のメール|wrote)\s*[:：]\s*$/i,
  /(?:写道|寫道)\s*[:：]\s*$/,
  /^.+\d{4}\s*г\.,?\s*в\s+\d{1,2}:\d{2}.*[:：]\s*$/,
  /(?:пишет|написал(?:\(а\)|а)?)\s*:\s*$/i,
  // Mutt: "* Ann Smith <ann@example.com> [2024-03-04 10:12]:"
  /^\s*\*\s.+\s\[\d{4}-\d{2}-\d{2}[^\]]*\]\s*:\s*$/,
];
// The last line of an attribution without date, e.g. "bob wrote:", directly above a `>` block.
const LOOSE_ATTRIBUTION = /(?:wrote|writes|schrieb|a\s+écrit|escribió|escreveu|ha\s+scritto|schreef|skrev|пишет|написал(?:\(а\)|а)?|写道|寫道)\s*[:：]\s*$/i;
const ATTRIBUTION_MAX_LINES = 3;
// Attributions are short; a long paragraph that happens to start with "On" and end in "wrote:" is text.
const ATTRIBUTION_MAX_CHARS = 300;

const ORIGINAL =
  "Original Message|Ursprüngliche Nachricht|Originalnachricht|Message d'origine|Mensaje original|Mensagem original|Messaggio originale|Oorspronkelijk bericht|Ursprungligt meddelande|Opprinnelig melding|Исходное сообщение|原始邮件|原始郵件|元のメッセージ";
const FORWARDED =
  "Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Mensagem encaminhada|Messaggio inoltrato|Doorgestuurd bericht|Vidarebefordrat meddelande|Пересылаемое сообщение|Пересланное сообщение|转发的邮件|轉寄的郵件|転送されたメッセージ";
const SEPARATOR = new RegExp(`^\\s*-{2,}\\s*(?:${ORIGINAL}|${FORWARDED})\\s*-{2,}\\s*$`, "i");
// Apple Mail's "Begin forwarded message:" line and its translations.
const FORWARD_INTRO =
  "Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message réexpédié|Inicio del mensaje reenviado|Início da mensagem reencaminhada|Inizio messaggio inoltrato|Begin doorgestuurd bericht|Начало переадресованного сообщения|以下为转发的邮件|転送されたメッセージ";
const FORWARD_SEPARATOR = new RegExp(`^\\s*(?:-{2,}\\s*(?:${FORWARDED})\\s*-{2,}|(?:${FORWARD_INTRO})\\s*[:：])\\s*$`, "i");
// The rule above Outlook's header block: underscores in its text part, an <hr> converted to dashes.
const OUTLOOK_RULE = /^\s*(?:_{10,}|-{10,})\s*$/;
// Outlook's reply header: From, then Sent/Date and Subject within the next few lines, no `>` quoting.
const COLON = "\\s*[:：]";
const HEADER_FROM = new RegExp(`^\\s*\\*?(?:From|Von|De|Da|Van|Från|Fra|Od|От|差出人|发件人|寄件者|送信者)${COLON}`, "i");
const HEADER_SENT = new RegExp(
  `^\\s*\\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado(?: el)?|Enviada|Fecha|Inviato|Data|Verzonden|Skickat|Sendt|Отправлено|Дата|送信日時|日付|发送时间|日期|傳送時間|寄件日期)${COLON}`,
  "i",
);
const HEADER_SUBJECT = new RegExp(`^\\s*\\*?(?:Subject|Betreff|Objet|Asunto|Assunto|Oggetto|Onderwerp|Ämne|Emne|Temat|Тема|件名|主题|主旨)${COLON}`, "i");
const HEADER_BLOCK_LINES = 6;
const FORWARD_SUBJECT = /^\s*(?:fwd?|wg|tr|rv|enc|i|doorst|vs|vb|пересл|转发|轉寄|転送)\s*[:：]/i;

const isBlank = (line: QuoteLine | undefined) => line === undefined || line.text.trim() === "";

/** True when the subject says the message is a forward ("Fwd:", "WG:", "TR:", …). */
export function isForwardSubject(subject: string | null | undefined): boolean {
  return FORWARD_SUBJECT.test(subject ?? "");
}

function nextContent(lines: QuoteLine[], from: number): QuoteLine | undefined {
  // A loop, not slice().find(): this runs for many lines of a long body.
  for (let index = from; index < lines.length; index += 1) if (!isBlank(lines[index])) return lines[index];
  return undefined;
}

const isAttribution = (text: string) => ATTRIBUTIONS.some((pattern) => pattern.test(text));

/** Lines taken by an attribution starting at `index`, or 0. */
function attributionLength(lines: QuoteLine[], index: number): number {
  if (lines[index]?.marker === "attribution") {
    let end = index;
    while (lines[end]?.marker === "attribution") end += 1;
    return end - index;
  }
  for (let length = 1; length <= ATTRIBUTION_MAX_LINES && index + length <= lines.length; length += 1) {
    const part = lines.slice(index, index + length);
    // An attribution is one paragraph: no quote or blank line inside it.
    if (part.some((line) => line.quoted || isBlank(line))) return 0;
    const candidate = part.map((line) => line.text).join(" ");
    if (candidate.length > ATTRIBUTION_MAX_CHARS) return 0;
    if (!isAttribution(candidate)) continue;
    // The lines below make an attribution on their own ("Thanks!" above "Ann … 写道："): it starts there.
    if (
      length > 1 &&
      isAttribution(
        part
          .slice(1)
          .map((line) => line.text)
          .join(" "),
      )
    )
      return 0;
    // A date (digits) or a following quote tells an attribution from a sentence like "On Monday Ann wrote: …".
    return /\d/.test(candidate) || nextContent(lines, index + length)?.quoted ? length : 0;
  }
  return 0;
}

function isHeaderBlock(lines: QuoteLine[], index: number): boolean {
  if (!HEADER_FROM.test(lines[index]?.text ?? "")) return false;
  const block = lines.slice(index + 1, index + 1 + HEADER_BLOCK_LINES).map((line) => line.text);
  return block.some((line) => HEADER_SENT.test(line)) && block.some((line) => HEADER_SUBJECT.test(line));
}

// "To: …", "Cc: …", "件名: …": a header field of the quoted message's header block.
const HEADER_FIELD = /^\s*\*?[\p{L}][\p{L} .-]{0,24}\s*[:：]/u;
const HEADER_MAX_LINES = 12;

/** Lines from `index` to the end of a header block: a blank line or a line that is no header field. */
function headerBlockLength(lines: QuoteLine[], index: number): number {
  let end = index + 1;
  while (end < lines.length && end - index < HEADER_MAX_LINES && !isBlank(lines[end]) && HEADER_FIELD.test(lines[end]!.text)) end += 1;
  return end - index;
}

interface Unit {
  kind: "rest" | "attribution";
  length: number;
  forward: boolean;
}

/** The start of quoted history at `index`: where everything below is history, or an attribution above a quote. */
function unitAt(lines: QuoteLine[], index: number): Unit | null {
  const line = lines[index]!;
  if (line.quoted) return null;
  if (SEPARATOR.test(line.text) || FORWARD_SEPARATOR.test(line.text)) {
    const forward = FORWARD_SEPARATOR.test(line.text);
    let next = index + 1;
    while (next < lines.length && isBlank(lines[next])) next += 1;
    const header = isHeaderBlock(lines, next) ? next - index + headerBlockLength(lines, next) : 1;
    return { kind: "rest", length: header, forward };
  }
  if (isHeaderBlock(lines, index)) return { kind: "rest", length: headerBlockLength(lines, index), forward: false };
  // A client's history div holds all that follows, even when it opens with an attribution.
  if (line.marker === "rest") return { kind: "rest", length: 1, forward: false };
  const attribution = attributionLength(lines, index);
  return attribution > 0 ? { kind: "attribution", length: attribution, forward: false } : null;
}

/**
 * Which lines are quoted history: `>` quotes with the attribution above them, and everything from
 * a history block (Outlook's header block, "Original Message", a client's history div) on. Lines
 * between quotes (inline answers) stay. A forward's first block is the content, not history:
 * when the subject says so (`forward`) or the block is a forward separator, it stays.
 */
export function historyLines(lines: QuoteLine[], options: { forward: boolean }): boolean[] {
  const hidden = lines.map(() => false);
  let firstUnit = true;
  let keepQuote = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (isBlank(line)) continue;
    if (line.quoted) {
      // A forward made by quoting (e.g. Mutt, Apple Mail): the quote right after the forward header is the content.
      if (firstUnit && options.forward) keepQuote = true;
      firstUnit = false;
      hidden[index] = !keepQuote;
      continue;
    }
    keepQuote = false;
    const unit = unitAt(lines, index);
    if (unit) {
      const forward = firstUnit && (options.forward || unit.forward);
      firstUnit = false;
      if (forward) {
        keepQuote = true;
        index += unit.length - 1;
        continue;
      }
      const quoteFollows = nextContent(lines, index + unit.length)?.quoted ?? false;
      if (unit.kind === "attribution" && quoteFollows) {
        hidden.fill(true, index, index + unit.length);
        index += unit.length - 1;
        continue;
      }
      let start = index;
      while (start > 0 && (isBlank(lines[start - 1]) || OUTLOOK_RULE.test(lines[start - 1]!.text))) start -= 1;
      hidden.fill(true, start);
      break;
    }
    if (LOOSE_ATTRIBUTION.test(line.text) && nextContent(lines, index + 1)?.quoted) hidden[index] = true;
  }
  return hidden;
}
