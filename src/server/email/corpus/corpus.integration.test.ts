import fs from "node:fs";
import path from "node:path";
import type { AnyNode } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HISTORY_ATTRIBUTE } from "@/server/email/html-quotes";
import { useTestDatabase } from "@/test/database";
import { seedInboundWorkspace } from "@/test/inbound";
import { postProvider } from "@/test/provider-inbound";

/** One corpus message (see README.md): what the agent must see first, and where the history starts. */
interface CorpusEntry {
  file: string;
  family: string;
  variant: string;
  lang: string;
  kind: "reply" | "inline" | "forward" | "new";
  /** The stored bodyText. */
  visible: string;
  /** The HTML view's visible text, when the HTML part says something else than the text part. */
  visibleHtml?: string;
  /** How the history starts (text and HTML), or null when nothing is history. */
  fold: string | null;
  charset?: string;
  /** Set for a message that fails for a reason outside quote folding (e.g. charset decoding): run with it.fails. */
  expectedFailure?: string;
}

const CORPUS = import.meta.dirname;
const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, "manifest.json"), "utf8")) as CorpusEntry[];
const db = useTestDatabase();
let secret = "";

beforeAll(async () => {
  secret = (await seedInboundWorkspace(db())).ticketMailbox.inboundSecret;
});

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const BLOCK = /^(?:p|div|br|blockquote|li|tr|table|h[1-6]|pre|hr)$/;

/** The text of the stored HTML, split into what the view shows folded and what it hides. */
function htmlTexts(html: string): { shown: string; hidden: string } {
  const shown: string[] = [];
  const hidden: string[] = [];
  const visit = (node: AnyNode, inHistory: boolean) => {
    const target = inHistory ? hidden : shown;
    if (DomUtils.isText(node)) return void target.push(node.data);
    if (!DomUtils.isTag(node)) return;
    const history = inHistory || HISTORY_ATTRIBUTE in node.attribs;
    if (BLOCK.test(node.name)) (history ? hidden : shown).push(" ");
    for (const child of node.children) visit(child, history);
    if (BLOCK.test(node.name)) (history ? hidden : shown).push(" ");
  };
  for (const node of parseDocument(html, { decodeEntities: true }).children) visit(node, false);
  return { shown: squash(shown.join("")), hidden: squash(hidden.join("")) };
}

interface Verdict {
  text: boolean;
  html: boolean | null;
  problems: string[];
}

function judge(entry: CorpusEntry, message: { bodyText: string; bodyTextFull: string | null; bodyHtml: string | null }): Verdict {
  const problems: string[] = [];
  const full = message.bodyTextFull ?? "";
  const textFold = entry.fold === null ? squash(message.bodyText) === squash(full) : full.includes(entry.fold) && !message.bodyText.includes(entry.fold);
  if (message.bodyText !== entry.visible) problems.push(`bodyText: ${JSON.stringify(message.bodyText)}`);
  if (!textFold) problems.push(`text fold point is not ${JSON.stringify(entry.fold)}`);
  let html: boolean | null = null;
  if (message.bodyHtml !== null) {
    const { shown, hidden } = htmlTexts(message.bodyHtml);
    const shownRight = shown === squash(entry.visibleHtml ?? entry.visible);
    const foldRight = entry.fold === null ? hidden === "" : hidden.startsWith(squash(entry.fold));
    if (!shownRight) problems.push(`HTML shows: ${JSON.stringify(shown)}`);
    if (!foldRight) problems.push(`HTML folds: ${JSON.stringify(hidden.slice(0, 120))}`);
    html = shownRight && foldRight;
  }
  return { text: message.bodyText === entry.visible && textFold, html, problems };
}

const verdicts = new Map<CorpusEntry, Verdict>();

/** Per client family: messages whose visible text and fold point are right, in the text body and in the HTML view. */
function figures(): string {
  const families = [...new Set(manifest.map((entry) => entry.family))];
  const rows = families.map((family) => {
    const entries = manifest.filter((entry) => entry.family === family);
    const judged = entries.map((entry) => verdicts.get(entry)).filter((verdict) => verdict !== undefined);
    const withHtml = judged.filter((verdict) => verdict.html !== null);
    const right = judged.filter((verdict) => verdict.text && verdict.html !== false).length;
    const percent = (count: number, of: number) => (of === 0 ? "—" : `${count}/${of} (${Math.round((100 * count) / of)}%)`);
    return [
      family.padEnd(14),
      percent(judged.filter((verdict) => verdict.text).length, judged.length).padEnd(14),
      percent(withHtml.filter((verdict) => verdict.html).length, withHtml.length).padEnd(14),
      percent(right, judged.length),
    ].join(" ");
  });
  return ["family         text body      HTML view      both right", ...rows].join("\n");
}

afterAll(() => {
  if (verdicts.size > 0) console.log(`Quote corpus, ${verdicts.size} messages through POST /api/inbound/mime:\n${figures()}`);
});

describe("the quote corpus through the MIME route", () => {
  it("has at least 60 messages, each file in the manifest once", () => {
    const files = fs.readdirSync(CORPUS).filter((file) => file.endsWith(".eml"));
    expect(manifest.length).toBeGreaterThanOrEqual(60);
    expect(manifest.map((entry) => entry.file).sort()).toEqual(files.sort());
  });

  for (const entry of manifest) {
    const run = entry.expectedFailure ? it.fails : it;
    run(`${entry.family} ${entry.variant} ${entry.kind} (${entry.lang}${entry.charset ? `, ${entry.charset}` : ""}): ${entry.file}`, async () => {
      const res = await postProvider("mime", fs.readFileSync(path.join(CORPUS, entry.file)), "message/rfc822", { secret });
      expect(res.status).toBe(200);
      const message = await db().message.findUniqueOrThrow({ where: { id: res.json.messageId } });
      const verdict = judge(entry, message);
      verdicts.set(entry, verdict);
      expect(verdict.problems).toEqual([]);
    });
  }
});
