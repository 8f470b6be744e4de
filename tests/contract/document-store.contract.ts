import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  ChunkFilter,
  DocumentInput,
  DocumentStore,
  IndexedChunk,
  ScoredChunk,
  WeightedTerm,
} from "../../src/store/types.js";
import { chunkIdOf, makeChunk, makeDoc, recordOf, sha256, sleep, vec } from "./store-fixtures.js";

/** Builds a fresh, empty store for one test and a way to dispose of it. */
export type DocumentStoreFactory = () => Promise<{ store: DocumentStore; cleanup: () => Promise<void> }>;

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function terms(...list: Array<string | [string, number]>): WeightedTerm[] {
  return list.map((t) => (typeof t === "string" ? { term: t, weight: 1 } : { term: t[0], weight: t[1] }));
}

function ids(results: ScoredChunk[]): string[] {
  return results.map((r) => r.chunk.chunkId);
}

/**
 * The behaviour every `DocumentStore` adapter must show. Call it from an adapter's test
 * file with a factory that returns an empty store:
 *
 *   describeDocumentStoreContract("embedded", async () => ({ store, cleanup }));
 *
 * Fixtures are small hand-made chunks with analyzer-like terms ("f:nhat", "b:nhat_the").
 * Vectors are stored with the sha256 of the chunk text as content hash, as the port says.
 */
