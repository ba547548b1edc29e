// What an agent types in the search box: words for the full-text search (and the sender's and
// customer's names), `#123` for a ticket number, and field operators. Pure, so the inbox highlights
// the same words the server searched for.

export const SEARCH_OPERATORS = ["from", "to", "tag", "status", "assignee", "priority"] as const;
export type SearchOperator = (typeof SEARCH_OPERATORS)[number];

export interface ParsedSearch {
  /** The words and quoted phrases left after the operators, as typed (for websearch_to_tsquery). */
  text: string;
  /** `#123`: ticket numbers; a ticket matches any of them. */
  numbers: number[];
  /** Each operator's values (lower-cased); several values of one operator match any of them. */
  fields: Partial<Record<SearchOperator, string[]>>;
}

// `op:value`, `op:"quoted value"`, `#123`, `"a phrase"`, or a word.
const TOKEN = /(\w+):"([^"]*)"|(\w+):(\S+)|#(\d{1,9})\b|"[^"]*"|\S+/g;

export function parseSearch(query: string): ParsedSearch {
  const text: string[] = [];
  const numbers: number[] = [];
  const fields: ParsedSearch["fields"] = {};
  for (const match of query.matchAll(TOKEN)) {
    const [token, quotedOp, quotedValue, op, value, number] = match;
    const name = (quotedOp ?? op)?.toLowerCase();
    const operand = (quotedValue ?? value)?.trim().toLowerCase();
    if (number) numbers.push(Number(number));
    else if (name && operand && (SEARCH_OPERATORS as readonly string[]).includes(name)) (fields[name as SearchOperator] ??= []).push(operand);
    // An unknown `word:thing` (a time, a URL) is searched as text.
    else text.push(token);
  }
  return { text: text.join(" ").trim(), numbers, fields };
}

/** The words to mark in a result: the free text's words (not its operators), at least two letters long. */
export function highlightTerms(query: string): string[] {
  const words = parseSearch(query)
    .text.replace(/"/g, " ")
    .split(/\s+/)
    .filter((word) => word.length >= 2 && !/^(or|-.*)$/i.test(word));
  return [...new Set(words.map((word) => word.toLowerCase()))];
}
