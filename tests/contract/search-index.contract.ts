import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IndexHit, SearchIndex } from "../../src/store/search-index.js";
import type { ChunkFilter, DocumentStore, IndexedChunk, WeightedTerm } from "../../src/store/types.js";
import { makeChunk, makeDoc, sha256, vec } from "./store-fixtures.js";

/**
 * A search index under test, with the store that writes it: neither index is written
 * on its own (the embedded one inside the catalog's transaction, Qdrant around it, see
 * `compose-store.ts`), so passages go in through the composed store and the suite reads
 * the index itself.
 */
export type SearchIndexFactory = () => Promise<{
  index: SearchIndex;
  store: DocumentStore;
  cleanup: () => Promise<void>;
}>;

function terms(...list: Array<string | [string, number]>): WeightedTerm[] {
  return list.map((t) => (typeof t === "string" ? { term: t, weight: 1 } : { term: t[0], weight: t[1] }));
}

/**
 * The behaviour of the `SearchIndex` port: BM25 over weighted terms, cosine over vectors
 * of one model, filters, matched terms, document frequencies, and only active passages.
 * Hits are chunk ids and scores; records are the catalog's business.
 *
 *   describeSearchIndexContract("embedded", async () => ({ index, store, cleanup }));
 */
export function describeSearchIndexContract(name: string, makeIndex: SearchIndexFactory): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let index: SearchIndex;
    let store: DocumentStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ index, store, cleanup } = await makeIndex());
    });
    afterEach(async () => {
      await cleanup();
    });

    const idsOf = (hits: IndexHit[]) => hits.map((h) => h.chunkId);

    async function vectors(model: string, list: Array<[IndexedChunk, Float32Array]>) {
      await store.putVectors(
        model,
        list.map(([c, vector]) => ({ chunkId: c.chunkId, contentHash: sha256(c.text), vector })),
      );
    }

    describe("lexical", () => {
      it("scores BM25: tf saturates, rare terms weigh more, shorter passages win at equal tf", async () => {
        const chunks = [
          makeChunk("d", 0, { "f:hiem": 1, "f:chung": 1 }, { length: 4 }),
          makeChunk("d", 1, { "f:hiem": 3, "f:chung": 1 }, { length: 4 }),
          makeChunk("d", 2, { "f:chung": 3 }, { length: 4 }),
          makeChunk("d", 3, { "f:hiem": 1 }, { length: 40 }),
          makeChunk("d", 4, { "f:chung": 1 }, { length: 4 }),
        ];
        await store.upsertDocument(makeDoc("d"), chunks);
        const rare = await index.searchLexical({ terms: terms("f:hiem"), limit: 10 });
        expect(idsOf(rare)).toEqual([chunks[1], chunks[0], chunks[3]].map((c) => c!.chunkId));
        expect(rare[0]!.score).toBeGreaterThan(rare[1]!.score);
        const both = await index.searchLexical({ terms: terms("f:hiem", "f:chung"), limit: 2 });
        expect(idsOf(both)).toEqual([chunks[1]!.chunkId, chunks[0]!.chunkId]);
      });

      it("multiplies by query weights and reports matched terms (the searched ones, or those asked)", async () => {
        const a = makeChunk("d", 0, { "f:mot": 1, "f:ba": 1 }, { length: 3 });
        const b = makeChunk("d", 1, { "f:hai": 1 }, { length: 3 });
        await store.upsertDocument(makeDoc("d"), [a, b, makeChunk("d", 2, { "f:bon": 1 }, { length: 3 })]);
        const hits = await index.searchLexical({ terms: terms(["f:mot", 1], ["f:hai", 2]), limit: 5 });
        expect(idsOf(hits)).toEqual([b.chunkId, a.chunkId]);
        expect(hits[0]!.score).toBeCloseTo(2 * hits[1]!.score, 6);
        expect(hits.map((h) => h.matchedTerms)).toEqual([["f:hai"], ["f:mot"]]);
        const asked = await index.searchLexical({
          terms: terms("f:mot"),
          limit: 5,
          matchTerms: ["f:ba", "f:khong"],
        });
        expect(asked.map((h) => h.matchedTerms)).toEqual([["f:ba"]]);
      });

      it("breaks ties by chunk id, respects the limit, and is empty for no terms or limit 0", async () => {
        const chunks = Array.from({ length: 6 }, (_, i) => makeChunk("d", i, { "f:x": 1 }, { length: 2 }));
        await store.upsertDocument(makeDoc("d"), chunks);
        const sorted = chunks.map((c) => c.chunkId).sort();
        expect(idsOf(await index.searchLexical({ terms: terms("f:x"), limit: 4 }))).toEqual(
          sorted.slice(0, 4),
        );
        expect(await index.searchLexical({ terms: [], limit: 4 })).toEqual([]);
        expect(await index.searchLexical({ terms: terms("f:x"), limit: 0 })).toEqual([]);
        expect(await index.searchLexical({ terms: terms("f:khong_co"), limit: 4 })).toEqual([]);
      });

      it("searches active passages only: replaced and deleted ones are gone", async () => {
        await store.upsertDocument(makeDoc("a", { contentHash: sha256("1") }), [
          makeChunk("a", 0, { "f:cu": 1 }),
        ]);
        await store.upsertDocument(makeDoc("b"), [makeChunk("b", 0, { "f:cu": 1 })]);
        const fresh = makeChunk("a", 0, { "f:moi": 1 }, { id: "a2" });
        await store.upsertDocument(makeDoc("a", { contentHash: sha256("2") }), [fresh]);
        expect(idsOf(await index.searchLexical({ terms: terms("f:cu", "f:moi"), limit: 5 })).sort()).toEqual(
          [fresh.chunkId, makeChunk("b", 0, {}).chunkId].sort(),
        );
        await store.deleteDocument("b");
        expect(idsOf(await index.searchLexical({ terms: terms("f:cu", "f:moi"), limit: 5 }))).toEqual([
          fresh.chunkId,
        ]);
      });

      it("counts document frequencies over active passages", async () => {
        await store.upsertDocument(makeDoc("a", { contentHash: sha256("1") }), [
          makeChunk("a", 0, { "f:nhat": 2, "f:the": 1 }),
          makeChunk("a", 1, { "f:nhat": 1 }),
        ]);
        await store.upsertDocument(makeDoc("b"), [makeChunk("b", 0, { "f:the": 1 })]);
        let stats = await index.termStats(["f:nhat", "f:the", "f:khong"]);
        expect(stats.chunks).toBe(3);
        expect(Object.fromEntries(stats.df)).toEqual({ "f:nhat": 2, "f:the": 2, "f:khong": 0 });
        await store.deleteDocument("a");
        stats = await index.termStats(["f:nhat", "f:the"]);
        expect({ chunks: stats.chunks, df: Object.fromEntries(stats.df) }).toEqual({
          chunks: 1,
          df: { "f:nhat": 0, "f:the": 1 },
        });
      });
    });

    describe("dense", () => {
      it("ranks by cosine within one model; a model without vectors gives nothing", async () => {
        const chunks = [0, 1, 2].map((i) => makeChunk("d", i, { "f:a": 1 }));
        await store.upsertDocument(makeDoc("d"), chunks);
        await vectors("m", [
          [chunks[0]!, vec(0, 1)],
          [chunks[1]!, vec(3, 0)],
          [chunks[2]!, vec(1, 1)],
        ]);
        await vectors("other", [[chunks[0]!, vec(1, 0, 0)]]);
        const hits = await index.searchDense({ vector: vec(2, 0), model: "m", limit: 5 });
        expect(idsOf(hits)).toEqual([chunks[1], chunks[2], chunks[0]].map((c) => c!.chunkId));
        expect(hits.map((h) => h.score)).toEqual([
          expect.closeTo(1, 5),
          expect.closeTo(Math.SQRT1_2, 5),
          expect.closeTo(0, 5),
        ]);
        expect(idsOf(await index.searchDense({ vector: vec(1, 0, 0), model: "other", limit: 5 }))).toEqual([
          chunks[0]!.chunkId,
        ]);
        expect(await index.searchDense({ vector: vec(1, 0), model: "none", limit: 5 })).toEqual([]);
        expect(await index.searchDense({ vector: vec(1, 0), model: "m", limit: 0 })).toEqual([]);
      });

      it("gives a new passage with a known text its vector at once", async () => {
        const keep = makeChunk("d", 0, { "f:a": 1 }, { text: "đoạn giữ nguyên" });
        await store.upsertDocument(makeDoc("d", { contentHash: sha256("1") }), [keep]);
        await vectors("m", [[keep, vec(1, 0)]]);
        const moved = makeChunk("d", 4, { "f:a": 1 }, { text: "đoạn giữ nguyên", id: "moved" });
        await store.upsertDocument(makeDoc("d", { contentHash: sha256("2") }), [moved]);
        expect(idsOf(await index.searchDense({ vector: vec(1, 0), model: "m", limit: 5 }))).toEqual([
          moved.chunkId,
        ]);
      });
    });

    describe("filters", () => {
      const docs = [
        makeDoc("nq18", { kind: "Nghị quyết", number: "18-NQ/TW", date: "2017-10-25" }),
        makeDoc("kl126", { kind: "Kết luận", number: "126-KL/TW", date: "2025-02-14" }),
        makeDoc("nodate", { kind: "Nghị quyết", number: null, date: null }),
      ];

      async function seed(): Promise<Map<string, string>> {
        const byDoc = new Map<string, string>();
        for (const doc of docs) {
          const chunk = makeChunk(doc.docId, 0, { "f:sap_xep": 1 }, { length: 4 });
          await store.upsertDocument(doc, [chunk]);
          await vectors("m", [[chunk, vec(1, 0.5)]]);
          byDoc.set(chunk.chunkId, doc.docId);
        }
        return byDoc;
      }

      it("applies docIds, numbers, kinds and dates to lexical and dense alike; empty lists match nothing", async () => {
        const docOf = await seed();
        const both = async (filter: ChunkFilter) => {
          const lexical = await index.searchLexical({ terms: terms("f:sap_xep"), limit: 10, filter });
          const dense = await index.searchDense({ vector: vec(1, 0), model: "m", limit: 10, filter });
          const docIds = (hits: IndexHit[]) => hits.map((h) => docOf.get(h.chunkId)).sort();
          expect(docIds(dense)).toEqual(docIds(lexical));
          return docIds(lexical);
        };
        expect(await both({})).toEqual(["kl126", "nodate", "nq18"]);
        expect(await both({ docIds: ["nq18", "x"] })).toEqual(["nq18"]);
        expect(await both({ numbers: [" 126-kl/tw "] })).toEqual(["kl126"]);
        expect(await both({ kinds: ["Nghị quyết"] })).toEqual(["nodate", "nq18"]);
        expect(await both({ dateFrom: "2017-10-25", dateTo: "2017-10-25" })).toEqual(["nq18"]);
        expect(await both({ dateFrom: "2020-01-01" })).toEqual(["kl126"]);
        expect(await both({ kinds: ["Nghị quyết"], dateTo: "2030-01-01" })).toEqual(["nq18"]);
        expect(await both({ docIds: [] })).toEqual([]);
        expect(await both({ kinds: [] })).toEqual([]);
      });
    });
  });
}
