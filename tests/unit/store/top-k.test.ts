import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LruCache } from "../../../src/store/lru-cache.js";
import { selectTop } from "../../../src/store/top-k.js";

describe("selectTop", () => {
  it("picks the best scores, deciding ties at the cut by the given order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        (values, limit) => {
          const scores = Float64Array.from(values);
          // Ties are ordered by a stand-in for the chunk id: the index reversed.
          const picked = selectTop(scores, values.length, limit, (ties) => ties.sort((a, b) => b - a));
          const expected = values
            .map((score, i) => ({ score, i }))
            .sort((a, b) => b.score - a.score || b.i - a.i)
            .slice(0, limit)
            .map((x) => x.i)
            .sort((a, b) => a - b);
          expect([...picked].sort((a, b) => a - b)).toEqual(expected);
        },
      ),
    );
  });

  it("asks for a tie order only when ties straddle the cut", () => {
    let asked = 0;
    const order = (ties: number[]) => {
      asked++;
      return ties;
    };
    selectTop(Float64Array.from([5, 4, 3, 2]), 4, 2, order);
    expect(asked).toBe(0);
    selectTop(Float64Array.from([5, 4, 4, 2]), 4, 2, order);
    expect(asked).toBe(1);
  });
});

describe("LruCache", () => {
  it("evicts the least recently used entries beyond its weight budget", () => {
    const cache = new LruCache<string, number[]>(5, (v) => v.length);
    cache.set("a", [1, 1]);
    cache.set("b", [1, 1]);
    expect(cache.get("a")).toEqual([1, 1]); // a is now the most recent
    cache.set("c", [1, 1]);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
    expect(cache.weight).toBe(4);
  });

  it("does not keep an entry heavier than the budget, and replaces entries", () => {
    const cache = new LruCache<string, number[]>(3, (v) => v.length);
    cache.set("big", [1, 2, 3, 4]);
    expect(cache.get("big")).toBeUndefined();
    cache.set("x", [1]);
    cache.set("x", [1, 2]);
    expect(cache.weight).toBe(2);
    expect(cache.size).toBe(1);
    cache.clear();
    expect(cache.weight).toBe(0);
  });
});
