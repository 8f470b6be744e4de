import { storeError } from "./errors.js";
import { type ImpactParams, type ImpactPostings, lowerBound } from "./postings.js";
import { kthLargest } from "./top-k.js";
import { createTopSums } from "./top-sums.js";

/**
 * Saturation of bigram terms ("b:duc_tho"). Each bigram occurrence also counts both of
 * its syllables, so under the syllables' k1 a repeated phrase counts about three times
 * over; with a low k1 a bigram says "the phrase is here" and hardly "it is here often".
 * Measured on ALQAC (k1 0.2 to 0.4 alike, with bigram weight 1.4 to 2.0): recall@5
 * 0.958 → 0.965, and 0.951 → 0.965 with diacritics stripped.
 */
export const DEFAULT_BIGRAM_K1 = 0.3;

/** Whether a term is a bigram, which saturates with `bigramK1`. */
export function isBigramTerm(term: string): boolean {
  return term.startsWith("b:");
}

/** Rejects BM25 parameters no store can score with: negative or non-finite, or b above 1. */
export function assertBm25Params(params: { k1: number; bigramK1: number; b: number }): void {
  const { k1, bigramK1, b } = params;
  const valid = (x: number) => Number.isFinite(x) && x >= 0;
  if (!(valid(k1) && valid(bigramK1) && valid(b) && b <= 1)) {
    throw storeError("invalidInput", `invalid BM25 parameters k1=${k1} bigramK1=${bigramK1} b=${b}`);
  }
}

/** BM25 parameters and corpus totals for one query. */
export interface Bm25Context {
  k1: number;
  /** k1 of bigram terms (see DEFAULT_BIGRAM_K1). */
  bigramK1: number;
  b: number;
  /** Number of active chunks (N). */
  chunks: number;
  /** Mean chunk length over active chunks. */
  averageLength: number;
}

/** The impact parameters of a corpus state (see `ImpactParams`). */
export function impactParams(context: Bm25Context): ImpactParams {
  const { k1, b, averageLength } = context;
  return averageLength > 0
    ? { k1, base: k1 * (1 - b), lengthFactor: (k1 * b) / averageLength }
    : { k1, base: k1, lengthFactor: 0 };
}

/** One query term with its posting list (impacts for the query's corpus state); df is the list's length. */
export interface ScoringTerm {
  postings: ImpactPostings;
  weight: number;
}

/** Candidates of a query: parallel arrays, `count` long. */
export interface ScoredKeys {
  keys: Int32Array;
  scores: Float64Array;
  count: number;
}

/**
 * Scores chunks with BM25, term at a time:
 *   score = Σ weight × idf × tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)),
 *   idf = ln(1 + (N − df + 0.5) / (df + 0.5)).
 *
 * The saturated-tf part of every posting ("impact") comes precomputed for the corpus
 * state (see `decodeImpacts`), so a query is one multiply-add per posting.
 *
 * Exact top-k with MaxScore pruning: terms are taken in decreasing order of the most
 * they can add to any chunk. Once the terms left can add less, together, than the
 * current k-th best partial score, no chunk they have not touched yet can reach the top
 * k, so the remaining (usually very common, low-idf) terms are only looked up for the
 * chunks still in the running instead of being scanned whole. Only chunks that can
 * still make the top `limit` are returned.
 */
export interface Bm25Scorer {
  score(
    terms: readonly ScoringTerm[],
    context: Bm25Context,
    allowed: Uint8Array | null,
    limit: number,
  ): ScoredKeys;
}

const EMPTY: ScoredKeys = { keys: new Int32Array(0), scores: new Float64Array(0), count: 0 };

