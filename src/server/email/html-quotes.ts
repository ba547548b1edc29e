import { Element, type AnyNode, type ParentNode } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { historyLines, type QuoteLine } from "./quoted-history";

/** Set by the sanitizer while it still sees the client's markup (ids, classes, styles), read and removed here. */
export const QUOTE_MARKER = "data-quote-marker";
/** The stored contract: this element (and its content) is quoted history, folded by the view. */
export const HISTORY_ATTRIBUTE = "data-quoted-history";

type Marker = "rest" | "attribution" | "quote";

// Everything from these on is history: Outlook desktop/OWA/iOS/Android (#divRplyFwdMsg, "x_" when
// quoted again, #appendonsend), new Outlook and Outlook for Mac, Yahoo, Thunderbird's forward.
const REST_ID = /(?:^|_)(?:divRplyFwdMsg|appendonsend|mail-editor-reference-message-container)$|yahoo_quoted/i;
const REST_CLASS = /(?:^|\s)(?:\S*yahoo_quoted\S*|moz-forward-container)(?:\s|$)/i;
// Outlook desktop and Outlook for Mac (Word) draw a rule above the header of the quoted message.
const WORD_HEADER_RULE = /border-top\s*:\s*solid\s+#(?:E1E1E1|B5C4DF)\b/i;
// Gmail's and Thunderbird's "On … wrote:" line, in whatever language.
const ATTRIBUTION_CLASS = /(?:^|\s)(?:gmail_attr|moz-cite-prefix)(?:\s|$)/i;
// Gmail and Outlook indent with a borderless blockquote; a quote has a border or type=cite.
const INDENT = /(?:^|;)\s*border\s*:\s*none/i;

/** The client marker an element carries, for the sanitizer's transform (which drops the markup itself). */
export function quoteMarker(tagName: string, attribs: Record<string, string>): Marker | null {
  const style = attribs.style ?? "";
  if (tagName === "blockquote") return attribs.type !== "cite" && INDENT.test(style) ? null : "quote";
  if (REST_ID.test(attribs.id ?? "") || REST_CLASS.test(attribs.class ?? "") || WORD_HEADER_RULE.test(style)) return "rest";
  if (ATTRIBUTION_CLASS.test(attribs.class ?? "")) return "attribution";
  return null;
}

const BLOCK = new Set(["blockquote", "center", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "table", "tr", "ul", "caption"]);

interface Leaf {
  node: AnyNode;
  /** The line of a text leaf; null for a leaf without text (an image, a line break, white space). */
  line: number | null;
}

/** The rendered lines of the document with the text nodes that make them, and its leaves in order. */
function readLines(root: ParentNode): { lines: QuoteLine[]; leaves: Leaf[] } {
  const lines: QuoteLine[] = [];
  const leaves: Leaf[] = [];
  let current: QuoteLine | null = null;
  let pendingMarker: QuoteLine["marker"] = null;
  const flush = () => {
    if (current) lines.push(current);
    current = null;
  };
  const visit = (node: AnyNode, quoted: boolean) => {
    if (DomUtils.isText(node)) {
      const text = node.data.replace(/\s+/g, " ");
      if (text.trim() === "") return void leaves.push({ node, line: null });
      current ??= { text: "", quoted, marker: pendingMarker };
      pendingMarker = null;
      current.text += text;
      leaves.push({ node, line: lines.length });
      return;
    }
    if (!DomUtils.isTag(node)) return;
    const marker = node.attribs[QUOTE_MARKER] as Marker | undefined;
    const block = BLOCK.has(node.name) || marker !== undefined;
    // A line break with no text before it is an empty line (`<div><br></div>`, `<br><br>`).
    if (node.name === "br" && !current) lines.push({ text: "", quoted, marker: null });
    if (block || node.name === "br") flush();
    // The marker belongs to the first line inside the element: that is where the history starts.
    if (marker === "rest" || marker === "attribution") pendingMarker = marker;
    if (node.children.length === 0) leaves.push({ node, line: null });
    for (const child of node.children) visit(child, quoted || marker === "quote");
    if (block) flush();
  };
  for (const child of root.children) visit(child, false);
  flush();
  return { lines, leaves };
}

type State = "hidden" | "visible" | "none";

/**
 * The sanitized HTML with its quoted history marked by `data-quoted-history`: the element where
 * the history starts and everything after it, or each quote and its attribution when answers are
 * written between them. A forward's content is not marked (`forward`: the subject says so).
 */
export function markQuotedHistory(html: string, options: { forward: boolean }): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const { lines, leaves } = readLines(doc);
  const history = historyLines(lines, options);
  // As in the text body: a message that is all history is shown whole, not as an empty frame.
  const hidden = lines.some((line, index) => !history[index] && line.text.trim() !== "") ? history : history.map(() => false);
  let restFrom = hidden.length;
  while (restFrom > 0 && hidden[restFrom - 1]) restFrom -= 1;
  const firstRestLeaf = leaves.findIndex((leaf) => leaf.line !== null && leaf.line >= restFrom);
  let restLeaf = firstRestLeaf === -1 ? leaves.length : firstRestLeaf;
  // Outlook draws an <hr> above its header block: it goes with the history.
  for (let index = restLeaf - 1; index >= 0 && leaves[index]!.line === null; index -= 1) {
    if (DomUtils.isTag(leaves[index]!.node) && (leaves[index]!.node as Element).name === "hr") restLeaf = index;
  }

  const leafState = new Map<AnyNode, State>(
    leaves.map((leaf, index): [AnyNode, State] => {
      if (index >= restLeaf) return [leaf.node, "hidden"];
      return [leaf.node, leaf.line === null ? "none" : hidden[leaf.line] ? "hidden" : "visible"];
    }),
  );
  const states = new Map<AnyNode, State | "mixed">();
  const stateOf = (node: AnyNode): State | "mixed" => {
    const known = leafState.get(node) ?? states.get(node);
    if (known) return known;
    const children = DomUtils.hasChildren(node) ? node.children.map(stateOf) : [];
    const state =
      children.includes("mixed") || (children.includes("hidden") && children.includes("visible"))
        ? "mixed"
        : (children.find((child) => child !== "none") ?? "none");
    states.set(node, state);
    return state;
  };
  const mark = (node: AnyNode) => {
    const state = stateOf(node);
    if (state === "mixed" && DomUtils.hasChildren(node)) return node.children.slice().forEach(mark);
    if (state !== "hidden") return;
    if (DomUtils.isTag(node)) node.attribs[HISTORY_ATTRIBUTE] = "";
    else if (DomUtils.isText(node)) {
      const span = new Element("span", { [HISTORY_ATTRIBUTE]: "" });
      DomUtils.replaceElement(node, span);
      DomUtils.appendChild(span, node);
    }
  };
  if (!hidden.includes(true) && !html.includes(QUOTE_MARKER)) return html;
  doc.children.slice().forEach(mark);
  for (const element of DomUtils.findAll((node) => QUOTE_MARKER in node.attribs, doc.children)) delete element.attribs[QUOTE_MARKER];
  return DomUtils.getOuterHTML(doc, { encodeEntities: "utf8" });
}
