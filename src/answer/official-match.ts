import { planLexicalQuery } from "../retrieval/query.js";
import type { QuestionType } from "../retrieval/question-analysis.js";

/**
 * Whether a cadre's question asks what an official answer answers. Both are read by the
 * same analysis as retrieval (`planLexicalQuery`): folded syllables and bigrams, with
 * abbreviations expanded, phrase aliases ("kiêm" for "đồng thời là") and question
 * phrasing down-weighted; marks never matter (no `w:` terms). Two questions match when
 * the terms they share carry most of the weight of both (a weighted Dice coefficient) and
 * they do not ask for different things: a focus of the other side ("lợi ích" against
 * "khó khăn"), another count, or another place or year.
 */

/** What a question is reduced to for matching; kept with each official answer. */
export interface QuestionSignature {
  /** Folded and bigram terms with their value (phrasing at a tenth). */
  terms: Map<string, number>;
  total: number;
  /** Folded names of what is asked ("kho khan", "vuong mac", ...); empty when nothing in particular. */
  focus: string[];
  /** Folded names of the other side of the focus. */
  opposing: string[];
  /** What "bao nhiêu" counts, folded; "" when not a count or not said. */
  unit: string;
  /** Places, years, terms of office named, folded. */
  situation: string[];
  /** What kind of answer is asked ("khi_nao", "ai", ...; see `QuestionType`). */
  type: QuestionType;
  /** The question's folded syllables, as a set (to see whether it names the other's focus). */
  syllables: Set<string>;
  /** Levels of government named: "tinh", "huyen", "xa" ("UBND cấp tỉnh", "huyện ủy", "UBND xã"). */
  levels: string[];
  /** Numbers of two digits or more (document numbers: "127" of "Kết luận 127-KL/TW"). */
  numbers: string[];
}

/**
 * The similarity from which a question gets the official answer. Chosen on 40
 * paraphrases written for 10 official questions (one in four typed without marks) and
 * 40 other questions, 20 of them on the same topics (bench/data/official-paraphrases.json:
 * 39/40 and 0/40), then measured once on a held-out set written afterwards (17/18 and
 * 0/22); `npm run bench -- official` prints both, the README has the numbers.
 */
export const OFFICIAL_MATCH_THRESHOLD = 0.45;

export function questionSignature(question: string): QuestionSignature {
  const plan = planLexicalQuery(question);
  const terms = new Map<string, number>();
  let total = 0;
  for (const t of plan.terms) {
    if (t.term.startsWith("w:")) continue;
    // Valued as evidence is (kind weights tune ranking only); an abbreviation's own terms
    // and a phrase with an alias count for nothing, their expansion carries them.
    const value = plan.valueWeights.get(t.term) ?? t.weight;
    if (value <= 0) continue;
    terms.set(t.term, value);
    total += value;
  }
  const asked = plan.question;
  return {
    terms,
    total,
    focus: asked.focus ? asked.focusPhrases : [],
    opposing: asked.opposingPhrases,
    unit: asked.type === "bao_nhieu" ? asked.unit : "",
    situation: asked.situation,
    type: asked.type,
    syllables: new Set(plan.foldedSyllables),
    levels: levelsOf(asked.folded),
    numbers: [...new Set(plan.foldedSyllables.filter((s) => /^\d{2,}$/.test(s)))],
  };
}

/** 0..1: how much the two questions are one question (see the module's doc). */
export function questionSimilarity(a: QuestionSignature, b: QuestionSignature): number {
  if (a.total <= 0 || b.total <= 0) return 0;
  if (asksOtherThing(a, b) || asksOtherThing(b, a)) return 0;
  let shared = 0;
  for (const [term, value] of a.terms) {
    const other = b.terms.get(term);
    if (other !== undefined) shared += Math.min(value, other);
  }
  return (2 * shared) / (a.total + b.total);
}

/**
 * Types whose answer is one kind of fact (a person, a date, a count, a place, a reason):
 * "Ai chủ trì tổng kết ...?" is not answered by when it was held.
 */
const STRICT_TYPES: ReadonlySet<QuestionType> = new Set(["ai", "khi_nao", "bao_nhieu", "o_dau", "tai_sao"]);

const LEVEL =
  /\b(?:cap|ubnd|hdnd|uy ban nhan dan|hoi dong nhan dan|dang uy) (tinh|huyen|xa)\b|\b(tinh|huyen) uy\b/g;

function levelsOf(folded: string): string[] {
  const levels = new Set<string>();
  for (const m of folded.matchAll(LEVEL)) levels.add(m[1] ?? m[2] ?? "");
  levels.delete("");
  return [...levels];
}

/** Whether the question names one of these phrases (all of a phrase's syllables, in any order). */
function names(s: QuestionSignature, phrases: readonly string[]): boolean {
  return phrases.some((p) => p.split(" ").every((w) => s.syllables.has(w)));
}

function asksOtherThing(a: QuestionSignature, b: QuestionSignature): boolean {
  // "lợi ích" asked where the official answer gives "khó khăn".
  if (a.focus.length > 0 && a.focus.some((f) => b.opposing.includes(f))) return true;
  // A focus the analysis knows other names of ("nhiệm vụ", "điều kiện", "mục tiêu") must
  // be named by the other question, by one of its names.
  if (a.focus.length > 1 && !names(b, a.focus)) return true;
  if (a.type !== b.type && (STRICT_TYPES.has(a.type) || STRICT_TYPES.has(b.type))) {
    // "là những ai" and "những đối tượng nào" both ask the "đối tượng".
    const sameFocus = a.focus.length > 0 && b.focus.length > 0 && (names(b, a.focus) || names(a, b.focus));
    if (!sameFocus) return true;
  }
  // The rule of the province is not the rule of the commune.
  if (a.levels.length > 0 && b.levels.length > 0 && !a.levels.some((l) => b.levels.includes(l))) return true;
  if (a.unit && b.unit && a.unit !== b.unit) return true;
  // Kết luận 126 asked where the official answer is on Kết luận 127.
  if (a.numbers.length > 0 && b.numbers.length > 0 && !a.numbers.some((n) => b.numbers.includes(n)))
    return true;
  // A place or year the other question names and this one contradicts with its own.
  if (a.situation.length > 0 && b.situation.length > 0 && !a.situation.some((s) => b.situation.includes(s)))
    return true;
  return false;
}

/** The best candidate at or above the threshold, with its similarity; null when none. */
export function bestOfficialMatch<T extends { signature: QuestionSignature }>(
  question: string,
  candidates: readonly T[],
  threshold = OFFICIAL_MATCH_THRESHOLD,
): { candidate: T; similarity: number } | null {
  if (candidates.length === 0) return null;
  const signature = questionSignature(question);
  let best: { candidate: T; similarity: number } | null = null;
  for (const candidate of candidates) {
    const similarity = questionSimilarity(signature, candidate.signature);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { candidate, similarity };
  }
  return best;
}

/**
 * What the answer path needs of the unit's official answers (the port; the store is
 * `src/official/official-answers.ts`).
 */
export interface OfficialAnswerLookup {
  match(question: string): {
    official: { id: number; answer: string; updatedAt: number; sources: ReadonlyArray<{ docId: string }> };
    similarity: number;
  } | null;
}
