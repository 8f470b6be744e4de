import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { foldDiacritics } from "../text/index.js";
import { clauseHoldsDetail } from "./answer-evidence.js";
import {
  type RankerInput,
  type RankerModel,
  rankerFeatures,
  rankerScore,
  rankerTrace,
  sharedRunOf,
} from "./sentence-ranker.js";
import { termsOf, wordCount } from "./sentence-terms.js";

/** What the ordering reads of a composer's candidate, beyond what the ranker is given. */
export type OrderedCandidate = Omit<
  RankerInput,
  "bestScore" | "answers" | "words" | "sharedRun" | "type" | "detailCoverage"
> & { folded: string };

/**
 * How many of the composer's best candidates the ranker orders: the rest follow in the
 * score's order. A sentence scored below these hardly ever leads, and weighing every
 * candidate of ten long passages cost milliseconds a question.
 */
export const RANKED_DEPTH = 24;

/**
 * Orders the composer's best candidates (sorted by its score, best first) by the learned
 * ranker, and reports them to a listening learner. Ties keep the score's order.
 */
export function orderByRanker<C extends OrderedCandidate>(
  candidates: C[],
  answers: (c: C) => boolean,
  question: QuestionAnalysis,
  model: RankerModel | undefined,
  termValues: ReadonlyMap<string, number>,
): void {
  if (candidates.length === 0 || (model === undefined && rankerTrace.observe === undefined)) return;
  const bestScore = candidates[0]!.score;
  const sharedRun = sharedRunOf(question.folded);
  let questionValue = 0;
  for (const value of termValues.values()) questionValue += value;
  const ranked = candidates.slice(0, RANKED_DEPTH);
  const rows = ranked.map((c) => {
    const answering = answers(c);
    // Named field by field: spreading the candidate made a new object's shape each time.
    const features = rankerFeatures({
      score: c.score,
      bestScore,
      coverage: c.coverage,
      rareCoverage: c.rareCoverage,
      prior: c.prior,
      evidence: c.evidence,
      focusNames: c.focusNames,
      answers: answering,
      passageIndex: c.passageIndex,
      sentenceIndex: c.sentenceIndex,
      words: wordCount(c.text),
      text: c.text,
      bigramCoverage: c.bigramCoverage,
      sharedRun: sharedRun(c.folded),
      type: question.type,
      detailCoverage: c.evidence ? detailCoverage(question, c.text, termValues, questionValue) : 0,
    });
    return { candidate: c, features, answering };
  });
  rankerTrace.observe?.({
    question,
    candidates: rows.map((r) => ({ text: r.candidate.text, features: r.features, answers: r.answering })),
  });
  if (model === undefined) return;
  const scored = rows.map((r, i) => ({ candidate: r.candidate, i, learned: rankerScore(r.features, model) }));
  scored.sort((a, b) => b.learned - a.learned || a.i - b.i);
  candidates.splice(0, ranked.length, ...scored.map((r) => r.candidate));
}

/**
 * The share of the question's term value in the clause that holds the asked-for detail
 * (a name, a date, a count, a reason), with the clause before it: "Chủ tịch HĐND cấp
 * tỉnh ... do Ủy ban Thường vụ Quốc hội chỉ định" holds the office asked and its
 * appointer together; a sentence naming the office in one clause and another appointer
 * in a third does not. 0 for types with no such detail.
 */
export function detailCoverage(
  question: QuestionAnalysis,
  text: string,
  termValues: ReadonlyMap<string, number>,
  /** The question's whole term value (the sum of `termValues`). */
  total: number,
): number {
  if (!DETAIL_TYPES.has(question.type) || total <= 0) return 0;
  const clauses = text.split(/[,;:]\s+/u);
  let best = 0;
  clauses.forEach((clause, i) => {
    if (clauseHoldsDetail(question, clause, foldDiacritics(clause.toLowerCase())) <= 0) return;
    // The two clauses' terms together: no term spans a comma (see text/analyze.ts), so each
    // clause is analyzed once and found in the cache, not joined and analyzed again.
    const terms = termsOf(clause);
    const before = i > 0 ? termsOf(clauses[i - 1]!) : undefined;
    let value = 0;
    for (const [term, v] of termValues) if (terms.has(term) || before?.has(term) === true) value += v;
    best = Math.max(best, value / total);
  });
  return best;
}

const DETAIL_TYPES: ReadonlySet<QuestionAnalysis["type"]> = new Set([
  "ai",
  "khi_nao",
  "bao_nhieu",
  "tai_sao",
]);