export function describeDocumentStoreContract(name: string, makeStore: DocumentStoreFactory): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await cleanup();
    });

    async function add(doc: DocumentInput, chunks: IndexedChunk[]) {
      return store.upsertDocument(doc, chunks);
    }

    async function putVectorsFor(model: string, list: Array<[IndexedChunk, Float32Array]>) {
      await store.putVectors(
        model,
        list.map(([chunk, vector]) => ({ chunkId: chunk.chunkId, contentHash: sha256(chunk.text), vector })),
      );
    }

    describe("upsertDocument", () => {
      it("adds a new document as version 1 with its chunks", async () => {
        const doc = makeDoc("d1", {
          kind: "Nghị quyết",
          number: "18-NQ/TW",
          issuer: "Ban Chấp hành Trung ương",
          date: "2017-10-25",
          format: "pdf",
          pages: 12,
        });
        const chunks = [makeChunk("d1", 0, { "f:nhat": 1 }), makeChunk("d1", 1, { "f:the": 2 })];
        const result = await add(doc, chunks);
        expect(result).toEqual({ docId: "d1", status: "added", version: 1, chunkCount: 2 });

        const record = await store.getDocument("d1");
        expect(record).toMatchObject({ ...doc, chunkCount: 2, version: 1 });
        expect(record?.addedAt).toMatch(ISO_TIMESTAMP);
        expect(record?.updatedAt).toBe(record?.addedAt);
        expect(await store.getChunks("d1")).toEqual(chunks.map(recordOf));
        expect(await store.stats()).toEqual({ documents: 1, chunks: 2 });
        expect(await store.listVersions("d1")).toEqual([]);
      });

      it("reports unchanged for the same docId and contentHash, and writes nothing", async () => {
        const doc = makeDoc("d1");
        const chunks = [makeChunk("d1", 0, { "f:nhat": 1 })];
        await add(doc, chunks);
        const before = await store.getDocument("d1");

        const again = await add({ ...doc, title: "Tiêu đề khác" }, [
          makeChunk("d1", 0, { "f:khac": 1 }, { id: "x" }),
        ]);
        expect(again).toEqual({ docId: "d1", status: "unchanged", version: 1, chunkCount: 1 });
        expect(await store.getDocument("d1")).toEqual(before);
        expect(await store.getChunks("d1")).toEqual(chunks.map(recordOf));
        expect(await store.searchLexical({ terms: terms("f:khac"), limit: 10 })).toEqual([]);
        expect(await store.listVersions("d1")).toEqual([]);
      });

      it("indexes the same content again under another pipeline, and keeps the pipeline", async () => {
        const doc = { ...makeDoc("d1"), pipeline: 1 };
        await add(doc, [makeChunk("d1", 0, { "f:cu": 1 })]);
        expect((await store.getDocument("d1"))?.pipeline).toBe(1);
        expect(await add(doc, [makeChunk("d1", 0, { "f:cu": 1 })])).toMatchObject({ status: "unchanged" });

        const upgraded = await add({ ...doc, pipeline: 2 }, [
          makeChunk("d1", 0, { "f:moi": 1 }, { id: "y" }),
        ]);
        expect(upgraded).toEqual({ docId: "d1", status: "replaced", version: 2, chunkCount: 1 });
        expect((await store.getDocument("d1"))?.pipeline).toBe(2);
        expect(ids(await store.searchLexical({ terms: terms("f:moi"), limit: 10 }))).toHaveLength(1);
        expect(await store.searchLexical({ terms: terms("f:cu"), limit: 10 })).toEqual([]);
        // Stored without a pipeline, a document has none.
        await add(makeDoc("d2"), [makeChunk("d2", 0, { "f:cu": 1 })]);
        expect((await store.getDocument("d2"))?.pipeline).toBeUndefined();
      });

      it("keeps what a document says about others (its relations), and none when it says nothing", async () => {
        const relations = [
          {
            kind: "amends" as const,
            source: "67/2025/NĐ-CP",
            target: "Nghị định số 178/2024/NĐ-CP",
            date: "2025-03-15",
            reported: false,
            evidence: "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 178/2024/NĐ-CP.",
          },
        ];
        await add({ ...makeDoc("d1"), relations }, [makeChunk("d1", 0, { "f:cu": 1 })]);
        expect((await store.getDocument("d1"))?.relations).toEqual(relations);
        expect((await store.listDocuments()).find((d) => d.docId === "d1")?.relations).toEqual(relations);
        await add(makeDoc("d2"), [makeChunk("d2", 0, { "f:cu": 1 })]);
        expect((await store.getDocument("d2"))?.relations).toBeUndefined();
      });

      it("replaces on a new contentHash: version + 1, old version archived with its chunks", async () => {
        const v1Chunks = [makeChunk("d1", 0, { "f:cu": 2, "f:chung": 1 }), makeChunk("d1", 1, { "f:cu": 1 })];
        await add(makeDoc("d1", { title: "Bản cũ", contentHash: sha256("v1") }), v1Chunks);
        const v1 = await store.getDocument("d1");
        await sleep(5);

        const v2Chunks = [makeChunk("d1", 0, { "f:moi": 1, "f:chung": 1 }, { id: "d1-v2-0" })];
        const result = await add(makeDoc("d1", { title: "Bản mới", contentHash: sha256("v2") }), v2Chunks);
        expect(result).toEqual({ docId: "d1", status: "replaced", version: 2, chunkCount: 1 });

        const v2 = await store.getDocument("d1");
        expect(v2).toMatchObject({ title: "Bản mới", version: 2, chunkCount: 1, contentHash: sha256("v2") });
        expect(v2?.addedAt).toBe(v1?.addedAt);
        expect(v2!.updatedAt >= v1!.updatedAt).toBe(true);

        const versions = await store.listVersions("d1");
        expect(versions).toHaveLength(1);
        expect(versions[0]).toMatchObject({
          docId: "d1",
          version: 1,
          record: v1!,
          chunks: v1Chunks.map(recordOf),
        });
        expect(versions[0]!.supersededAt).toMatch(ISO_TIMESTAMP);

        expect(await store.getChunks("d1")).toEqual(v2Chunks.map(recordOf));
        expect(await store.getChunk(v1Chunks[0]!.chunkId)).toBeNull();
        expect(await store.searchLexical({ terms: terms("f:cu"), limit: 10 })).toEqual([]);
        const hits = await store.searchLexical({ terms: terms("f:moi", "f:chung"), limit: 10 });
        expect(ids(hits)).toEqual([v2Chunks[0]!.chunkId]);
        expect(hits[0]!.doc).toEqual(v2);
        expect(await store.stats()).toEqual({ documents: 1, chunks: 1 });
      });

      it("lists archived versions oldest first across several replacements", async () => {
        for (let v = 1; v <= 3; v++) {
          await add(makeDoc("d1", { contentHash: sha256(`v${v}`), title: `Bản ${v}` }), [
            makeChunk("d1", 0, { [`f:ban${v}`]: 1 }, { id: `d1-v${v}` }),
          ]);
        }
        const versions = await store.listVersions("d1");
        expect(versions.map((v) => v.version)).toEqual([1, 2]);
        expect(versions.map((v) => v.record.title)).toEqual(["Bản 1", "Bản 2"]);
        expect(versions[1]!.chunks.map((c) => c.chunkId)).toEqual([chunkIdOf("d1-v2")]);
        expect((await store.getDocument("d1"))?.version).toBe(3);
        expect(await store.listVersions("unknown")).toEqual([]);
      });

      it("keeps a chunk id that survives a replacement (an unchanged passage)", async () => {
        const same = makeChunk("d1", 0, { "f:giu": 1 });
        await add(makeDoc("d1", { contentHash: sha256("v1") }), [same, makeChunk("d1", 1, { "f:bo": 1 })]);
        await add(makeDoc("d1", { contentHash: sha256("v2") }), [
          same,
          makeChunk("d1", 1, { "f:them": 1 }, { id: "n" }),
        ]);
        const hit = await store.getChunk(same.chunkId);
        expect(hit?.chunk).toEqual(recordOf(same));
        expect(hit?.doc.version).toBe(2);
        expect(ids(await store.searchLexical({ terms: terms("f:giu"), limit: 5 }))).toEqual([same.chunkId]);
        expect((await store.listVersions("d1"))[0]!.chunks.map((c) => c.chunkId)).toContain(same.chunkId);
      });

      it("accepts a document without chunks", async () => {
        expect(await add(makeDoc("empty"), [])).toEqual({
          docId: "empty",
          status: "added",
          version: 1,
          chunkCount: 0,
        });
        expect(await store.getChunks("empty")).toEqual([]);
        expect(await store.stats()).toEqual({ documents: 1, chunks: 0 });
        expect(await store.searchLexical({ terms: terms("f:nhat"), limit: 5 })).toEqual([]);
      });

      it("rejects chunk ids that are not 32 lowercase hex characters, writing nothing", async () => {
        const bad = { ...makeChunk("d1", 0, { "f:nhat": 1 }), chunkId: "NOT-A-HEX-ID" };
        await expect(add(makeDoc("d1"), [bad])).rejects.toThrow();
        expect(await store.getDocument("d1")).toBeNull();
        expect(await store.stats()).toEqual({ documents: 0, chunks: 0 });
      });

      it("rejects a chunk id already used by another document, writing nothing", async () => {
        const shared = makeChunk("a", 0, { "f:nhat": 1 }, { id: "shared" });
        await add(makeDoc("a"), [shared]);
        const clash = { ...makeChunk("b", 0, { "f:the": 1 }, { id: "shared" }) };
        await expect(add(makeDoc("b"), [makeChunk("b", 1, { "f:khac": 1 }), clash])).rejects.toThrow();
        expect(await store.getDocument("b")).toBeNull();
        expect((await store.getChunk(shared.chunkId))?.doc.docId).toBe("a");
        expect(await store.searchLexical({ terms: terms("f:khac"), limit: 5 })).toEqual([]);
        expect(await store.stats()).toEqual({ documents: 1, chunks: 1 });
      });
    });

    describe("deleteDocument", () => {
      it("removes the document, its chunks, postings and vectors", async () => {
        const a = [makeChunk("a", 0, { "f:nhat": 2 }), makeChunk("a", 1, { "f:the": 1 })];
        const b = [makeChunk("b", 0, { "f:nhat": 1 })];
        await add(makeDoc("a"), a);
        await add(makeDoc("b"), b);
        await putVectorsFor("m", [
          [a[0]!, vec(1, 0)],
          [a[1]!, vec(0, 1)],
          [b[0]!, vec(1, 1)],
        ]);

        expect(await store.deleteDocument("a")).toBe(true);
        expect(await store.getDocument("a")).toBeNull();
        expect(await store.getChunks("a")).toEqual([]);
        expect(await store.getChunk(a[0]!.chunkId)).toBeNull();
        expect(ids(await store.searchLexical({ terms: terms("f:nhat", "f:the"), limit: 10 }))).toEqual([
          b[0]!.chunkId,
        ]);
        expect(ids(await store.searchDense({ vector: vec(1, 0), model: "m", limit: 10 }))).toEqual([
          b[0]!.chunkId,
        ]);
        expect(await store.vectorModels()).toEqual([{ model: "m", dimension: 2, count: 1 }]);
        expect((await store.chunksWithoutVectors("m", 10)).map((c) => c.chunkId)).toEqual([]);
        expect(await store.stats()).toEqual({ documents: 1, chunks: 1 });
        expect(await store.listDocuments()).toHaveLength(1);

        expect(await store.deleteDocument("a")).toBe(false);
        expect(await store.deleteDocument("never")).toBe(false);
      });

      it("lets a deleted document be added again as version 1", async () => {
        await add(makeDoc("a", { contentHash: sha256("1") }), [makeChunk("a", 0, { "f:x": 1 })]);
        await add(makeDoc("a", { contentHash: sha256("2") }), [makeChunk("a", 0, { "f:y": 1 }, { id: "y" })]);
        await store.deleteDocument("a");
        const again = await add(makeDoc("a", { contentHash: sha256("3") }), [
          makeChunk("a", 0, { "f:z": 1 }, { id: "z" }),
        ]);
        expect(again).toEqual({ docId: "a", status: "added", version: 1, chunkCount: 1 });
        expect(ids(await store.searchLexical({ terms: terms("f:x", "f:y", "f:z"), limit: 5 }))).toEqual([
          chunkIdOf("z"),
        ]);
      });
    });

    describe("reading documents and chunks", () => {
      it("lists active documents newest first, filtered by kinds and numbers", async () => {
        await add(makeDoc("a", { kind: "Nghị quyết", number: "18-NQ/TW" }), [
          makeChunk("a", 0, { "f:a": 1 }),
        ]);
        await sleep(5);
        await add(makeDoc("b", { kind: "Kết luận", number: "126-KL/TW" }), [makeChunk("b", 0, { "f:b": 1 })]);
        await sleep(5);
        await add(makeDoc("c", { kind: "Nghị quyết", number: null }), [makeChunk("c", 0, { "f:c": 1 })]);

        expect((await store.listDocuments()).map((d) => d.docId)).toEqual(["c", "b", "a"]);
        expect((await store.listDocuments({ kinds: ["Nghị quyết"] })).map((d) => d.docId)).toEqual([
          "c",
          "a",
        ]);
        expect((await store.listDocuments({ numbers: ["18-nq/tw"] })).map((d) => d.docId)).toEqual(["a"]);
        expect(
          (await store.listDocuments({ kinds: ["Kết luận"], numbers: ["18-NQ/TW"] })).map((d) => d.docId),
        ).toEqual([]);
      });

      it("finds documents by number, case-insensitively and trimmed", async () => {
        await add(makeDoc("a", { number: "18-NQ/TW" }), []);
        await add(makeDoc("b", { number: "178/2024/NĐ-CP" }), []);
        await add(makeDoc("c", { number: null }), []);
        expect((await store.findByNumber("18-nq/tw")).map((d) => d.docId)).toEqual(["a"]);
        expect((await store.findByNumber("  18-NQ/TW ")).map((d) => d.docId)).toEqual(["a"]);
        expect((await store.findByNumber("178/2024/nđ-cp")).map((d) => d.docId)).toEqual(["b"]);
        expect(await store.findByNumber("19-NQ/TW")).toEqual([]);
      });

      it("returns null for an unknown document or chunk", async () => {
        expect(await store.getDocument("nope")).toBeNull();
        expect(await store.getChunk(chunkIdOf("nope"))).toBeNull();
        expect(await store.getChunks("nope")).toEqual([]);
      });

      it("gets one chunk with its document, and a document's chunks in position order", async () => {
        const chunks = [
          makeChunk("d", 2, { "f:c": 1 }, { headingPath: ["Chương II", "Điều 7. Nhiệm vụ"] }),
          makeChunk("d", 0, { "f:a": 1 }, { headingPath: [] }),
          makeChunk("d", 1, { "f:b": 1 }, { text: "Văn bản có dấu: Nhất thể hoá — “trích dẫn”" }),
        ];
        await add(makeDoc("d"), chunks);
        expect((await store.getChunks("d")).map((c) => c.position)).toEqual([0, 1, 2]);
        const one = await store.getChunk(chunks[0]!.chunkId);
        expect(one?.chunk).toEqual(recordOf(chunks[0]!));
        expect(one?.doc).toEqual(await store.getDocument("d"));
        expect((await store.getChunk(chunks[2]!.chunkId))?.chunk.text).toBe(
          "Văn bản có dấu: Nhất thể hoá — “trích dẫn”",
        );
      });
    });

    describe("searchLexical", () => {
      it("ranks the chunk with more occurrences of a rare term first", async () => {
        await add(makeDoc("d"), [
          makeChunk("d", 0, { "f:hiem": 1, "f:x": 4 }, { length: 5 }),
          makeChunk("d", 1, { "f:hiem": 3, "f:x": 2 }, { length: 5 }),
          makeChunk("d", 2, { "f:x": 5 }, { length: 5 }),
          makeChunk("d", 3, { "f:y": 5 }, { length: 5 }),
        ]);
        const hits = await store.searchLexical({ terms: terms("f:hiem"), limit: 10 });
        expect(hits.map((h) => h.chunk.position)).toEqual([1, 0]);
        expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
        expect(hits.every((h) => h.score > 0)).toBe(true);
      });

      it("lets a rare term outweigh a common one (idf)", async () => {
        const chunks = [
          makeChunk("d", 0, { "f:chung": 3 }, { length: 4 }),
          makeChunk("d", 1, { "f:chung": 1, "f:hiem": 1 }, { length: 4 }),
        ];
        for (let i = 2; i < 8; i++)
          chunks.push(makeChunk("d", i, { "f:chung": 1, "f:khac": 1 }, { length: 4 }));
        await add(makeDoc("d"), chunks);
        const hits = await store.searchLexical({ terms: terms("f:chung", "f:hiem"), limit: 3 });
        expect(hits[0]!.chunk.position).toBe(1);
        expect(hits[1]!.chunk.position).toBe(0);
      });

      it("weighs terms by their query weight", async () => {
        await add(makeDoc("d"), [
          makeChunk("d", 0, { "f:mot": 1 }, { length: 3 }),
          makeChunk("d", 1, { "f:hai": 1 }, { length: 3 }),
          makeChunk("d", 2, { "f:ba": 1 }, { length: 3 }),
        ]);
        const first = await store.searchLexical({ terms: terms(["f:mot", 1], ["f:hai", 2]), limit: 2 });
        expect(first.map((h) => h.chunk.position)).toEqual([1, 0]);
        expect(first[0]!.score).toBeCloseTo(2 * first[1]!.score, 6);
        const swapped = await store.searchLexical({ terms: terms(["f:mot", 3], ["f:hai", 1]), limit: 2 });
        expect(swapped.map((h) => h.chunk.position)).toEqual([0, 1]);
      });

      it("prefers the shorter chunk at equal frequency (length normalization)", async () => {
        await add(makeDoc("d"), [
          makeChunk("d", 0, { "f:nhat": 1 }, { length: 40 }),
          makeChunk("d", 1, { "f:nhat": 1 }, { length: 5 }),
          makeChunk("d", 2, { "f:khac": 1 }, { length: 20 }),
        ]);
        const hits = await store.searchLexical({ terms: terms("f:nhat"), limit: 5 });
        expect(hits.map((h) => h.chunk.position)).toEqual([1, 0]);
      });

      it("adds up the terms a chunk matches", async () => {
        await add(makeDoc("d"), [
          makeChunk("d", 0, { "f:nhat": 1, "f:the": 1, "b:nhat_the": 1 }, { length: 3 }),
          makeChunk("d", 1, { "f:nhat": 1, "f:khac": 2 }, { length: 3 }),
          makeChunk("d", 2, { "f:the": 1, "f:khac": 2 }, { length: 3 }),
          makeChunk("d", 3, { "f:khac": 3 }, { length: 3 }),
        ]);
        const hits = await store.searchLexical({ terms: terms("f:nhat", "f:the", "b:nhat_the"), limit: 10 });
        expect(hits[0]!.chunk.position).toBe(0);
        expect(hits.map((h) => h.chunk.position).sort()).toEqual([0, 1, 2]);
      });

      it("reports which match terms each hit contains, searched or not (default: the searched ones)", async () => {
        await add(makeDoc("d"), [
          makeChunk("d", 0, { "f:nhat": 1, "f:the": 1, "b:nhat_the": 1 }, { length: 3 }),
          makeChunk("d", 1, { "f:nhat": 1, "f:khac": 2 }, { length: 3 }),
          makeChunk("d", 2, { "f:the": 1, "f:khac": 2 }, { length: 3 }),
          makeChunk("d", 3, { "f:khac": 3 }, { length: 3 }),
        ]);
        const searched = terms("f:nhat", "f:the", "b:nhat_the");
        const byPosition = (hits: ScoredChunk[]) =>
          Object.fromEntries(hits.map((h) => [h.chunk.position, h.matchedTerms]));
        expect(byPosition(await store.searchLexical({ terms: searched, limit: 10 }))).toEqual({
          0: ["f:nhat", "f:the", "b:nhat_the"],
          1: ["f:nhat"],
          2: ["f:the"],
        });
        const asked = await store.searchLexical({
          terms: searched,
          limit: 10,
          matchTerms: ["f:nhat", "f:khac", "f:khong_co"],
        });
        expect(byPosition(asked)).toEqual({ 0: ["f:nhat"], 1: ["f:nhat", "f:khac"], 2: ["f:khac"] });
      });

      it("respects the limit and returns nothing for no terms, unknown terms or limit 0", async () => {
        const chunks = Array.from({ length: 12 }, (_, i) =>
          makeChunk("d", i, { "f:nhat": 1 + (i % 4) }, { length: 6 }),
        );
        await add(makeDoc("d"), chunks);
        expect(await store.searchLexical({ terms: terms("f:nhat"), limit: 5 })).toHaveLength(5);
        expect(await store.searchLexical({ terms: terms("f:nhat"), limit: 50 })).toHaveLength(12);
        expect(await store.searchLexical({ terms: terms("f:nhat"), limit: 0 })).toEqual([]);
        expect(await store.searchLexical({ terms: [], limit: 5 })).toEqual([]);
        expect(await store.searchLexical({ terms: terms("f:khong_co"), limit: 5 })).toEqual([]);
      });

      it("orders by score descending, ties by chunk id, the same every time", async () => {
        // Identical chunks in three documents, written in an order unrelated to their ids.
        const all: IndexedChunk[] = [];
        for (const docId of ["z", "m", "a"]) {
          const chunks = [0, 1, 2].map((i) =>
            makeChunk(
              docId,
              i,
              { "f:nhat": 1, "f:the": i === 2 ? 2 : 1 },
              { length: 4, text: `${docId}${i}` },
            ),
          );
          all.push(...chunks);
          await add(makeDoc(docId), chunks);
        }
        const query = { terms: terms("f:nhat", "f:the"), limit: 5 };
        const first = await store.searchLexical(query);
        for (let i = 1; i < first.length; i++)
          expect(first[i - 1]!.score).toBeGreaterThanOrEqual(first[i]!.score);
        const best = all
          .filter((c) => c.position === 2)
          .map((c) => c.chunkId)
          .sort();
        const rest = all
          .filter((c) => c.position !== 2)
          .map((c) => c.chunkId)
          .sort();
        expect(ids(first)).toEqual([...best, ...rest.slice(0, 2)]);
        expect(ids(await store.searchLexical(query))).toEqual(ids(first));
      });

      it("returns the chunk and document records with each hit", async () => {
        const chunk = makeChunk("d", 0, { "f:nhat": 1 }, { headingPath: ["Phần II", "Mục 3"] });
        await add(makeDoc("d", { title: "Nghị quyết 18", number: "18-NQ/TW" }), [chunk]);
        const [hit] = await store.searchLexical({ terms: terms("f:nhat"), limit: 1 });
        expect(hit?.chunk).toEqual(recordOf(chunk));
        expect(hit?.doc).toEqual(await store.getDocument("d"));
      });

      it("scores with corpus statistics of active chunks only", async () => {
        // After a replacement, idf must not count the archived chunks.
        await add(makeDoc("a", { contentHash: sha256("1") }), [
          makeChunk("a", 0, { "f:nhat": 1 }, { length: 2 }),
          makeChunk("a", 1, { "f:nhat": 1 }, { length: 2 }),
        ]);
        await add(makeDoc("b"), [makeChunk("b", 0, { "f:nhat": 1, "f:the": 1 }, { length: 2 })]);
        const before = (await store.searchLexical({ terms: terms("f:nhat"), limit: 5 })).find(
          (h) => h.doc.docId === "b",
        );
        await add(makeDoc("a", { contentHash: sha256("2") }), [
          makeChunk("a", 0, { "f:khac": 1 }, { length: 2, id: "k0" }),
          makeChunk("a", 1, { "f:khac": 1 }, { length: 2, id: "k1" }),
        ]);
        const after = await store.searchLexical({ terms: terms("f:nhat"), limit: 5 });
        expect(ids(after)).toEqual([chunkIdOf("b#0")]);
        // df fell from 3 to 1 while N stayed 3, so the same chunk scores higher.
        expect(after[0]!.score).toBeGreaterThan(before!.score);
      });
    });

    describe("filters", () => {
      async function seedFiltered() {
        const docs = [
          makeDoc("nq18", { kind: "Nghị quyết", number: "18-NQ/TW", date: "2017-10-25" }),
          makeDoc("kl126", { kind: "Kết luận", number: "126-KL/TW", date: "2025-02-14" }),
          makeDoc("nd178", { kind: "Nghị định", number: "178/2024/NĐ-CP", date: "2024-12-31" }),
          makeDoc("nodate", { kind: "Nghị quyết", number: null, date: null }),
        ];
        const byDoc = new Map<string, IndexedChunk>();
        const vectors: Array<[IndexedChunk, Float32Array]> = [];
        for (const [i, doc] of docs.entries()) {
          const chunk = makeChunk(doc.docId, 0, { "f:sap_xep": 1 + i, "b:bo_may": 1 }, { length: 8 });
          byDoc.set(doc.docId, chunk);
          vectors.push([chunk, vec(1, i / 10)]);
          await add(doc, [chunk]);
        }
        await putVectorsFor("m", vectors);
        return byDoc;
      }

      async function both(filter: ChunkFilter): Promise<{ lexical: string[]; dense: string[] }> {
        const lexical = await store.searchLexical({
          terms: terms("f:sap_xep", "b:bo_may"),
          limit: 10,
          filter,
        });
        const dense = await store.searchDense({ vector: vec(1, 0), model: "m", limit: 10, filter });
        return {
          lexical: lexical.map((h) => h.doc.docId).sort(),
          dense: dense.map((h) => h.doc.docId).sort(),
        };
      }

      it("passes everything without a filter or with an empty one", async () => {
        await seedFiltered();
        const all = ["kl126", "nd178", "nodate", "nq18"];
        expect(await both({})).toEqual({ lexical: all, dense: all });
      });

      it("filters by document ids", async () => {
        await seedFiltered();
        expect(await both({ docIds: ["nq18", "nd178", "unknown"] })).toEqual({
          lexical: ["nd178", "nq18"],
          dense: ["nd178", "nq18"],
        });
      });

      it("filters by numbers, case-insensitively", async () => {
        await seedFiltered();
        expect(await both({ numbers: ["126-kl/tw", " 178/2024/nđ-cp "] })).toEqual({
          lexical: ["kl126", "nd178"],
          dense: ["kl126", "nd178"],
        });
      });

      it("filters by kinds", async () => {
        await seedFiltered();
        expect(await both({ kinds: ["Nghị quyết"] })).toEqual({
          lexical: ["nodate", "nq18"],
          dense: ["nodate", "nq18"],
        });
      });

      it("filters by an inclusive date range and drops documents without a date", async () => {
        await seedFiltered();
        expect(await both({ dateFrom: "2024-12-31", dateTo: "2025-02-14" })).toEqual({
          lexical: ["kl126", "nd178"],
          dense: ["kl126", "nd178"],
        });
        expect(await both({ dateFrom: "2025-01-01" })).toEqual({ lexical: ["kl126"], dense: ["kl126"] });
        expect(await both({ dateTo: "2017-10-25" })).toEqual({ lexical: ["nq18"], dense: ["nq18"] });
      });

      it("requires every given field to match", async () => {
        await seedFiltered();
        expect(await both({ kinds: ["Nghị quyết"], dateFrom: "2000-01-01" })).toEqual({
          lexical: ["nq18"],
          dense: ["nq18"],
        });
        expect(await both({ docIds: ["nq18"], numbers: ["126-KL/TW"] })).toEqual({ lexical: [], dense: [] });
      });

      it("matches nothing with an empty list (fails closed)", async () => {
        await seedFiltered();
        expect(await both({ docIds: [] })).toEqual({ lexical: [], dense: [] });
        expect(await both({ numbers: [] })).toEqual({ lexical: [], dense: [] });
        expect(await both({ kinds: [] })).toEqual({ lexical: [], dense: [] });
      });

      it("applies the limit after filtering", async () => {
        const chunks = Array.from({ length: 10 }, (_, i) =>
          makeChunk("big", i, { "f:nhat": 5 }, { length: 5 }),
        );
        await add(makeDoc("big", { kind: "Quyết định" }), chunks);
        await add(makeDoc("small", { kind: "Kết luận" }), [
          makeChunk("small", 0, { "f:nhat": 1 }, { length: 40 }),
        ]);
        const hits = await store.searchLexical({
          terms: terms("f:nhat"),
          limit: 1,
          filter: { kinds: ["Kết luận"] },
        });
        expect(hits.map((h) => h.doc.docId)).toEqual(["small"]);
      });
    });

    describe("dense vectors", () => {
      async function seedVectors() {
        const chunks = [
          makeChunk("d", 0, { "f:a": 1 }),
          makeChunk("d", 1, { "f:b": 1 }),
          makeChunk("d", 2, { "f:c": 1 }),
          makeChunk("d", 3, { "f:d": 1 }),
        ];
        await add(makeDoc("d"), chunks);
        return chunks;
      }

      it("ranks by cosine similarity, whatever the vectors' lengths", async () => {
        const [a, b, c, d] = await seedVectors();
        await putVectorsFor("m", [
          [a!, vec(0, 1, 0)],
          [b!, vec(2, 0, 0)],
          [c!, vec(0.8, 0.6, 0)],
          [d!, vec(-1, 0, 0)],
        ]);
        const hits = await store.searchDense({ vector: vec(5, 0, 0), model: "m", limit: 10 });
        expect(ids(hits)).toEqual([b!.chunkId, c!.chunkId, a!.chunkId, d!.chunkId]);
        expect(hits.map((h) => h.score)).toEqual([
          expect.closeTo(1, 5),
          expect.closeTo(0.8, 5),
          expect.closeTo(0, 5),
          expect.closeTo(-1, 5),
        ]);
        expect(hits[0]!.doc).toEqual(await store.getDocument("d"));
        expect(hits[0]!.chunk).toEqual(recordOf(b!));
        expect(await store.searchDense({ vector: vec(5, 0, 0), model: "m", limit: 2 })).toHaveLength(2);
        expect(await store.searchDense({ vector: vec(5, 0, 0), model: "m", limit: 0 })).toEqual([]);
      });

      it("searches only vectors of the query's model", async () => {
        const [a, b, c] = await seedVectors();
        await putVectorsFor("small", [[a!, vec(1, 0)]]);
        await putVectorsFor("large", [
          [b!, vec(0, 0, 1)],
          [c!, vec(1, 0, 0)],
        ]);
        expect(ids(await store.searchDense({ vector: vec(1, 0), model: "small", limit: 10 }))).toEqual([
          a!.chunkId,
        ]);
        expect(ids(await store.searchDense({ vector: vec(1, 0, 0), model: "large", limit: 10 }))).toEqual([
          c!.chunkId,
          b!.chunkId,
        ]);
        expect(await store.searchDense({ vector: vec(1, 0), model: "other", limit: 10 })).toEqual([]);
      });

      it("is empty when no vectors are stored", async () => {
        await seedVectors();
        expect(await store.searchDense({ vector: vec(1, 0), model: "m", limit: 10 })).toEqual([]);
        expect(await store.vectorModels()).toEqual([]);
      });

      it("overwrites a chunk's vector when stored again", async () => {
        const [a, b] = await seedVectors();
        await putVectorsFor("m", [
          [a!, vec(1, 0)],
          [b!, vec(0, 1)],
        ]);
        await putVectorsFor("m", [[a!, vec(0, 1)]]);
        const hits = await store.searchDense({ vector: vec(0, 1), model: "m", limit: 10 });
        expect(hits.map((h) => h.score)).toEqual([expect.closeTo(1, 5), expect.closeTo(1, 5)]);
      });

      it("caches vectors by chunk content hash, per model", async () => {
        const [a, b] = await seedVectors();
        await putVectorsFor("m", [
          [a!, vec(0.25, 0.5, 1)],
          [b!, vec(1, 2, 3)],
        ]);
        const found = await store.getVectorsByContentHash("m", [sha256(a!.text), sha256("never stored")]);
        expect([...found.keys()]).toEqual([sha256(a!.text)]);
        expect(Array.from(found.get(sha256(a!.text))!)).toEqual([0.25, 0.5, 1]);
        expect((await store.getVectorsByContentHash("other", [sha256(a!.text)])).size).toBe(0);
        expect((await store.getVectorsByContentHash("m", [])).size).toBe(0);
      });

      it("keeps cached vectors of unchanged passages across a replacement", async () => {
        const keep = makeChunk("d", 0, { "f:giu": 1 }, { text: "Đoạn giữ nguyên" });
        await add(makeDoc("d", { contentHash: sha256("1") }), [keep, makeChunk("d", 1, { "f:bo": 1 })]);
        await putVectorsFor("m", [[keep, vec(3, 4)]]);
        const moved = makeChunk("d", 5, { "f:giu": 1 }, { text: "Đoạn giữ nguyên", id: "moved" });
        await add(makeDoc("d", { contentHash: sha256("2") }), [moved]);
        const cached = await store.getVectorsByContentHash("m", [sha256("Đoạn giữ nguyên")]);
        expect(Array.from(cached.get(sha256("Đoạn giữ nguyên")) ?? [])).toEqual([3, 4]);
        // Re-storing from the cache makes the new chunk searchable.
        await putVectorsFor("m", [[moved, cached.get(sha256("Đoạn giữ nguyên"))!]]);
        expect(ids(await store.searchDense({ vector: vec(3, 4), model: "m", limit: 10 }))).toEqual([
          moved.chunkId,
        ]);
      });

      it("lists chunks of active documents without a vector for a model", async () => {
        const chunks = await seedVectors();
        const without = async (model: string, limit: number) =>
          (await store.chunksWithoutVectors(model, limit)).map((c) => c.chunkId).sort();
        expect(await without("m", 10)).toEqual(chunks.map((c) => c.chunkId).sort());
        expect(await store.chunksWithoutVectors("m", 2)).toHaveLength(2);
        await putVectorsFor("m", [
          [chunks[0]!, vec(1, 0)],
          [chunks[2]!, vec(0, 1)],
        ]);
        expect(await without("m", 10)).toEqual([chunks[1]!.chunkId, chunks[3]!.chunkId].sort());
        expect(await without("other", 10)).toHaveLength(4);
        const listed = await store.chunksWithoutVectors("m", 10);
        expect(listed.find((c) => c.chunkId === chunks[1]!.chunkId)).toEqual(recordOf(chunks[1]!));
        expect(await store.chunksWithoutVectors("m", 0)).toEqual([]);
      });

      it("reports stored models with their dimension and count", async () => {
        const [a, b, c] = await seedVectors();
        await putVectorsFor("text-embedding-3-small", [
          [a!, vec(1, 0, 0)],
          [b!, vec(0, 1, 0)],
        ]);
        await putVectorsFor("bge-m3", [[c!, vec(1, 1)]]);
        const models = (await store.vectorModels()).sort((x, y) => x.model.localeCompare(y.model));
        expect(models).toEqual([
          { model: "bge-m3", dimension: 2, count: 1 },
          { model: "text-embedding-3-small", dimension: 3, count: 2 },
        ]);
      });

      it("does not search vectors of replaced chunks", async () => {
        const old = makeChunk("d", 0, { "f:cu": 1 }, { text: "Bản cũ" });
        await add(makeDoc("d", { contentHash: sha256("1") }), [old]);
        await putVectorsFor("m", [[old, vec(1, 0)]]);
        await add(makeDoc("d", { contentHash: sha256("2") }), [
          makeChunk("d", 0, { "f:moi": 1 }, { text: "Bản mới", id: "new" }),
        ]);
        expect(await store.searchDense({ vector: vec(1, 0), model: "m", limit: 10 })).toEqual([]);
        expect((await store.chunksWithoutVectors("m", 10)).map((c) => c.chunkId)).toEqual([chunkIdOf("new")]);
      });
    });

    describe("stats", () => {
      it("counts active documents and chunks through adds, replacements and deletes", async () => {
        expect(await store.stats()).toEqual({ documents: 0, chunks: 0 });
        await add(makeDoc("a", { contentHash: sha256("1") }), [
          makeChunk("a", 0, { "f:x": 1 }),
          makeChunk("a", 1, { "f:x": 1 }),
        ]);
        await add(makeDoc("b"), [makeChunk("b", 0, { "f:x": 1 })]);
        expect(await store.stats()).toEqual({ documents: 2, chunks: 3 });
        await add(makeDoc("a", { contentHash: sha256("2") }), [
          makeChunk("a", 0, { "f:y": 1 }, { id: "a2" }),
        ]);
        expect(await store.stats()).toEqual({ documents: 2, chunks: 2 });
        await store.deleteDocument("b");
        expect(await store.stats()).toEqual({ documents: 1, chunks: 1 });
      });

      it("gives document frequencies of terms over active chunks, when the adapter offers termStats", async () => {
        if (!store.termStats) return;
        await add(makeDoc("a", { contentHash: sha256("1") }), [
          makeChunk("a", 0, { "f:nhat": 2, "f:the": 1 }),
          makeChunk("a", 1, { "f:nhat": 1 }),
        ]);
        await add(makeDoc("b"), [makeChunk("b", 0, { "f:the": 1 })]);
        let stats = await store.termStats(["f:nhat", "f:the", "f:khong"]);
        expect(stats.chunks).toBe(3);
        expect(Object.fromEntries(stats.df)).toEqual({ "f:nhat": 2, "f:the": 2, "f:khong": 0 });
        await add(makeDoc("a", { contentHash: sha256("2") }), [
          makeChunk("a", 0, { "f:the": 1 }, { id: "a2" }),
        ]);
        stats = await store.termStats(["f:nhat", "f:the"]);
        expect(stats.chunks).toBe(2);
        expect(Object.fromEntries(stats.df)).toEqual({ "f:nhat": 0, "f:the": 2 });
      });
    });
  });
}
