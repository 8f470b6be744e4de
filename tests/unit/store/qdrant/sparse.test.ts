import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bm25TermValue,
  DEFAULT_BM25,
  reweight,
  termIndex,
  toDocumentSparseVector,
  toQuerySparseVector,
} from "../../../../src/store/qdrant/sparse.js";
import { analyzeForIndex } from "../../../../src/text/index.js";

describe("termIndex (32-bit FNV-1a of UTF-8)", () => {
  it("matches the published FNV-1a test vectors", () => {
    expect(termIndex("")).toBe(0x811c9dc5);
    expect(termIndex("a")).toBe(0xe40c292c);
    expect(termIndex("foobar")).toBe(0xbf9cf968);
  });

  it("is stable for the analyzer's terms (stored indices must never change)", () => {
    // Changing these numbers silently breaks every Qdrant collection already written.
    expect(
      ["f:nhat", "f:the", "b:nhat_the", "w:nhất", "w:thể", "f:bi_thu"].map((t) => termIndex(t).toString(16)),
    ).toMatchInlineSnapshot(`
      [
        "b81fb092",
        "8147af18",
        "fefa9bee",
        "847570a0",
        "9ea31529",
        "8a26a12c",
      ]
    `);
  });

  it("hashes the UTF-8 bytes, so composed and decomposed forms differ", () => {
    expect(termIndex("w:nhất")).not.toBe(termIndex("w:nhất".normalize("NFD")));
  });

  it("gives unsigned 32-bit integers", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const i = termIndex(s);
        return Number.isInteger(i) && i >= 0 && i <= 0xffffffff;
      }),
    );
  });
});

describe("bm25TermValue", () => {
  it("is BM25's saturated, length-normalized term frequency", () => {
    const { k1, b } = DEFAULT_BM25;
    const tf = 3;
    const len = 12;
    const avg = 8;
    expect(bm25TermValue(tf, len, avg, DEFAULT_BM25)).toBeCloseTo(
      (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * len) / avg)),
      12,
    );
  });

  it("is 0 for an absent term, grows with tf and shrinks with length", () => {
    expect(bm25TermValue(0, 5, 5, DEFAULT_BM25)).toBe(0);
    expect(bm25TermValue(2, 5, 5, DEFAULT_BM25)).toBeGreaterThan(bm25TermValue(1, 5, 5, DEFAULT_BM25));
    expect(bm25TermValue(1, 40, 10, DEFAULT_BM25)).toBeLessThan(bm25TermValue(1, 5, 10, DEFAULT_BM25));
  });

  it("stays below k1 + 1 and ignores length when b = 0", () => {
    expect(bm25TermValue(1e6, 5, 5, DEFAULT_BM25)).toBeLessThan(DEFAULT_BM25.k1 + 1);
    const flat = { k1: 1.2, b: 0 };
    expect(bm25TermValue(2, 100, 5, flat)).toBe(bm25TermValue(2, 1, 5, flat));
  });

  it("treats an unknown mean length as neutral", () => {
    expect(bm25TermValue(1, 7, 0, DEFAULT_BM25)).toBeCloseTo(1, 12);
  });
});

describe("sparse vectors", () => {
  it("builds a chunk's vector from real analyzer output: sorted unique indices, one value each", () => {
    const { terms, length } = analyzeForIndex("Nhất thể hóa chức danh bí thư cấp ủy đồng thời là chủ tịch");
    const vector = toDocumentSparseVector(terms, length, length, DEFAULT_BM25);
    expect(vector.indices).toHaveLength(Object.keys(terms).length);
    expect(vector.indices).toEqual([...vector.indices].sort((a, b) => a - b));
    expect(new Set(vector.indices).size).toBe(vector.indices.length);
    const nhat = vector.indices.indexOf(termIndex("f:nhat"));
    expect(vector.values[nhat]).toBeCloseTo(
      bm25TermValue(terms["f:nhat"]!, length, length, DEFAULT_BM25),
      12,
    );
  });

  it("puts each query term's weight at its index and drops zero weights", () => {
    const vector = toQuerySparseVector(
      new Map([
        ["f:nhat", 2],
        ["f:the", 0.5],
        ["f:khong", 0],
      ]),
    );
    expect(vector.indices).toHaveLength(2);
    expect(vector.values[vector.indices.indexOf(termIndex("f:nhat"))]).toBe(2);
    expect(vector.values[vector.indices.indexOf(termIndex("f:the"))]).toBe(0.5);
    expect(toQuerySparseVector(new Map())).toEqual({ indices: [], values: [] });
  });

  it("adds up the values of two terms that share an index (a real FNV-1a collision)", () => {
    // Found by brute force; two distinct terms, one 32-bit index.
    expect(termIndex("f:t104799")).toBe(0x979ae525);
    expect(termIndex("f:t1125692")).toBe(0x979ae525);
    const query = toQuerySparseVector(
      new Map([
        ["f:t104799", 1],
        ["f:t1125692", 2],
      ]),
    );
    expect(query).toEqual({ indices: [0x979ae525], values: [3] });
    const doc = toDocumentSparseVector({ "f:t104799": 1, "f:t1125692": 1 }, 2, 2, DEFAULT_BM25);
    expect(doc.indices).toEqual([0x979ae525]);
    expect(doc.values[0]).toBeCloseTo(2 * bm25TermValue(1, 2, 2, DEFAULT_BM25), 12);
  });

  it("has indices and values of equal length, indices unique, for any term map", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 20 })),
        fc.integer({ min: 0, max: 200 }),
        (terms, length) => {
          const v = toDocumentSparseVector(terms, length, 10, DEFAULT_BM25);
          return (
            v.indices.length === v.values.length &&
            new Set(v.indices).size === v.indices.length &&
            v.values.every((x) => x > 0 && x < DEFAULT_BM25.k1 + 1)
          );
        },
      ),
    );
  });
});

describe("reweight", () => {
  it("rewrites stored values as if written under the new mean length", () => {
    const terms = { "f:a": 1, "f:b": 3, "f:c": 7 };
    const written = toDocumentSparseVector(terms, 12, 20, DEFAULT_BM25);
    const expected = toDocumentSparseVector(terms, 12, 9, DEFAULT_BM25);
    const got = reweight(written, 12, 20, 9, DEFAULT_BM25);
    expect(got.indices).toEqual(expected.indices);
    got.values.forEach((v, i) => {
      expect(v).toBeCloseTo(expected.values[i]!, 9);
    });
  });

  it("stores and rewrites bigram terms with the bigram saturation", () => {
    const terms = { "f:nhat": 3, "b:nhat_the": 3 };
    const written = toDocumentSparseVector(terms, 12, 20, DEFAULT_BM25);
    const storedValue = (v: typeof written, term: string) => v.values[v.indices.indexOf(termIndex(term))]!;
    expect(storedValue(written, "b:nhat_the")).toBeCloseTo(
      bm25TermValue(3, 12, 20, { k1: DEFAULT_BM25.bigramK1, b: DEFAULT_BM25.b }),
      9,
    );
    expect(storedValue(written, "b:nhat_the")).toBeLessThan(storedValue(written, "f:nhat"));
    const expected = toDocumentSparseVector(terms, 12, 9, DEFAULT_BM25);
    const got = reweight(written, 12, 20, 9, DEFAULT_BM25, new Set([termIndex("b:nhat_the")]));
    for (const term of Object.keys(terms))
      expect(storedValue(got, term)).toBeCloseTo(storedValue(expected, term), 9);
  });
});
