import type { WeightedTerm } from "../store/types.js";
import {
  analyzeQuery,
  expandShorthands,
  findAbbreviation,
  foldDiacritics,
  hasVietnameseDiacritics,
  type TermKind,
} from "../text/index.js";
import { analyzeQuestion, type QuestionAnalysis } from "./question-analysis.js";
import { focusTermWeights } from "./question-focus.js";

/** How much each kind of term counts in lexical scoring. */
export interface TermKindWeights {
  /** Syllable with its diacritics: rewards an exact spelling match on top of the folded one. */
  exact: number;
  /** Syllable without diacritics: what every query, typed with or without marks, shares. */
  folded: number;
  /** Two adjacent folded syllables: most Vietnamese words are two syllables. */
  bigram: number;
}

/**
 * Bigrams weigh more than syllables in ranking, and saturate sooner (the stores' bigram
 * k1, DEFAULT_BIGRAM_K1): a phrase present counts, a phrase repeated hardly more.
 */
export const DEFAULT_TERM_WEIGHTS: TermKindWeights = { exact: 0.3, folded: 1, bigram: 1.7 };

/**
 * Question phrasing that carries no topic ("bao nhiêu", "là gì", "đúng hay sai").
 * Such terms still count, at a tenth of the weight, because a passage may contain them
 * for real ("bao nhiêu" rarely, "không" often). Listed with their marks: typed with
 * marks, "đúng" is phrasing but "áp dụng" is topic, though both fold to "dung"; typed
 * without, the folded form is all there is to go by.
 */
const QUESTION_WORDS = new Set([
  "gì",
  "nào",
  "ai",
  "sao",
  "đâu",
  "không",
  "hay",
  "phải",
  "đúng",
  "sai",
  "nhiêu",
  "nhiều",
  "bao",
  "thế",
  "như",
  "là",
  "có",
  "được",
  "của",
  "và",
  "các",
  "những",
  "nhưng",
  "một",
  "trong",
  "cho",
  "với",
  "thì",
  "mà",
  "để",
]);
const QUESTION_SYLLABLES = new Set([...QUESTION_WORDS].map(foldDiacritics));
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
  "ra_sao",
  "bao_gio",
  "luc_nao",
  "nhu_nao",
]);

const DOWN_WEIGHT = 0.1;

/**
 * Particles a chat question ends with ("... ở đâu vậy", "... không ạ", "... nhỉ"): phrasing,
 * not topic. Only at the end: "vay" is also the loan of "cho vay", "nha" a house's word.
 * Typed without marks, only those that fold into no common topic word at a question's end.
 */
const TRAILING_PARTICLES = new Set([
  "vậy",
  "ạ",
  "nhỉ",
  "nhé",
  "hả",
  "hở",
  "ơi",
  "thế",
  "chứ",
  "nha",
  "nhá",
  "à",
  "hen",
  "hông",
]);
const TRAILING_PARTICLES_FOLDED = new Set(["vay", "a", "nhi", "nhe", "oi", "nha"]);
/** At most this many particles end a question ("... vậy ạ"). */
const MAX_PARTICLES = 2;

/** The folded particles the question ends with (none when it ends on a topic word). */
function trailingParticles(
  syllables: ReadonlyArray<{ text: string; folded: string }>,
  hasDiacritics: boolean,
): ReadonlySet<string> {
  const out = new Set<string>();
  for (let i = syllables.length - 1; i >= 0 && out.size < MAX_PARTICLES; i--) {
    const s = syllables[i]!;
    const particle = hasDiacritics
      ? TRAILING_PARTICLES.has(s.text.toLowerCase())
      : TRAILING_PARTICLES_FOLDED.has(s.folded);
    if (!particle) break;
    out.add(s.folded);
  }
  // Without marks, "vay" ends "lãi suất cho vay" too: a particle only after a question word.
  const before = syllables[syllables.length - out.size - 1]?.folded ?? "";
  if (!hasDiacritics && !ASKING_SYLLABLES.has(before)) return new Set();
  return out;
}

/** Question words a particle follows, typed without marks ("... o dau vay", "... ko a"). */
const ASKING_SYLLABLES = new Set([
  "ko",
  "k",
  "khong",
  "chua",
  "ntn",
  "dau",
  "nao",
  "gi",
  "sao",
  "ai",
  "nhieu",
  "roi",
  "dc",
]);
/**
 * A phrase alias's terms ("kiêm" for "đồng thời là") are searched at half weight: they
 * find passages that use the other spelling without outranking those that use this one.
 */
