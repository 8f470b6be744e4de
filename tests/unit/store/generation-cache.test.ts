import { describe, expect, it } from "vitest";
import { GenerationCache } from "../../../src/store/generation-cache.js";

describe("GenerationCache", () => {
  it("keeps what was read in the last two generations and drops the rest", () => {
    const cache = new GenerationCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3); // a, b become the old generation
    expect(cache.get("a")).toBe(1); // read: moved up beside c
    cache.set("d", 4); // c, a become old; b is dropped
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.get("d")).toBe(4);
  });

  it("never holds more than two generations", () => {
    const cache = new GenerationCache<number, number>(100);
    for (let i = 0; i < 1_000; i++) cache.set(i, i);
    expect(cache.size).toBeLessThanOrEqual(200);
    expect(cache.get(999)).toBe(999);
    expect(cache.get(0)).toBeUndefined();
  });

  it("computes a missing value once and keeps it, a false one too", () => {
    const cache = new GenerationCache<string, boolean>(10);
    let calls = 0;
    const compute = (key: string) => {
      calls++;
      return key.length > 3;
    };
    expect(cache.getOrCompute("ab", compute)).toBe(false);
    expect(cache.getOrCompute("ab", compute)).toBe(false);
    expect(cache.getOrCompute("abcd", compute)).toBe(true);
    expect(calls).toBe(2);
  });
});
