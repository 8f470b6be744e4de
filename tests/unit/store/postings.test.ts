import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concatCompact } from "../../../src/store/compact-postings.js";
import {
  buildSegmentPostings,
  compactBlob,
  concatPostingBlobs,
  type DeadRanges,
  decodeImpacts,
  decodePostings,
  encodePostings,
  includesKey,
  lowerBound,
  mergePostingBlobs,
  NO_DEAD,
  postingCount,
  storedCount,
} from "../../../src/store/postings.js";

const sortedKeys = fc
  .uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 200 })
  .map((keys) => keys.sort((a, b) => a - b));

function blobOf(keys: number[], tf = (k: number) => 1 + (k % 5), len = (k: number) => 10 + (k % 7)): Buffer {
  return encodePostings(keys, keys.map(tf), keys.map(len));
}

function ranges(pairs: Array<[number, number]>): DeadRanges {
  return { los: Int32Array.from(pairs, (p) => p[0]), his: Int32Array.from(pairs, (p) => p[1]) };
}

describe("posting blobs", () => {
  it("round-trip keys, frequencies and lengths", () => {
    fc.assert(
      fc.property(sortedKeys, (keys) => {
        const blob = blobOf(keys);
        expect(postingCount(blob)).toBe(keys.length);
        const decoded = decodePostings([blob]);
        expect(Array.from(decoded.keys)).toEqual(keys);
        expect(Array.from(decoded.tfs)).toEqual(keys.map((k) => 1 + (k % 5)));
        expect(Array.from(decoded.lens)).toEqual(keys.map((k) => 10 + (k % 7)));
      }),
    );
  });

  it("decode blobs whatever their alignment in memory", () => {
    const blob = blobOf([3, 8, 9]);
    const shifted = Buffer.alloc(blob.length + 1);
    blob.copy(shifted, 1);
    const unaligned = shifted.subarray(1);
    expect(Array.from(decodePostings([unaligned]).keys)).toEqual([3, 8, 9]);
    const params = { k1: 1.2, base: 0.3, lengthFactor: 0.05 };
    expect(decodeImpacts([unaligned], NO_DEAD, params)).toEqual(decodeImpacts([blob], NO_DEAD, params));
  });

  it("concatenate and merge in key order, dropping dead ranges", () => {
    fc.assert(
      fc.property(
        sortedKeys,
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 300 })), {
          maxLength: 5,
        }),
        (keys, parts, deadSpec) => {
          const cut = Math.ceil(keys.length / parts);
          const blobs = [];
          for (let i = 0; i < keys.length; i += cut) blobs.push(blobOf(keys.slice(i, i + cut)));
          if (blobs.length === 0) blobs.push(blobOf([]));
          expect(Array.from(decodePostings([concatPostingBlobs(blobs)]).keys)).toEqual(keys);

          // Non-overlapping sorted ranges from the spec.
          const pairs: Array<[number, number]> = [];
          let floor = 0;
          for (const [start, width] of [...deadSpec].sort((a, b) => a[0] - b[0])) {
            const lo = Math.max(start, floor);
            pairs.push([lo, lo + width]);
            floor = lo + width + 1;
          }
          const dead = ranges(pairs);
          const live = keys.filter((k) => !pairs.some(([lo, hi]) => k >= lo && k <= hi));
          const merged = mergePostingBlobs(blobs, dead);
          if (live.length === 0) expect(merged).toBeNull();
          else expect(Array.from(decodePostings([merged!]).keys)).toEqual(live);
          expect(Array.from(decodePostings(blobs, dead).keys)).toEqual(live);
          expect(
            Array.from(decodeImpacts(blobs, dead, { k1: 1.2, base: 0.3, lengthFactor: 0.01 }).keys),
          ).toEqual(live);
        },
      ),
    );
  });

  it("compute impacts tf·(k1+1)/(tf + base + lengthFactor·len) and their maximum", () => {
    const blob = encodePostings([1, 2], [1, 3], [10, 40]);
    const { keys, impacts, maxImpact } = decodeImpacts([blob], NO_DEAD, {
      k1: 1.2,
      base: 0.3,
      lengthFactor: 0.05,
    });
    expect(Array.from(keys)).toEqual([1, 2]);
    // Kept in single precision, exactly as Math.fround rounds the double value.
    expect(impacts[0]).toBe(Math.fround((1 * 2.2) / (1 + 0.3 + 0.5)));
    expect(impacts[1]).toBe(Math.fround((3 * 2.2) / (3 + 0.3 + 2)));
    expect(maxImpact).toBe(Math.max(impacts[0]!, impacts[1]!));
  });

  it("build a segment's postings per term, skipping zero frequencies", () => {
    const byTerm = buildSegmentPostings([
      { key: 5, terms: { "f:a": 2, "f:b": 1, "f:z": 0 }, length: 7 },
      { key: 6, terms: { "f:a": 1 }, length: 3 },
    ]);
    expect([...byTerm.keys()].sort()).toEqual(["f:a", "f:b"]);
    const a = decodePostings([byTerm.get("f:a")!]);
    expect([Array.from(a.keys), Array.from(a.tfs), Array.from(a.lens)]).toEqual([
      [5, 6],
      [2, 1],
      [7, 3],
    ]);
  });

  it("find lower bounds by galloping", () => {
    fc.assert(
      fc.property(sortedKeys, fc.integer({ min: -5, max: 10_005 }), fc.nat(), (keys, target, fromSeed) => {
        const arr = Int32Array.from(keys);
        const from = keys.length === 0 ? 0 : fromSeed % (keys.length + 1);
        let expected = from;
        while (expected < keys.length && keys[expected]! < target) expected++;
        expect(lowerBound(arr, from, target)).toBe(expected);
      }),
    );
  });

  it("tells whether sorted keys include a key", () => {
    fc.assert(
      fc.property(sortedKeys, fc.integer({ min: -5, max: 10_005 }), (keys, key) => {
        expect(includesKey(Int32Array.from(keys), key)).toBe(keys.includes(key));
      }),
    );
  });
});

