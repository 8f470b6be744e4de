import type { AskResult } from "../answer/types.js";
import { markdownToText } from "../ingest/markdown-to-text.js";
import { normalizeForMatch } from "../text/index.js";
import { fnv1a } from "./qa-pairs.js";

/*
 * Judging an answer to a crawl question-answer pair (src/eval/qa-pairs.ts): where its
 * first quoted sentence comes from on the page. Pure; bench/qa-pairs.ts asks and counts.
 */

/**
 * Text made comparable with what the store holds, for substring matching: Markdown as
 * the ingest reads it (markdownToText), then the emphasis marks it leaves (a "**" that
 * opens before a space stays in the stored text) turned to spaces, then normalizeForMatch.
 * Quotes are compared after the same treatment (see quoteAnchor).
 */
export function matchKey(markdown: string): string {
  return looseKey(markdownToText(markdown));
}

function looseKey(text: string): string {
  return normalizeForMatch(text.replace(/\*+/gu, " "));
}

/**
 * The first sentence an answer quotes: its text before the first citation marker
 * (" [1]"), or null when the answer has none (a decline, a conversational reply).
 */
export function firstQuotedSentence(answer: string): string | null {
  const marker = /\s\[\d+\]/u.exec(answer);
  if (!marker) return null;
  const text = answer.slice(0, marker.index).trim();
  return text === "" ? null : text;
}

/** Fragments shorter than this (in characters, normalized) say too little to be located. */
const MIN_FRAGMENT_CHARS = 12;

/**
 * The longest stretch of a quoted sentence that is verbatim page text: the composer
 * marks left-out clauses with "…", quotes the list an "...:" sentence announces after
 * it and joins list items and table cells with "; ", so the quote as a whole need not
 * occur on the page; its longest piece does. Null when no piece is long enough to say
 * where it came from.
 */
export function quoteAnchor(quote: string): string | null {
  const pieces = quote
    .split(/…|[;:]\s/u)
    .map((piece) => looseKey(piece).replace(/^[\s.,;:]+|[\s.,;:]+$/gu, ""))
    .filter((piece) => piece.length >= MIN_FRAGMENT_CHARS);
  pieces.sort((a, b) => b.length - a.length);
  return pieces[0] ?? null;
}

/** Where an answer's first quoted sentence was found. */
export type QuoteLocation = "answer" | "heading" | "elsewhere" | "unlocated";

/** The texts a quote is looked for in, each already passed through matchKey. */
export interface PairTexts {
  answer: string;
  heading: string;
  page: string;
}

/**
 * Where a quote comes from: the pair's answer section (right), its heading (the
 * question read back), elsewhere on the page (another question's answer, the page's
 * furniture), or nowhere found (text the ingest changed beyond normalization).
 */
export function locateQuote(quote: string, texts: PairTexts): QuoteLocation {
  const anchor = quoteAnchor(quote);
  if (anchor === null) return "unlocated";
  if (texts.answer.includes(anchor)) return "answer";
  if (texts.heading.includes(anchor)) return "heading";
  if (texts.page.includes(anchor)) return "elsewhere";
  return "unlocated";
}

/**
 * The same rule as the gold questions' split (FNV-1a of the id, even: "tune"): work on
 * the answers may read the tune pairs that fail; the measure pairs are only counted.
 */
export function pairSplit(id: string): "tune" | "measure" {
  return fnv1a(id) % 2 === 0 ? "tune" : "measure";
}

/** How one asked pair ended. */
export type PairOutcome = QuoteLocation | "declined" | "conversation" | "error";
const OUTCOMES: readonly PairOutcome[] = [
  "answer",
  "heading",
  "elsewhere",
  "unlocated",
  "declined",
  "conversation",
  "error",
];

/** One row of the score table: a type (or "all", or a split) and its outcomes. */
export interface ScoreRow {
  group: string;
  n: number;
  right: number;
  right_rate: number;
  heading: number;
  elsewhere: number;
  unlocated: number;
  declined: number;
  conversation: number;
  error: number;
}

/** Judges one answer against its pair (texts already passed through matchKey). */
export function judgeAnswer(
  result: Pick<AskResult, "answer" | "declined" | "mode">,
  texts: { answer: string; heading: string; page: string },
): PairOutcome {
  if (result.declined) return "declined";
  if (result.mode === "conversation") return "conversation";
  const quote = firstQuotedSentence(result.answer);
  return quote === null ? "unlocated" : locateQuote(quote, texts);
}

/** Counts outcomes into rows: one per group, in the order the groups are given. */
export function scoreRows(
  judged: ReadonlyArray<{ groups: readonly string[]; outcome: PairOutcome }>,
  order: readonly string[],
): ScoreRow[] {
  const counts = new Map<string, Record<PairOutcome, number>>();
  for (const group of order) counts.set(group, Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as never);
  for (const { groups, outcome } of judged) {
    for (const group of groups) {
      const c = counts.get(group);
      if (c) c[outcome]++;
    }
  }
  return order.map((group) => {
    const c = counts.get(group)!;
    const n = OUTCOMES.reduce((sum, o) => sum + c[o], 0);
    return {
      group,
      n,
      right: c.answer,
      right_rate: n === 0 ? 0 : Math.round((c.answer / n) * 1000) / 1000,
      heading: c.heading,
      elsewhere: c.elsewhere,
      unlocated: c.unlocated,
      declined: c.declined,
      conversation: c.conversation,
      error: c.error,
    };
  });
}
