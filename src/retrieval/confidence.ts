import type { WeightedTerm } from "../store/types.js";
import { analyzeTerms } from "../text/index.js";

/**
 * How much of the question a passage covers: the share of the question's weighted IDF
 * mass (folded syllables and bigrams) whose terms occur in the passage. Terms the
 * corpus has never seen get the highest IDF, so an off-topic question ("giá vàng SJC")
 * scores low even when a few common words match. Ranges 0..1.
 */
export function coverage(
  queryTerms: WeightedTerm[],
  contains: (term: string) => boolean,
  termValues: Map<string, number>,
): number {
  let total = 0;
  let matched = 0;
  for (const { term } of queryTerms) {
    const mass = termValues.get(term) ?? 0;
    total += mass;
    if (contains(term)) matched += mass;
  }
  return total === 0 ? 0 : matched / total;
}

/**
 * Which terms a passage text holds, for passages the store did not annotate (dense
 * hits): analyzed once per `cacheKey`, since the best passages recur across questions.
 */
export function textContains(passageText: string, cacheKey?: string): (term: string) => boolean {
  const present = cacheKey ? cachedTerms(cacheKey, passageText) : analyzeTerms(passageText);
  return (term) => present.has(term);
}

/** BM25's idf: ln(1 + (N − df + 0.5) / (df + 0.5)); never negative. */
export function inverseDocumentFrequency(df: number, totalChunks: number): number {
  return Math.log(1 + (Math.max(totalChunks, df) - df + 0.5) / (df + 0.5));
}

/** Analyzed terms of recently judged passages: the best passages recur across questions. */
const termCache = new Map<string, ReadonlyMap<string, number>>();
const TERM_CACHE_SIZE = 2048;

function cachedTerms(key: string, text: string): ReadonlyMap<string, number> {
  const hit = termCache.get(key);
  if (hit) {
    termCache.delete(key);
    termCache.set(key, hit);
    return hit;
  }
  const terms = analyzeTerms(text);
  termCache.set(key, terms);
  if (termCache.size > TERM_CACHE_SIZE) termCache.delete(termCache.keys().next().value!);
  return terms;
}
