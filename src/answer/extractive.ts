import { passageIndexText } from "../retrieval/passage-text.js";
import { analyzeForIndex, splitSentences, toSyllables } from "../text/index.js";
import { answerMessages } from "./messages.js";
import type { Citation, Passage } from "./types.js";

/** Tuning of the extractive composer. */
export interface ExtractiveOptions {
  /** Upper bound on the answer's length in words (the issue asks for about 120). */
  maxWords: number;
  /** Only the best passages are read for sentences. */
  passageDepth: number;
  /** A further sentence is added only if it scores at least this share of the best one. */
  relativeFloor: number;
  /** Long sentences are cut to the clauses that match, within this many words. */
  maxSentenceWords: number;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = {
  maxWords: 120,
  passageDepth: 3,
  relativeFloor: 0.55,
  maxSentenceWords: 60,
};

export interface ComposedAnswer {
  answer: string;
  citations: Citation[];
  declined: boolean;
}

interface Candidate {
  passageIndex: number;
  sentenceIndex: number;
  text: string;
  score: number;
  matched: Set<string>;
}

/**
 * Builds an answer from the passages' own sentences, no model involved: the sentences
 * that cover most of the question's weighted terms, each followed by the citation of
 * its passage. `termValues` maps query terms (folded syllables, bigrams) to weight × idf.
 */
export function composeExtractiveAnswer(
  passages: Passage[],
  termValues: Map<string, number>,
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
): ComposedAnswer {
  const candidates: Candidate[] = [];
  passages.slice(0, options.passageDepth).forEach((passage, passageIndex) => {
    // Passages further down the ranking need to match better to be chosen.
    const prior = 1 / (1 + 0.25 * passageIndex);
    splitSentences(passage.chunk.text).forEach((span, sentenceIndex) => {
      const text = trimSentence(span.text.trim(), termValues, options.maxSentenceWords);
      if (toSyllables(text).length < 3) return;
      const { score, matched } = scoreText(text, termValues);
      if (score > 0) candidates.push({ passageIndex, sentenceIndex, text, score: score * prior, matched });
    });
  });
  if (candidates.length === 0) return decline();

  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  const chosen: Candidate[] = [best];
  const covered = new Set(best.matched);
  let words = wordCount(best.text);
  for (const c of candidates.slice(1)) {
    if (c.score < best.score * options.relativeFloor) break;
    const adds = [...c.matched].some((t) => !covered.has(t));
    const w = wordCount(c.text);
    if (!adds || words + w > options.maxWords) continue;
    chosen.push(c);
    for (const t of c.matched) covered.add(t);
    words += w;
  }
  chosen.sort((a, b) => a.passageIndex - b.passageIndex || a.sentenceIndex - b.sentenceIndex);

  const numberOf = new Map<number, number>();
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const c of chosen) {
    let n = numberOf.get(c.passageIndex);
    if (n === undefined) {
      n = citations.length + 1;
      numberOf.set(c.passageIndex, n);
      citations.push(toCitation(n, passages[c.passageIndex]!));
    }
    parts.push(`${c.text} [${n}]`);
  }
  return { answer: parts.join(" "), citations, declined: false };
}

export function decline(): ComposedAnswer {
  return { answer: answerMessages.notFound, citations: [], declined: true };
}

export function toCitation(n: number, passage: Passage): Citation {
  return {
    n,
    docId: passage.doc.docId,
    source: passage.doc.source,
    title: passage.doc.title,
    number: passage.doc.number,
    date: passage.doc.date,
    section: passage.chunk.headingPath.join(" › "),
    chunkId: passage.chunk.chunkId,
    text: passage.chunk.text,
  };
}

function scoreText(text: string, termValues: Map<string, number>): { score: number; matched: Set<string> } {
  const terms = analyzeForIndex(text).terms;
  let score = 0;
  const matched = new Set<string>();
  for (const [term, value] of termValues) {
    if ((terms[term] ?? 0) > 0) {
      score += value;
      matched.add(term);
    }
  }
  return { score, matched };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Cuts a long sentence to its best contiguous run of clauses (split at , ; :) that
 * fits `maxWords`, marking the cuts with "…". Short sentences pass unchanged.
 */
function trimSentence(sentence: string, termValues: Map<string, number>, maxWords: number): string {
  if (wordCount(sentence) <= maxWords) return sentence;
  const clauses = sentence.split(/(?<=[,;:])\s+/);
  let bestStart = 0;
  let bestEnd = 0;
  let bestScore = -1;
  for (let start = 0; start < clauses.length; start++) {
    let words = 0;
    for (let end = start; end < clauses.length; end++) {
      words += wordCount(clauses[end]!);
      if (words > maxWords) break;
      const score = scoreText(clauses.slice(start, end + 1).join(" "), termValues).score;
      if (score > bestScore) {
        bestScore = score;
        bestStart = start;
        bestEnd = end;
      }
    }
  }
  if (bestScore < 0) return `${sentence.split(/\s+/).slice(0, maxWords).join(" ")}…`;
  let text = clauses.slice(bestStart, bestEnd + 1).join(" ");
  if (bestEnd < clauses.length - 1) text = `${text.replace(/[,;:]$/, "")}…`;
  if (bestStart > 0) text = `…${text}`;
  return text;
}

/** The text a passage's coverage is judged on (title and headings included). */
export function passageText(passage: Passage): string {
  return passageIndexText(passage.chunk, passage.doc.title);
}
