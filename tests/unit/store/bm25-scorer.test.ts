import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertBm25Params,
  type Bm25Context,
  createBm25Scorer,
  impactParams,
  type ScoredKeys,
  type ScoringTerm,
} from "../../../src/store/bm25-scorer.js";
import { decodeImpacts, encodePostings, NO_DEAD } from "../../../src/store/postings.js";

/** The best `limit` (key, score) pairs, score descending then key. */
function top(result: ScoredKeys, limit: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < result.count; i++) pairs.push([result.keys[i]!, result.scores[i]!]);
  return pairs.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, limit);
}

/** A term from (key, tf, length) postings, through the same encoding the store uses. */
function termOf(
  postings: Array<[number, number, number]>,
  weight: number,
  context: Bm25Context,
): ScoringTerm {
  const sorted = [...new Map(postings.map((p) => [p[0], p])).values()].sort((x, y) => x[0] - y[0]);
  const blob = encodePostings(
    sorted.map((p) => p[0]),
    sorted.map((p) => p[1]),
    sorted.map((p) => p[2]),
  );
  return { weight, postings: decodeImpacts([blob], NO_DEAD, impactParams(context)) };
}

const posting = fc.tuple(
  fc.integer({ min: 0, max: 400 }),
  fc.integer({ min: 1, max: 6 }),
  fc.integer({ min: 1, max: 80 }),
);
const term = fc.tuple(fc.array(posting, { maxLength: 300 }), fc.constantFrom(-1, 0.25, 0.5, 1, 1, 2, 3));

describe("BM25 scorer", () => {
  it("computes the specified formula", () => {
    const scorer = createBm25Scorer();
    const context = { k1: 1.2, bigramK1: 1.2, b: 0.75, chunks: 10, averageLength: 20 };
    const result = scorer.score([termOf([[3, 2, 10]], 1.5, context)], context, null, 10);
    const idf = Math.log(1 + (10 - 1 + 0.5) / (1 + 0.5));
    const expected = (1.5 * idf * 2 * 2.2) / (2 + 1.2 * (1 - 0.75 + (0.75 * 10) / 20));
    expect(result.count).toBe(1);
    expect(result.keys[0]).toBe(3);
    // Impacts are kept in single precision: six significant digits.
    expect(result.scores[0]).toBeCloseTo(expected, 6);
  });

  it("finds exactly the same top k with pruning as by scoring everything", () => {
    const pruned = createBm25Scorer();
    const exhaustive = createBm25Scorer({ prune: false });
    fc.assert(
      fc.property(
        fc.array(term, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 30 }),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        (list, limit, maskSeed) => {
          const context = { k1: 1.2, bigramK1: 1.2, b: 0.75, chunks: 401, averageLength: 40 };
          const terms = list.map(([postings, weight]) => termOf(postings, weight, context));
          let allowed: Uint8Array | null = null;
          if (maskSeed !== undefined) {
            allowed = new Uint8Array(401);
            for (let k = 0; k < 401; k++) allowed[k] = (k * 7 + maskSeed) % 3 === 0 ? 1 : 0;
          }
          const a = top(pruned.score(terms, context, allowed, limit), limit);
          const b = top(exhaustive.score(terms, context, allowed, limit), limit);
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("prunes common terms once rare ones decide the top k", () => {
    // One rare term and a term in every chunk: the common one cannot lift an untouched chunk.
    const context = { k1: 1.2, bigramK1: 1.2, b: 0.75, chunks: 5000, averageLength: 30 };
    const everywhere: Array<[number, number, number]> = Array.from({ length: 5000 }, (_, k) => [k, 1, 30]);
    const terms = [termOf([[10, 3, 30]], 1, context), termOf(everywhere, 1, context)];
    const result = createBm25Scorer().score(terms, context, null, 1);
    expect(result.count).toBe(1);
    expect(result.keys[0]).toBe(10);
  });

  it("returns nothing without chunks, terms or room", () => {
    const scorer = createBm25Scorer();
    const context = { k1: 1.2, bigramK1: 1.2, b: 0.75, chunks: 3, averageLength: 5 };
    const t = termOf([[1, 1, 5]], 1, context);
    expect(scorer.score([t], { ...context, chunks: 0 }, null, 5).count).toBe(0);
    expect(scorer.score([], context, null, 5).count).toBe(0);
    expect(scorer.score([t], context, null, 0).count).toBe(0);
    expect(scorer.score([termOf([[1, 1, 5]], 0, context)], context, null, 5).count).toBe(0);
  });
});

describe("assertBm25Params", () => {
  it("accepts the defaults and rejects what no store can score with", () => {
    expect(() => assertBm25Params({ k1: 1.2, bigramK1: 0.3, b: 0.75 })).not.toThrow();
    expect(() => assertBm25Params({ k1: 0, bigramK1: 0, b: 0 })).not.toThrow();
    for (const bad of [
      { k1: -1, bigramK1: 0.3, b: 0.75 },
      { k1: 1.2, bigramK1: Number.NaN, b: 0.75 },
      { k1: 1.2, bigramK1: 0.3, b: 1.5 },
    ]) {
      expect(() => assertBm25Params(bad), JSON.stringify(bad)).toThrow(/invalid BM25 parameters/);
    }
  });
});
