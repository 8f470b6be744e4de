import type { QuestionAnalysis, QuestionType } from "../retrieval/question-analysis.js";
import { forEachToken } from "../text/tokenize.js";
import { EXACT_TYPES, SPECIFIC_TYPES } from "./answer-types.js";
import { LEARNED_RANKER } from "./sentence-ranker-model.js";

/*
 * A learned order of the extractive composer's candidate sentences. The composer's own
 * score is hand-weighted (terms covered × passage share × bonuses for evidence and
 * focus); the ranker weighs those same signals and a few the score ignores (where the
 * sentence sits, how much of the question's rarest terms it holds, its length) with
 * weights learned from the gold questions' tune split and the crawl's question-answer
 * pairs (`bench/learn-ranker.ts`: a listwise logistic model; the measure split is never
 * read). It orders the candidates; which of them may
 * answer (the evidence a question's type asks for, its situation) is still the
 * composer's rule, so a learned weight can never make a sentence without a date answer
 * "khi nào".
 */

/** What the ranker reads of one candidate sentence. */
export interface RankerInput {
  /** The composer's score, and the best candidate's of the same question. */
  score: number;
  bestScore: number;
  /** The question's term value the sentence holds, as a share of all of it (0..1). */
  coverage: number;
  /** The share of the question's three most valuable terms the sentence holds (0..1). */
  rareCoverage: number;
  /** The passage's weight against the best passage (0..1). */
  prior: number;
  evidence: boolean;
  /** How many of the focus's names the sentence holds (0, 1, 2). */
  focusNames: number;
  /** Whether the composer's rule lets the sentence answer the question. */
  answers: boolean;
  passageIndex: number;
  sentenceIndex: number;
  words: number;
  text: string;
  /** The share of the question's two-syllable terms' value the sentence holds (0..1). */
  bigramCoverage: number;
  /** The longest run of the question's words the sentence repeats (`sharedRunOf`). */
  sharedRun: number;
  type: QuestionType;
  /** The question's share in the clause holding the asked-for detail (`detailCoverage`). */
  detailCoverage: number;
}

/** The features, in the order of the model's weights. */
export const RANKER_FEATURES = [
  "relative score",
  "log relative score",
  "coverage",
  "rare coverage",
  "prior",
  "evidence",
  "focus names",
  "answers",
  "first passage",
  "passage rank",
  "first sentence",
  "log words",
  "has digits",
  "announces a list",
  "trimmed",
  "bigram coverage",
  "longest shared run",
  "coverage per word",
  "digits, count or date asked",
  "evidence, specific type",
  "detail with the question's terms",
] as const;

export function rankerFeatures(input: RankerInput): number[] {
  const relative = input.bestScore > 0 ? input.score / input.bestScore : 0;
  return [
    relative,
    Math.log(relative + 0.01),
    input.coverage,
    input.rareCoverage,
    input.prior,
    input.evidence ? 1 : 0,
    Math.min(2, input.focusNames) / 2,
    input.answers ? 1 : 0,
    input.passageIndex === 0 ? 1 : 0,
    1 / (1 + input.passageIndex),
    input.sentenceIndex === 0 ? 1 : 0,
    Math.log(1 + input.words),
    /\d/.test(input.text) ? 1 : 0,
    input.text.endsWith(":") ? 1 : 0,
    input.text.startsWith("…") || input.text.endsWith("…") ? 1 : 0,
    input.bigramCoverage,
    Math.min(MAX_RUN, input.sharedRun) / MAX_RUN,
    (10 * input.coverage) / Math.max(5, input.words),
    EXACT_TYPES.has(input.type) && /\d/.test(input.text) ? 1 : 0,
    SPECIFIC_TYPES.has(input.type) && input.evidence ? 1 : 0,
    input.detailCoverage,
  ];
}

/** Words of a question that say what kind of question it is, not what it is about. */
const QUESTION_WORDS = new Set([
  "ai",
  "nao",
  "gi",
  "bao",
  "nhieu",
  "may",
  "khong",
  "the",
  "sao",
  "dau",
  "la",
  "co",
]);

/**
 * The longest run of the question's words, in its order, that the sentence repeats (at
 * most 4 counted): "Ban Chấp hành Trung ương khóa XII ... bầu ra" against a sentence on
 * the Ủy ban Kiểm tra that it elected. A run of question words alone ("là gì") does not
 * count. One question's words are read once for all its candidates.
 */
export function sharedRunOf(questionFolded: string): (sentenceFolded: string) => number {
  const words = questionFolded.split(WORD_BREAK).filter(Boolean);
  // contentBefore[i]: how many of the first i question words say what it is about.
  const contentBefore = new Int32Array(words.length + 1);
  words.forEach((w, i) => {
    contentBefore[i + 1] = contentBefore[i]! + (QUESTION_WORDS.has(w) ? 0 : 1);
  });
  const positions = new Map<string, number[]>();
  words.forEach((w, i) => {
    positions.set(w, [...(positions.get(w) ?? []), i]);
  });
  // run[i]: the run ending at question word i and the previous sentence word; two rows
  // reused (only the entries a word set are cleared), not one allocated per sentence word.
  let run = new Int32Array(words.length);
  let next = new Int32Array(words.length);
  const none: number[] = [];
  return (sentenceFolded) => {
    let best = 0;
    run.fill(0);
    let previous = none;
    // The sentence's words as the tokenizer scans them (splitting on a letter class cost
    // a tenth of the ranker's time).
    forEachToken(sentenceFolded, (start, end) => {
      const at = positions.get(sentenceFolded.slice(start, end)) ?? none;
      for (const i of at) {
        const length = (i > 0 ? run[i - 1]! : 0) + 1;
        next[i] = length;
        if (length > best && contentBefore[i + 1]! - contentBefore[i + 1 - length]! > 0) best = length;
      }
      for (const i of previous) run[i] = 0;
      [run, next] = [next, run];
      previous = at;
    });
    return Math.min(MAX_RUN, best);
  };
}

const WORD_BREAK = /[^\p{L}\p{N}]+/u;
const MAX_RUN = 4;

/** A model as `bench/learn-ranker.ts` writes it. */
export interface RankerModel {
  features: readonly string[];
  weights: readonly number[];
}

/** The linear score of a candidate's features (higher ranks first). */
export function rankerScore(features: readonly number[], ranker: RankerModel): number {
  let sum = 0;
  for (let i = 0; i < features.length; i++) sum += (ranker.weights[i] ?? 0) * features[i]!;
  return sum;
}

/**
 * The committed model, or none when it was learned on other features than these (a
 * feature added without learning again): the composer then keeps its own order.
 */
export function learnedRanker(): RankerModel | undefined {
  const stored: RankerModel = LEARNED_RANKER;
  const same =
    stored.features.length === RANKER_FEATURES.length &&
    stored.features.every((name, i) => name === RANKER_FEATURES[i]);
  return same && stored.weights.length === RANKER_FEATURES.length ? stored : undefined;
}

/** The question's `count` most valuable terms (ties in map order). */
export function topTerms(termValues: ReadonlyMap<string, number>, count = 3): string[] {
  return [...termValues]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([term]) => term);
}

/** One question's candidates as the composer saw them: what `bench/learn-ranker.ts` learns from. */
export interface RankerTraceRow {
  question: QuestionAnalysis | undefined;
  candidates: Array<{ text: string; features: number[]; answers: boolean }>;
}

/**
 * Where the composer reports its candidates when someone listens (the learning bench
 * does; the bot never sets it).
 */
export const rankerTrace: { observe?: (row: RankerTraceRow) => void } = {};
