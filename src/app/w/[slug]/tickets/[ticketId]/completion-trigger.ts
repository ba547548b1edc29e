/** A trigger character typed at the start of a word, and what follows it up to the caret. */
export interface TypedTrigger {
  trigger: string;
  /** Where the trigger character sits; the word from here to the caret is what a pick replaces. */
  start: number;
  /** What follows the trigger, lower-cased. */
  query: string;
}

const MAX_QUERY = 40;

/**
 * The word right before the caret when it starts with one of `triggers` ("@ann", "/invo"), or
 * null. A trigger inside a word ("and/or", "ann@x.test") or a query holding the trigger again is
 * not one.
 */
export function typedTrigger(text: string, caret: number, triggers: readonly string[]): TypedTrigger | null {
  const before = text.slice(0, caret);
  const word = /(?:^|\s)(\S*)$/.exec(before)?.[1] ?? "";
  const trigger = word.charAt(0);
  if (!trigger || !triggers.includes(trigger)) return null;
  const query = word.slice(1);
  if (query.length > MAX_QUERY || query.includes(trigger)) return null;
  return { trigger, start: caret - word.length, query: query.toLowerCase() };
}
