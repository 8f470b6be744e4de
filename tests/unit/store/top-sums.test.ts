import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTopSums } from "../../../src/store/top-sums.js";

describe("top sums", () => {
  it("knows the k-th largest of growing sums at every step", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 5 })), {
          maxLength: 120,
        }),
        (k, steps) => {
          const top = createTopSums();
          top.reset(k, 31);
          const sums = new Map<number, number>();
          for (const [key, add] of steps) {
            const sum = (sums.get(key) ?? 0) + add;
            sums.set(key, sum);
            top.offer(key, sum);
            const sorted = [...sums.values()].sort((a, b) => b - a);
            expect(top.kth()).toBe(sorted.length < k ? Number.NEGATIVE_INFINITY : sorted[k - 1]);
            // The keys held are k (or all) of the largest sums.
            const held = [...top.keys()].map((key) => sums.get(key)!).sort((a, b) => b - a);
            expect(held).toEqual(sorted.slice(0, k));
          }
        },
      ),
    );
  });

  it("starts empty again after a reset, with room for larger keys", () => {
    const top = createTopSums();
    top.reset(2, 10);
    top.offer(3, 5);
    top.offer(4, 7);
    expect(top.kth()).toBe(5);
    top.reset(2, 100);
    top.offer(90, 1);
    expect(top.kth()).toBe(Number.NEGATIVE_INFINITY);
    top.offer(3, 2);
    expect(top.kth()).toBe(1);
  });
});
