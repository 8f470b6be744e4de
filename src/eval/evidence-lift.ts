import { markdownToText } from "../ingest/markdown-to-text.js";
import { analyzeForIndex, splitSentences } from "../text/index.js";

/*
 * Which words answer which kind of question, learned from question-answer pairs by
 * lift: how much more often a word is in the answers of one kind (or of questions with
 * one word) than in all answers. Pure counting; bench/learn-evidence.ts feeds it the
 * crawl's pairs and writes the result for the answer stage to read.
 */

/** One learned term: how over-represented it is, and in how many answers it was seen. */
export interface LiftTerm {
  /** An analyzer term: `f:<syllable>` or `b:<syllable>_<syllable>` (see src/text/analyze.ts). */
  term: string;
  /** P(term | group) / P(term): 2 means twice as frequent in the group's answers as in all. */
  lift: number;
  /** Answers of the group that have the term. */
  count: number;
}

/** A term with a digit names a number, a date or a document ("f:2025", "b:168_2024"): too specific to learn. */
const HAS_DIGIT = /\d/u;

/**
 * The distinct folded syllables and bigrams of a text, as the index analyzes it
 * (abbreviations expanded, "đ" folded), less terms with digits.
 */
export function evidenceTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const term of Object.keys(analyzeForIndex(text).terms)) {
    if ((term.startsWith("f:") || term.startsWith("b:")) && !HAS_DIGIT.test(term)) out.add(term);
  }
  return out;
}

/** Lines that open a conclusion in legal answers: "Như vậy, ...", "Theo đó, ...", "Do đó, ...". */
const CONCLUSION = /^(?:như vậy|theo đó|do đó|vì vậy|tóm lại|theo quy định (?:trên|nêu trên)|chiếu theo)\b/iu;

/**
 * Which sentence of an answer section is learned from: `first` is its first sentence
 * (in legal Q&A pages mostly the provision it rests on: "Căn cứ khoản 2 Điều 73 ...");
 * `conclusion` is its first sentence that concludes ("Như vậy, ... bị phạt từ 200.000
 * đồng ..."), the one that states the answer, or "" when there is none.
 */
export type EvidenceSentence = "first" | "conclusion";

/** The chosen sentence of an answer section (Markdown) as plain text; "" when it has none. */
export function answerSentence(answerMarkdown: string, which: EvidenceSentence): string {
  const text = markdownToText(answerMarkdown).replace(/\*+/gu, "");
  const sentences = splitSentences(text).map((s) => s.text.replace(/^[>\s\-–•]+/u, ""));
  if (which === "first") return sentences[0] ?? "";
  return sentences.find((s) => CONCLUSION.test(s)) ?? "";
}

/** Lift rounded to two decimals, as stored. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * For each group, the terms of its samples whose share of the group's samples most
 * exceeds their share of all samples (lift), among terms in at least `minCount` of the
 * group's samples; best first, at most `top` per group. Ties go to the more frequent term.
 */
export function liftByGroup(
  samples: ReadonlyArray<{ group: string; terms: ReadonlySet<string> }>,
  options: { minCount: number; top: number },
): Map<string, LiftTerm[]> {
  const all = new Map<string, number>();
  const byGroup = new Map<string, { n: number; counts: Map<string, number> }>();
  for (const { group, terms } of samples) {
    let g = byGroup.get(group);
    if (!g) {
      g = { n: 0, counts: new Map() };
      byGroup.set(group, g);
    }
    g.n++;
    for (const term of terms) {
      all.set(term, (all.get(term) ?? 0) + 1);
      g.counts.set(term, (g.counts.get(term) ?? 0) + 1);
    }
  }
  const total = samples.length;
  const out = new Map<string, LiftTerm[]>();
  for (const [group, g] of byGroup) {
    const ranked: LiftTerm[] = [];
    for (const [term, count] of g.counts) {
      if (count < options.minCount) continue;
      ranked.push({ term, lift: round2(count / g.n / ((all.get(term) ?? count) / total)), count });
    }
    ranked.sort((a, b) => b.lift - a.lift || b.count - a.count || (a.term < b.term ? -1 : 1));
    out.set(group, ranked.slice(0, options.top));
  }
  return out;
}

/**
 * Question word → answer words: for each question term, the answer terms most
 * over-represented in the answers to questions that have it (lift against all
 * answers), among pairs where both occur at least `minCount` times. Answer terms the
 * question itself has are not counted for that pair (an answer repeats its question's
 * words; what it adds is the evidence). Question terms are kept when they have at least
 * one association, the strongest first (by their best lift), at most `topQuestions`.
 */
export function associations(
  pairs: ReadonlyArray<{ question: ReadonlySet<string>; answer: ReadonlySet<string> }>,
  options: { minCount: number; top: number; topQuestions: number },
): Map<string, LiftTerm[]> {
  const answerCount = new Map<string, number>();
  const questionCount = new Map<string, number>();
  for (const { question, answer } of pairs) {
    for (const a of answer) if (!question.has(a)) answerCount.set(a, (answerCount.get(a) ?? 0) + 1);
    for (const q of question) questionCount.set(q, (questionCount.get(q) ?? 0) + 1);
  }
  // Only terms frequent enough on each side can reach minCount together: ids for them.
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (term: string) => {
    let id = ids.get(term);
    if (id === undefined) {
      id = names.length;
      ids.set(term, id);
      names.push(term);
    }
    return id;
  };
  const joint = new Map<number, number>();
  const width = 1 << 21;
  for (const { question, answer } of pairs) {
    const as: number[] = [];
    for (const a of answer) {
      if (!question.has(a) && (answerCount.get(a) ?? 0) >= options.minCount) as.push(idOf(a));
    }
    if (as.length === 0) continue;
    for (const q of question) {
      if ((questionCount.get(q) ?? 0) < options.minCount) continue;
      const base = idOf(q) * width;
      for (const a of as) joint.set(base + a, (joint.get(base + a) ?? 0) + 1);
    }
  }
  const total = pairs.length;
  const byQuestion = new Map<string, LiftTerm[]>();
  for (const [key, count] of joint) {
    if (count < options.minCount) continue;
    const q = names[Math.floor(key / width)]!;
    const a = names[key % width]!;
    const lift = count / questionCount.get(q)! / (answerCount.get(a)! / total);
    const list = byQuestion.get(q) ?? [];
    list.push({ term: a, lift: round2(lift), count });
    byQuestion.set(q, list);
  }
  const ranked = [...byQuestion].map(([q, list]) => {
    list.sort((x, y) => y.lift - x.lift || y.count - x.count || (x.term < y.term ? -1 : 1));
    return [q, list.slice(0, options.top)] as const;
  });
  ranked.sort((x, y) => y[1][0]!.lift - x[1][0]!.lift || (x[0] < y[0] ? -1 : 1));
  return new Map(ranked.slice(0, options.topQuestions));
}