describe("compact posting blobs (layout 2)", () => {
  const wideKeys = fc
    .uniqueArray(fc.integer({ min: 0, max: 0x7fffffff }), { maxLength: 100 })
    .map((keys) => keys.sort((a, b) => a - b));

  it("round-trip keys, whole frequencies and lengths of any size", () => {
    fc.assert(
      fc.property(wideKeys, fc.integer({ min: 1, max: 0x7fffffff }), (keys, big) => {
        const tfs = keys.map((k, i) => (i === 0 ? Math.min(big, 0x7fffffff) : 1 + (k % 300)));
        const lens = keys.map((k) => k % 100_000);
        const raw = encodePostings(keys, tfs, lens);
        const compact = compactBlob(raw);
        expect(storedCount({ compact })).toBe(keys.length);
        const decoded = decodePostings([{ compact }]);
        expect(Array.from(decoded.keys)).toEqual(keys);
        expect(Array.from(decoded.tfs)).toEqual(Array.from(new Float32Array(tfs)));
        expect(Array.from(decoded.lens)).toEqual(lens);
      }),
    );
  });

  it("take a few bytes a posting where keys are close and counts small", () => {
    const keys = Array.from({ length: 1000 }, (_, i) => 5000 + 3 * i);
    const compact = compactBlob(blobOf(keys));
    expect(compact.byteLength).toBeLessThan(keys.length * 4);
    expect(blobOf(keys).byteLength).toBe(keys.length * 12);
  });

  it("keep frequencies that are not whole numbers in the raw form inside", () => {
    const raw = encodePostings([2, 9], [0.5, 2], [10, 11]);
    const compact = compactBlob(raw);
    expect(compact.byteLength).toBe(raw.byteLength + 1);
    const decoded = decodePostings([{ compact }]);
    expect([Array.from(decoded.keys), Array.from(decoded.tfs), Array.from(decoded.lens)]).toEqual([
      [2, 9],
      [0.5, 2],
      [10, 11],
    ]);
  });

  it("give the same impacts as raw blobs, and merge with them in key order, dropping dead ranges", () => {
    fc.assert(
      fc.property(sortedKeys, fc.integer({ min: 1, max: 4 }), fc.nat(), (keys, parts, deadStart) => {
        const cut = Math.ceil(keys.length / parts) || 1;
        const raws = [];
        for (let i = 0; i < keys.length; i += cut) raws.push(blobOf(keys.slice(i, i + cut)));
        // Every other blob compact: segments of old and new layouts side by side.
        const mixed = raws.map((raw, i) => (i % 2 === 0 ? { compact: compactBlob(raw) } : raw));
        const params = { k1: 1.2, base: 0.3, lengthFactor: 0.01 };
        const dead = ranges([[deadStart % 10_000, (deadStart % 10_000) + 50]]);
        expect(decodeImpacts(mixed, dead, params)).toEqual(decodeImpacts(raws, dead, params));
        const merged = mergePostingBlobs(mixed, dead);
        const expected = mergePostingBlobs(raws, dead);
        if (expected === null) expect(merged).toBeNull();
        else expect(Buffer.from(merged!)).toEqual(Buffer.from(expected));
        expect(Buffer.from(concatPostingBlobs(mixed))).toEqual(Buffer.from(concatPostingBlobs(raws)));
      }),
    );
  });

  it("join without decoding, for a merge of adjacent segments, exactly as encoding the whole list", () => {
    fc.assert(
      fc.property(wideKeys, fc.integer({ min: 1, max: 5 }), (keys, parts) => {
        const tfs = keys.map((k) => 1 + (k % 300));
        const lens = keys.map((k) => k % 100_000);
        const cut = Math.ceil(keys.length / parts) || 1;
        const pieces: Uint8Array[] = [];
        for (let i = 0; i < keys.length; i += cut)
          pieces.push(
            compactBlob(
              encodePostings(keys.slice(i, i + cut), tfs.slice(i, i + cut), lens.slice(i, i + cut)),
            ),
          );
        // A segment holding none of the term's postings adds nothing.
        pieces.splice(1, 0, compactBlob(encodePostings([], [], [])));
        const whole = compactBlob(encodePostings(keys, tfs, lens));
        expect(Buffer.from(concatCompact(pieces)!)).toEqual(Buffer.from(whole));
      }),
    );
  });

  it("are not joined without decoding when keys do not ascend or a list is raw inside", () => {
    const early = compactBlob(blobOf([1, 5]));
    const late = compactBlob(blobOf([9, 12]));
    expect(concatCompact([late, early])).toBeNull();
    expect(concatCompact([early, compactBlob(blobOf([5, 7]))])).toBeNull();
    expect(concatCompact([early, compactBlob(encodePostings([20], [0.5], [3]))])).toBeNull();
  });
});
