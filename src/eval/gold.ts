import { z } from "zod";
import type { AnswerMode, AskResult } from "../answer/types.js";
import { normalizeForMatch } from "../text/index.js";
import { parseJsonLines } from "./json-lines.js";

/** One gold question (format of the project's eval files, `../shared/eval/README.md`). */
export const GoldQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  relevant: z.array(z.object({ source: z.string(), contains: z.string().default("") })).default([]),
  /** Phrases the answer must contain, every one of them. */
  answer_contains: z.array(z.string()).default([]),
  /** Phrases of which the answer must contain at least one: the ways a right answer can say it. */
  answer_any: z.array(z.string()).default([]),
  answerable: z.boolean().default(true),
  /** What kind of question it is (the gold file's own label); kept for reports, not scored. */
  type: z.string().optional(),
  /**
   * For a follow-up: the question it replies to, as the cadre asked it. That question is
   * asked first and its answer is the one replied to; only the reply is judged and timed.
   */
  previous: z.string().optional(),
});
export type GoldQuestion = z.infer<typeof GoldQuestionSchema>;

/** Parses JSON Lines; a bad line fails with its line number. */
export function parseGoldQuestions(text: string): GoldQuestion[] {
  return parseJsonLines(text, GoldQuestionSchema);
}

/** Which part of the gold questions a question belongs to (see `goldSplit`). */
export type GoldSplit = "tune" | "measure";

/**
 * The project's rule for which gold questions may be tuned on: a question whose id
 * hashes even (FNV-1a, 32 bits, over the id's UTF-8 bytes) is in "tune", one that
 * hashes odd is in "measure". Work on the answers may look at the tune questions that
 * fail; the measure questions are only ever counted, never read one by one, so their
 * figures stay an estimate for questions nobody has seen. The rule depends on the id
 * alone: adding or reordering questions never moves one to the other part.
 */
export function goldSplit(id: string): GoldSplit {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 2 === 0 ? "tune" : "measure";
}

/** The questions of one split, in file order. */
export function questionsOfSplit(questions: readonly GoldQuestion[], split: GoldSplit): GoldQuestion[] {
  return questions.filter((q) => goldSplit(q.id) === split);
}

/** 1-based rank of the first retrieved passage that satisfies a relevance rule, or null. */
export function firstHitRank(
  question: GoldQuestion,
  retrieved: Array<{ source: string; text: string }>,
  depth = 10,
): number | null {
  const rules = question.relevant.map((r) => ({ source: r.source, contains: normalizeForMatch(r.contains) }));
  for (let i = 0; i < Math.min(depth, retrieved.length); i++) {
    const passage = retrieved[i]!;
    const text = normalizeForMatch(passage.text);
    if (rules.some((r) => r.source === passage.source && (r.contains === "" || text.includes(r.contains)))) {
      return i + 1;
    }
  }
  return null;
}

/** True when the question sets phrases for its answer (`answer_contains` or `answer_any`). */
export function hasAnswerPhrases(question: GoldQuestion): boolean {
  return question.answer_contains.length > 0 || question.answer_any.length > 0;
}

/** Every `answer_contains` phrase, and one `answer_any` phrase when there are any. */
export function answerContainsAll(question: GoldQuestion, answer: string): boolean {
  const normalized = normalizeForMatch(answer);
  const holds = (phrase: string) => normalized.includes(normalizeForMatch(phrase));
  return (
    question.answer_contains.every(holds) &&
    (question.answer_any.length === 0 || question.answer_any.some(holds))
  );
}

/** True when the answer holds none of the expected phrases (of either list). */
function holdsNoPhrase(question: GoldQuestion, answer: string): boolean {
  const normalized = normalizeForMatch(answer);
  return ![...question.answer_contains, ...question.answer_any].some((phrase) =>
    normalized.includes(normalizeForMatch(phrase)),
  );
}

/** One question's run, as `eval --json` prints it. */
export interface EvalRow {
  id: string;
  retrieved: Array<{ source: string; text: string }>;
  answer: string;
  /** Which path answered; "conversation" is a reply to chatter, not an answer from documents. */
  mode: AnswerMode;
  declined: boolean;
  ms: number;
}

/** The eval row of an ask result (the CLI and the bench build rows the same way). */
export function toEvalRow(id: string, result: AskResult): EvalRow {
  return {
    id,
    retrieved: result.retrieved.map((r) => ({ source: r.source, text: r.text })),
    answer: result.answer,
    mode: result.mode,
    declined: result.declined,
    ms: result.ms,
  };
}

/** Why a question counts against the bot; none when it passed. */
export type EvalFailure =
  /** Answerable, but the bot said the documents do not answer. */
  | "declined"
  /** Answered with none of the expected phrases. */
  | "wrong"
  /** Answered with some expected phrases but not all that are required. */
  | "incomplete"
  /** Answerable without answer phrases, and no relevant passage in the top 5. */
  | "not_retrieved"
  /** Unanswerable, and answered from the documents anyway. */
  | "not_declined";