/** Creates a scorer with its reusable accumulators; `prune: false` scores every posting (for tests). */
export function createBm25Scorer(options: { prune?: boolean } = {}): Bm25Scorer {
  const prune = options.prune ?? true;
  // Reused across queries. `acc` is all zeros between queries: a chunk is untouched while
  // its sum is 0, and the output pass zeroes what it read.
  let acc = new Float64Array(0);
  let touched = new Int32Array(0);
  let candidate = new Uint8Array(0);
  // The best `limit` partial sums while whole lists are added: the pruning cut.
  const top = createTopSums();

  function ensureCapacity(maxKey: number): void {
    if (maxKey < acc.length) return;
    const size = Math.max(1024, maxKey + 1, Math.ceil(acc.length * 1.5));
    acc = new Float64Array(size);
    touched = new Int32Array(size);
    candidate = new Uint8Array(size);
  }

  /** The k-th largest sum among the first `count` of `keys` (k <= count). */
  function kthScore(keys: Int32Array, count: number, k: number): number {
    return kthLargest(count, (i) => acc[keys[i]!]!, k);
  }

  /** Moves sums of `keys[0..count)` out (positive ones kept), leaving `acc` zeroed. */
  function collect(keys: Int32Array, count: number): ScoredKeys {
    const outKeys = new Int32Array(count);
    const scores = new Float64Array(count);
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      const s = acc[key]!;
      acc[key] = 0;
      if (s > 0) {
        outKeys[kept] = key;
        scores[kept] = s;
        kept++;
      }
    }
    return { keys: outKeys, scores, count: kept };
  }

  /** The least of the final scores of `keys`: their sums so far plus each later term's impact. */
  function leastCompletedScore(
    keys: Int32Array,
    plan: ReadonlyArray<{ keys: Int32Array; impacts: Float32Array; factor: number }>,
    from: number,
  ): number {
    let least = Number.POSITIVE_INFINITY;
    for (const key of keys) {
      let sum = acc[key]!;
      for (let t = from; t < plan.length; t++) {
        const term = plan[t]!;
        const at = lowerBound(term.keys, 0, key);
        if (at < term.keys.length && term.keys[at] === key) sum += term.factor * term.impacts[at]!;
      }
      least = Math.min(least, sum);
    }
    // Chunks are cut by their sums plus bounds added in another order: a hair lower, so
    // rounding never drops one that ties the k-th score.
    return keys.length === 0 ? Number.NEGATIVE_INFINITY : least - Math.abs(least) * 1e-12;
  }

  return {
    score(terms, context, allowed, limit) {
      const n = context.chunks;
      if (n <= 0 || limit <= 0) return EMPTY;
      const plan: Array<{ keys: Int32Array; impacts: Float32Array; factor: number; bound: number }> = [];
      let maxKey = -1;
      for (const { postings: p, weight } of terms) {
        const df = p.keys.length;
        if (df === 0 || weight === 0) continue;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const factor = weight * idf;
        plan.push({ keys: p.keys, impacts: p.impacts, factor, bound: factor > 0 ? factor * p.maxImpact : 0 });
        maxKey = Math.max(maxKey, p.keys[df - 1]!);
      }
      if (plan.length === 0) return EMPTY;
      // Partial sums bound final scores from below only when nothing is subtracted later.
      const canPrune = prune && plan.every((term) => term.factor > 0);
      plan.sort((x, y) => y.bound - x.bound || x.keys.length - y.keys.length);
      const rest = new Float64Array(plan.length + 1);
      for (let i = plan.length - 1; i >= 0; i--) rest[i] = rest[i + 1]! + plan[i]!.bound;
      ensureCapacity(maxKey);
      top.reset(limit, acc.length);

      let count = 0;
      let best = 0;
      // The k-th best partial sum (exact; sums only grow when pruning is possible): only
      // a sum above it can change the heap, so most postings cost one comparison more.
      let floor = canPrune ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      let cut = Number.NEGATIVE_INFINITY;
      let restAtCut = Number.POSITIVE_INFINITY;
      let next = 0;
      for (; next < plan.length; next++) {
        const remaining = rest[next]!;
        if (canPrune && next > 0 && count >= limit && remaining < best) {
          cut = floor;
          restAtCut = remaining;
          if (remaining < cut) break;
        }
        const { keys, impacts, factor } = plan[next]!;
        const len = keys.length;
        if (allowed === null) {
          for (let i = 0; i < len; i++) {
            const key = keys[i]!;
            const a = acc[key]!;
            if (a === 0) touched[count++] = key;
            const s = a + factor * impacts[i]!;
            acc[key] = s;
            if (s > best) best = s;
            if (s > floor) {
              top.offer(key, s);
              floor = top.kth();
            }
          }
        } else {
          for (let i = 0; i < len; i++) {
            const key = keys[i]!;
            if (allowed[key] !== 1) continue;
            const a = acc[key]!;
            if (a === 0) touched[count++] = key;
            const s = a + factor * impacts[i]!;
            acc[key] = s;
            if (s > best) best = s;
            if (s > floor) {
              top.offer(key, s);
              floor = top.kth();
            }
          }
        }
      }
      // A sum can return to exactly 0 (negative weights) and be listed twice: `collect` reads each once.
      if (next === plan.length) return collect(touched, count);

      // The chunks of the k best partial sums, completed by looking them up in the lists
      // still to come, have real scores: the k-th best final score is at least the least
      // of them. A cut that high from the start drops most candidates at the first lists
      // instead of adding every common list to tens of thousands of them.
      cut = Math.max(cut, leastCompletedScore(top.keys(), plan, next));
      // Only chunks whose partial sum plus everything still to come can reach the cut.
      const remaining = rest[next]!;
      let m = 0;
      for (let i = 0; i < count; i++) {
        const key = touched[i]!;
        if (candidate[key] === 1) continue; // listed twice; already kept
        const s = acc[key]!;
        if (s !== 0 && s + remaining >= cut) {
          candidate[key] = 1;
          touched[m++] = key;
        } else {
          acc[key] = 0;
        }
      }
      // Key order is needed to gallop; the first lists, scanned whole, usually leave few
      // candidates to sort (tens of thousands were sorted for nothing before).
      const candidates = touched.subarray(0, m);
      let sorted = false;
      for (let t = next; t < plan.length; t++) {
        const { keys, impacts, factor } = plan[t]!;
        if (m * 16 >= keys.length) {
          for (let i = 0; i < keys.length; i++) {
            const key = keys[i]!;
            if (candidate[key] === 1) acc[key] = acc[key]! + factor * impacts[i]!;
          }
        } else {
          if (!sorted) {
            candidates.subarray(0, m).sort();
            sorted = true;
          }
          let at = 0;
          for (let c = 0; c < m && at < keys.length; c++) {
            const key = candidates[c]!;
            at = lowerBound(keys, at, key);
            if (at < keys.length && keys[at] === key) acc[key] = acc[key]! + factor * impacts[at]!;
          }
        }
        // Less is left to add now: drop candidates that can no longer reach the cut.
        const left = rest[t + 1]!;
        if (t + 1 === plan.length || m <= limit) continue;
        if (left < 0.7 * restAtCut) {
          cut = Math.max(cut, kthScore(candidates, m, limit));
          restAtCut = left;
        }
        let kept = 0;
        for (let i = 0; i < m; i++) {
          const key = candidates[i]!;
          if (acc[key]! + left >= cut) {
            candidates[kept++] = key;
          } else {
            acc[key] = 0;
            candidate[key] = 0;
          }
        }
        m = kept;
      }
      for (let i = 0; i < m; i++) candidate[candidates[i]!] = 0;
      if (!sorted) candidates.subarray(0, m).sort();
      return collect(candidates, m);
    },
  };
}
