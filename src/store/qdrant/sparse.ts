/**
 * Lexical vectors for Qdrant's sparse index.
 *
 * BM25 is split between the client and the server. Qdrant keeps the collection's `lexical`
 * sparse vector with `modifier: "idf"`, so at query time it multiplies each query value
 * by idf = ln(1 + (N − df + 0.5) / (df + 0.5)), N and df counted over the points that are
 * stored: the same formula the embedded store uses. The client stores, for each term of a
 * chunk, the saturated and length-normalized term frequency
 *
 *   tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen))
 *
 * and sends the query terms' weights as the query vector, so a chunk's score is
 * Σ weight × idf × saturated tf: BM25 with query weights.
 *
 * Approximation: avgLen is the corpus mean length when the chunk was written. Values of
 * chunks written earlier keep the mean of their time, so as the corpus grows or shrinks
 * their length normalization drifts a little (by the ratio of the old mean to the new).
 * Re-writing the corpus (`migrate`, or re-ingesting) brings every chunk to the current
 * mean; for a corpus whose mean chunk length is stable the drift is negligible.
 *
 * Indices: a term maps to the 32-bit FNV-1a hash of its UTF-8 bytes. Two different terms
 * sharing an index are rare (about n²/2³³ pairs for n distinct terms: ~1 pair in 80,000
 * terms) and harmless: their weights add up in that dimension, like a synonym, and
 * `matchedTerms` is computed from the stored term list, not from indices.
 */

import { DEFAULT_BIGRAM_K1, isBigramTerm } from "../bm25-scorer.js";

export interface Bm25Params {
  /** Term frequency saturation (default 1.2). */
  k1: number;
  /** Saturation of bigram terms (default 0.3, as the embedded store: see DEFAULT_BIGRAM_K1). */
  bigramK1: number;
  /** Length normalization, 0..1 (default 0.75). */
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, bigramK1: DEFAULT_BIGRAM_K1, b: 0.75 };

/** The saturation and length normalization a term is stored with. */
function termParams(term: string, params: Bm25Params): { k1: number; b: number } {
  return { k1: isBigramTerm(term) ? params.bigramK1 : params.k1, b: params.b };
}

/** Qdrant's sparse vector: parallel arrays, indices unique. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

const encoder = new TextEncoder();

/** 32-bit FNV-1a of the term's UTF-8 bytes: the term's dimension in the sparse vector. */
export function termIndex(term: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(term)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The stored value of a term: BM25's saturated, length-normalized term frequency. */
export function bm25TermValue(
  tf: number,
  length: number,
  averageLength: number,
  params: { k1: number; b: number },
): number {
  if (!(tf > 0)) return 0;
  const ratio = averageLength > 0 ? length / averageLength : 1;
  return (tf * (params.k1 + 1)) / (tf + params.k1 * (1 - params.b + params.b * ratio));
}

function toSparse(entries: Iterable<[string, number]>): SparseVector {
  const byIndex = new Map<number, number>();
  for (const [term, value] of entries) {
    if (value === 0 || !Number.isFinite(value)) continue;
    const index = termIndex(term);
    byIndex.set(index, (byIndex.get(index) ?? 0) + value);
  }
  const indices = [...byIndex.keys()].filter((i) => byIndex.get(i) !== 0).sort((a, b) => a - b);
  return { indices, values: indices.map((i) => byIndex.get(i)!) };
}

/** A chunk's sparse vector from its term frequencies and length. */
export function toDocumentSparseVector(
  terms: Readonly<Record<string, number>>,
  length: number,
  averageLength: number,
  params: Bm25Params,
): SparseVector {
  return toSparse(
    Object.entries(terms).map(([term, tf]): [string, number] => [
      term,
      bm25TermValue(tf, length, averageLength, termParams(term, params)),
    ]),
  );
}

/** A query's sparse vector: each term's weight at its index (weights of one index add up). */
export function toQuerySparseVector(weights: ReadonlyMap<string, number>): SparseVector {
  return toSparse(weights.entries());
}

/**
 * A stored vector written under mean length `from`, rewritten for mean `to`: each value
 * is turned back into its term frequency (the BM25 term formula solved for tf) and
 * weighed again, with the bigram saturation at `bigramIndices` (the indices of the
 * chunk's bigram terms). Exact for single terms; a dimension two colliding terms share
 * is approximated, as is anything already approximate about a collision.
 */
export function reweight(
  vector: SparseVector,
  length: number,
  from: number,
  to: number,
  params: Bm25Params,
  bigramIndices: ReadonlySet<number> = new Set(),
): SparseVector {
  const { b } = params;
  const before = 1 - b + (b * length) / from;
  const after = 1 - b + (b * length) / to;
  const values = vector.values.map((v, i) => {
    const k1 = bigramIndices.has(vector.indices[i]!) ? params.bigramK1 : params.k1;
    if (!(v > 0) || v >= k1 + 1) return v;
    const tf = (v * k1 * before) / (k1 + 1 - v);
    return (tf * (k1 + 1)) / (tf + k1 * after);
  });
  return { indices: vector.indices.slice(), values };
}