const ALIAS_WEIGHT = 0.5;

export interface LexicalQueryPlan {
  /** What to search, with the weight each term counts for in BM25. */
  terms: WeightedTerm[];
  /**
   * Weights for valuing evidence (how much of the question a passage or a sentence
   * covers) where they differ from the search weights: kind weights (bigrams 1.7) and
   * the alias factor do not apply; an abbreviation's own terms count for nothing, its
   * expansion's terms carry it; likewise a phrase with an alias and the alias's terms.
   */
  valueWeights: Map<string, number>;
  /** Folded syllables of the question, in order (for sentence scoring and confidence). */
  foldedSyllables: string[];
  hasDiacritics: boolean;
  /**
   * Terms of what the question asks for, before its situation (see `questionFocus`), with
   * their factor for choosing sentences. Ranking does not weigh them more: measured, that
   * brought passages that share the focus word but not the situation ("văn bản hướng dẫn"
   * of another body).
   */
  focusWeights: Map<string, number>;
  /** What the question asks for: its type, focus and the focus's other names (see `analyzeQuestion`). */
  question: QuestionAnalysis;
}

/** Turns a question into weighted terms for `DocumentStore.searchLexical`. */
export function planLexicalQuery(
  question: string,
  weights: TermKindWeights = DEFAULT_TERM_WEIGHTS,
): LexicalQueryPlan {
  const analyzed = analyzeQuery(expandShorthands(question, hasVietnameseDiacritics(question)));
  const asked = analyzeQuestion(question, analyzed.hasDiacritics);
  // With marks, a folded syllable is phrasing only when every occurrence of it is.
  const topicFolded = new Set<string>();
  if (analyzed.hasDiacritics) {
    for (const s of analyzed.syllables) {
      if (!QUESTION_WORDS.has(s.text.toLowerCase())) topicFolded.add(s.folded);
    }
  }
  // An abbreviation's own terms ("f:tw", "b:van_tw") say again what the terms of its
  // expansion say ("trung ương"), and passages index the expansion whichever way they
  // spell it: as evidence they would count twice, and against a passage that writes it
  // out in full. They are still searched.
  const abbreviated = new Set(
    analyzed.syllables.filter((s) => findAbbreviation(s.text) !== undefined).map((s) => s.folded),
  );
  const particles = trailingParticles(analyzed.syllables, analyzed.hasDiacritics);
  const isPhrasing = (kind: TermKind, body: string): boolean => {
    if (kind === "bigram") return QUESTION_BIGRAMS.has(body) || body.split("_").some((s) => particles.has(s));
    if (kind === "exact") return QUESTION_WORDS.has(body) || particles.has(foldDiacritics(body));
    return (QUESTION_SYLLABLES.has(body) && !topicFolded.has(body)) || particles.has(body);
  };
  const aliasTerms = new Set(analyzed.aliasTerms);
  const aliasedTerms = new Set(analyzed.aliasedTerms);
  const terms: WeightedTerm[] = [];
  const valueWeights = new Map<string, number>();
  for (const t of analyzed.terms) {
    const body = t.term.slice(2);
    const phrasing = isPhrasing(t.kind, body);
    const weight =
      t.weight * weights[t.kind] * (phrasing ? DOWN_WEIGHT : 1) * (aliasTerms.has(t.term) ? ALIAS_WEIGHT : 1);
    if (weight <= 0) continue;
    terms.push({ term: t.term, weight });
    // As evidence every kind of topic term counts alike: the kind weights tune ranking.
    const value = t.weight * (phrasing ? DOWN_WEIGHT : 1);
    if (value !== weight) valueWeights.set(t.term, value);
    if (t.kind !== "exact" && body.split("_").some((s) => abbreviated.has(s))) valueWeights.set(t.term, 0);
    // A phrase with an alias is judged by the alias's terms, which every passage holding
    // either spelling has ("kiêm" in "đồng thời là" passages too): its own count for nothing.
    if (aliasedTerms.has(t.term)) valueWeights.set(t.term, 0);
  }
  return {
    terms,
    valueWeights,
    foldedSyllables: analyzed.syllables.map((s) => s.folded),
    hasDiacritics: analyzed.hasDiacritics,
    focusWeights: focusTermWeights(asked.focus),
    question: asked,
  };
}
