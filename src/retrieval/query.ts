import type { WeightedTerm } from "../store/types.js";
import { analyzeQuery } from "../text/index.js";

/** How much each kind of term counts in lexical scoring. */
export interface TermKindWeights {
  /** Syllable with its diacritics: rewards an exact spelling match on top of the folded one. */
  exact: number;
  /** Syllable without diacritics: what every query, typed with or without marks, shares. */
  folded: number;
  /** Two adjacent folded syllables: most Vietnamese words are two syllables. */
  bigram: number;
}

export const DEFAULT_TERM_WEIGHTS: TermKindWeights = { exact: 0.3, folded: 1, bigram: 1 };

/**
 * Question phrasing that carries no topic ("bao nhiêu", "là gì", "đúng hay sai").
 * Kept in folded form; such terms still count, at a tenth of the weight, because a
 * passage may contain them for real ("bao nhiêu" rarely, "không" often).
 */
const QUESTION_SYLLABLES = new Set([
  "gi",
  "nao",
  "ai",
  "sao",
  "dau",
  "khong",
  "hay",
  "phai",
  "dung",
  "sai",
  "nhieu",
  "bao",
  "the",
  "nhu",
  "la",
  "co",
  "duoc",
  "cua",
  "va",
  "cac",
  "nhung",
  "mot",
  "trong",
  "cho",
  "voi",
  "thi",
  "ma",
  "de",
]);
const QUESTION_BIGRAMS = new Set([
  "bao_nhieu",
  "la_gi",
  "the_nao",
  "nhu_the",
  "hay_khong",
  "dung_hay",
  "hay_sai",
  "co_phai",
  "tai_sao",
  "vi_sao",
  "o_dau",
  "khi_nao",
  "la_ai",
  "nao_sau",
  "sau_day",
  "gi_khi",
  "phai_khong",
]);

const DOWN_WEIGHT = 0.1;

export interface LexicalQueryPlan {
  terms: WeightedTerm[];
  /** Folded syllables of the question, in order (for sentence scoring and confidence). */
  foldedSyllables: string[];
  hasDiacritics: boolean;
}

/** Turns a question into weighted terms for `DocumentStore.searchLexical`. */
export function planLexicalQuery(
  question: string,
  weights: TermKindWeights = DEFAULT_TERM_WEIGHTS,
): LexicalQueryPlan {
  const analyzed = analyzeQuery(question);
  const terms: WeightedTerm[] = [];
  for (const t of analyzed.terms) {
    const body = t.term.slice(2);
    let weight = t.weight * weights[t.kind];
    if (t.kind === "bigram" ? QUESTION_BIGRAMS.has(body) : QUESTION_SYLLABLES.has(foldedOf(t.kind, body))) {
      weight *= DOWN_WEIGHT;
    }
    if (weight > 0) terms.push({ term: t.term, weight });
  }
  return {
    terms,
    foldedSyllables: analyzed.syllables.map((s) => s.folded),
    hasDiacritics: analyzed.hasDiacritics,
  };
}

function foldedOf(kind: "exact" | "folded" | "bigram", body: string): string {
  return kind === "exact" ? body.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d") : body;
}