/** What one question's row shows, before it is counted. */
export interface EvalJudgement {
  /** Rank of the first relevant passage within 10, or null (answerable questions only). */
  rank: number | null;
  /** Neither declined nor a conversational reply: an answer from the documents. */
  answered: boolean;
  /** The answer has every required phrase (only for answerable questions with phrases). */
  hit: boolean;
  failure: EvalFailure | null;
}

/** Judges one row against its question (the measures `summarize` counts). */
export function judgeRow(question: GoldQuestion, row: EvalRow): EvalJudgement {
  const answered = !row.declined && row.mode !== "conversation";
  if (!question.answerable) {
    return { rank: null, answered, hit: false, failure: answered ? "not_declined" : null };
  }
  const rank = firstHitRank(question, row.retrieved, 10);
  const hit = hasAnswerPhrases(question) && !row.declined && answerContainsAll(question, row.answer);
  let failure: EvalFailure | null = null;
  if (row.declined) failure = "declined";
  else if (hasAnswerPhrases(question)) {
    if (!hit) failure = holdsNoPhrase(question, row.answer) ? "wrong" : "incomplete";
  } else if (question.relevant.length > 0 && (rank === null || rank > 5)) failure = "not_retrieved";
  return { rank, answered, hit, failure };
}

export interface EvalSummary {
  "recall@1": number;
  "recall@5": number;
  "mrr@10": number;
  /** Answerable questions with phrases whose answer has every required phrase (share). */
  answer_hit: number;
  /** Unanswerable questions declined (share). */
  decline_accuracy: number;
  /** Answerable questions the bot wrongly declined (share of answerable ones). */
  false_decline_rate: number;
  /**
   * Answerable questions with phrases that were answered (not declined, not a
   * conversational reply) with none of the expected phrases, as a share of those answered.
   */
  answered_wrong_rate: number;
  /** Unanswerable questions declined or met with a conversational reply (share). */
  unanswerable_handled: number;
  p50_ms: number;
  p95_ms: number;
  n: number;
  answerable: number;
  unanswerable: number;
}

/** The metrics of the eval format: recall and answers over answerable questions, declines over the others. */
export function summarize(questions: GoldQuestion[], rows: EvalRow[]): EvalSummary {
  const byId = new Map(rows.map((r) => [r.id, r]));
  let answerable = 0;
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  let withPhrases = 0;
  let phraseHits = 0;
  let answeredWithPhrases = 0;
  let answeredWrong = 0;
  let unanswerable = 0;
  let correctDeclines = 0;
  let handled = 0;
  let falseDeclines = 0;
  for (const q of questions) {
    const row = byId.get(q.id);
    if (!row) continue;
    const judged = judgeRow(q, row);
    if (!q.answerable) {
      unanswerable++;
      if (row.declined) correctDeclines++;
      if (!judged.answered) handled++;
      continue;
    }
    answerable++;
    if (row.declined) falseDeclines++;
    if (judged.rank !== null) {
      if (judged.rank <= 1) r1++;
      if (judged.rank <= 5) r5++;
      mrr += 1 / judged.rank;
    }
    if (hasAnswerPhrases(q)) {
      withPhrases++;
      if (judged.hit) phraseHits++;
      if (judged.answered) {
        answeredWithPhrases++;
        if (judged.failure === "wrong") answeredWrong++;
      }
    }
  }
  const latencies = rows.map((r) => r.ms).sort((a, b) => a - b);
  return {
    "recall@1": ratio(r1, answerable),
    "recall@5": ratio(r5, answerable),
    "mrr@10": ratio(mrr, answerable),
    answer_hit: ratio(phraseHits, withPhrases),
    decline_accuracy: ratio(correctDeclines, unanswerable),
    false_decline_rate: ratio(falseDeclines, answerable, 0),
    answered_wrong_rate: ratio(answeredWrong, answeredWithPhrases, 0),
    unanswerable_handled: ratio(handled, unanswerable),
    p50_ms: percentile(latencies, 0.5),
    p95_ms: percentile(latencies, 0.95),
    n: rows.length,
    answerable,
    unanswerable,
  };
}

/** a / b to four decimals; `empty` when there is nothing to divide (a share of no questions). */
export function ratio(a: number, b: number, empty = 1): number {
  return b === 0 ? empty : Math.round((a / b) * 10000) / 10000;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round(sorted[index]! * 1000) / 1000;
}

/** The summary of each split's questions (see `goldSplit`). */
export function summarizeBySplit(questions: GoldQuestion[], rows: EvalRow[]): Record<GoldSplit, EvalSummary> {
  const part = (split: GoldSplit) => {
    const ids = new Set(questions.filter((q) => goldSplit(q.id) === split).map((q) => q.id));
    return summarize(
      questions.filter((q) => ids.has(q.id)),
      rows.filter((r) => ids.has(r.id)),
    );
  };
  return { tune: part("tune"), measure: part("measure") };
}
