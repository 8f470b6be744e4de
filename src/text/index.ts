/**
 * Vietnamese text handling shared by ingestion, the index, retrieval and evaluation:
 * pure functions, no I/O. Index and query go through the same analysis so their
 * terms always agree.
 */
export {
  ABBREVIATIONS,
  type Abbreviation,
  type AbbreviationEntry,
  abbreviationBefore,
  expandAbbreviation,
  findAbbreviation,
} from "./abbreviations.js";
export {
  analyzeForIndex,
  analyzeQuery,
  analyzeTerms,
  type IndexAnalysis,
  type QueryAnalysis,
  type QueryTerm,
  type TermKind,
} from "./analyze.js";
export { cachedRegExp, escapeRegExp } from "./escape-regexp.js";
export { foldedWords } from "./fold.js";
export {
  foldDiacritics,
  foldNfc,
  hasVietnameseDiacritics,
  isVietnameseSyllable,
  normalizeForMatch,
  normalizeVietnamese,
} from "./normalize.js";
export { type SentenceSpan, splitSentences } from "./sentences.js";
export { expandShorthands } from "./shorthands.js";
export {
  countSyllables,
  type Syllable,
  toSyllables,
  wordCharacterBefore,
  wordCharacterLength,
} from "./tokenize.js";
export { type MatchSpan, wordBoundedMatches } from "./word-bounded.js";
