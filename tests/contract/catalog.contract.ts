import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Catalog } from "../../src/store/catalog.js";
import type { DocumentInput, DocumentRecord, IndexedChunk } from "../../src/store/types.js";
import { chunkIdOf, makeChunk, makeDoc, recordOf, sha256, sleep, vec } from "./store-fixtures.js";

/** Builds a fresh, empty catalog for one test and a way to dispose of it. */
export type CatalogFactory = () => Promise<{ catalog: Catalog; cleanup: () => Promise<void> }>;

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * The behaviour of the `Catalog` port: what the corpus is (documents, versions, chunks,
 * embedding cache, totals, the journal of index writes), apart from any search. Call it
 * with a factory returning an empty catalog:
 *
 *   describeCatalogContract("sqlite", async () => ({ catalog, cleanup }));
 */
export function describeCatalogContract(name: string, makeCatalog: CatalogFactory): void {
  describe(`Catalog contract: ${name}`, () => {
    let catalog: Catalog;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ catalog, cleanup } = await makeCatalog());
    });
    afterEach(async () => {
      await cleanup();
    });

    async function commit(doc: DocumentInput, chunks: IndexedChunk[]) {
      const [result] = await catalog.commitDocuments([{ doc, chunks }]);
      return result!;
    }

    describe("documents and versions", () => {
      it("adds a document as version 1, with timestamps, chunks in position order and totals", async () => {
        const doc = makeDoc("d1", { kind: "Nghị quyết", number: "18-NQ/TW", date: "2017-10-25", pages: 3 });
        const chunks = [
          makeChunk("d1", 1, { "f:b": 1 }, { length: 4 }),
          makeChunk("d1", 0, { "f:a": 2 }, { length: 6 }),
        ];
        expect(await commit(doc, chunks)).toEqual({
          docId: "d1",
          status: "added",
          version: 1,
          chunkCount: 2,
        });
        const record = await catalog.getDocument("d1");
        expect(record).toMatchObject({ ...doc, chunkCount: 2, version: 1 });
        expect(record?.addedAt).toMatch(ISO_TIMESTAMP);
        expect((await catalog.getChunks("d1")).map((c) => c.position)).toEqual([0, 1]);
        expect(await catalog.totals()).toEqual({ documents: 1, chunks: 2, totalLength: 10 });
        expect(await catalog.chunkTotals("d1")).toEqual({ chunks: 2, length: 10 });
        expect(await catalog.chunkTotals("none")).toEqual({ chunks: 0, length: 0 });
      });

      it("writes nothing for the same content and pipeline, and replaces otherwise, archiving the old version", async () => {
        const v1 = [makeChunk("d", 0, { "f:cu": 1 }, { length: 3 })];
        await commit(makeDoc("d", { contentHash: sha256("1") }), v1);
        const first = await catalog.getDocument("d");
        expect(await commit(makeDoc("d", { contentHash: sha256("1"), title: "khác" }), [])).toMatchObject({
          status: "unchanged",
          version: 1,
        });
        await sleep(5);
        const v2 = [makeChunk("d", 0, { "f:moi": 1 }, { id: "v2", length: 5 })];
        expect(await commit(makeDoc("d", { contentHash: sha256("2") }), v2)).toEqual({
          docId: "d",
          status: "replaced",
          version: 2,
          chunkCount: 1,
        });
        const second = await catalog.getDocument("d");
        expect(second?.addedAt).toBe(first?.addedAt);
        expect(second!.updatedAt > first!.updatedAt).toBe(true);
        const versions = await catalog.listVersions("d");
        expect(versions).toEqual([
          {
            docId: "d",
            version: 1,
            record: first,
            chunks: v1.map(recordOf),
            supersededAt: expect.any(String),
          },
        ]);
        expect(await catalog.getChunk(v1[0]!.chunkId)).toBeNull();
        expect(await catalog.totals()).toEqual({ documents: 1, chunks: 1, totalLength: 5 });
      });

      it("commits a batch all or none", async () => {
        const clash = makeChunk("b", 0, { "f:x": 1 }, { id: "shared" });
        await commit(makeDoc("a"), [makeChunk("a", 0, { "f:x": 1 }, { id: "shared" })]);
        await expect(
          catalog.commitDocuments([
            { doc: makeDoc("c"), chunks: [makeChunk("c", 0, { "f:y": 1 })] },
            { doc: makeDoc("b"), chunks: [clash] },
          ]),
        ).rejects.toThrow(/already belongs to document a/);
        expect(await catalog.getDocument("c")).toBeNull();
        expect(await catalog.totals()).toMatchObject({ documents: 1, chunks: 1 });
        await expect(
          catalog.commitDocuments([
            { doc: makeDoc("c"), chunks: [] },
            { doc: makeDoc("c"), chunks: [] },
          ]),
        ).rejects.toThrow(/appears twice/);
      });

      it("deletes a document with its versions and chunks", async () => {
        await commit(makeDoc("d", { contentHash: sha256("1") }), [makeChunk("d", 0, { "f:a": 1 })]);
        await commit(makeDoc("d", { contentHash: sha256("2") }), [
          makeChunk("d", 0, { "f:b": 1 }, { id: "b" }),
        ]);
        expect(await catalog.deleteDocument("d")).toBe(true);
        expect(await catalog.getDocument("d")).toBeNull();
        expect(await catalog.listVersions("d")).toEqual([]);
        expect(await catalog.getChunks("d")).toEqual([]);
        expect(await catalog.totals()).toEqual({ documents: 0, chunks: 0, totalLength: 0 });
        expect(await catalog.deleteDocument("d")).toBe(false);
      });

      it("lists newest first, filtered by kinds and numbers, and finds by number and leading number", async () => {
        await commit(makeDoc("a", { kind: "Nghị định", number: "67/2025/NĐ-CP" }), []);
        await sleep(5);
        await commit(makeDoc("b", { kind: "Kết luận", number: "67-KL/TW" }), []);
        await sleep(5);
        await commit(makeDoc("c", { kind: "Nghị định", number: "670/2024/NĐ-CP" }), []);
        expect((await catalog.listDocuments()).map((d) => d.docId)).toEqual(["c", "b", "a"]);
        expect((await catalog.listDocuments({ kinds: ["Nghị định"] })).map((d) => d.docId)).toEqual([
          "c",
          "a",
        ]);
        expect((await catalog.listDocuments({ numbers: [" 67-kl/tw "] })).map((d) => d.docId)).toEqual(["b"]);
        expect((await catalog.findByNumber("67/2025/nđ-cp")).map((d) => d.docId)).toEqual(["a"]);
        expect((await catalog.findByLeadingNumber("67")).map((d) => d.docId).sort()).toEqual(["a", "b"]);
        expect(await catalog.findByLeadingNumber("x")).toEqual([]);
      });

      it("imports a document exactly as another store holds it, and skips it when present", async () => {
        const at = "2024-05-06T07:08:09.000Z";
        const record: DocumentRecord = {
          ...makeDoc("m"),
          chunkCount: 1,
          version: 3,
          addedAt: at,
          updatedAt: at,
        };
        const chunks = [makeChunk("m", 0, { "f:a": 1 }, { length: 7 })];
        const old = { ...record, version: 2, contentHash: sha256("old") };
        const versions = [
          { docId: "m", version: 2, record: old, chunks: [recordOf(chunks[0]!)], supersededAt: at },
        ];
        expect(await catalog.importDocument(record, chunks, versions)).toBe("written");
        expect(await catalog.getDocument("m")).toEqual(record);
        expect(await catalog.listVersions("m")).toEqual(versions);
        expect(await catalog.totals()).toEqual({ documents: 1, chunks: 1, totalLength: 7 });
        expect(await catalog.importDocument(record, chunks, versions)).toBe("skipped");
      });
    });

    describe("chunks", () => {
      it("gives passages with their documents by chunk id, and owners and ids by text hash", async () => {
        const a = makeChunk("a", 0, { "f:x": 1 }, { text: "cùng một đoạn" });
        const b = makeChunk("b", 0, { "f:x": 1 }, { text: "cùng một đoạn" });
        const c = makeChunk("b", 1, { "f:y": 1 }, { text: "đoạn khác", headingPath: ["Chương I"] });
        await commit(makeDoc("a"), [a]);
        await commit(makeDoc("b", { number: "5-NQ/TW" }), [b, c]);
        const found = await catalog.getPassages([c.chunkId, a.chunkId, chunkIdOf("unknown")]);
        expect([...found.keys()].sort()).toEqual([a.chunkId, c.chunkId].sort());
        expect(found.get(c.chunkId)).toEqual({ chunk: recordOf(c), doc: await catalog.getDocument("b") });
        expect(await catalog.getChunk(a.chunkId)).toEqual({
          chunk: recordOf(a),
          doc: await catalog.getDocument("a"),
        });
        expect(
          Object.fromEntries(await catalog.chunkOwners([a.chunkId, c.chunkId, chunkIdOf("no")])),
        ).toEqual({
          [a.chunkId]: "a",
          [c.chunkId]: "b",
        });
        const same = await catalog.chunksWithTextHashes([sha256("cùng một đoạn")]);
        expect(same.map((s) => s.chunkId).sort()).toEqual([a.chunkId, b.chunkId].sort());
        expect(await catalog.getPassages([])).toEqual(new Map());
      });
    });

    describe("embedding cache", () => {
      it("caches vectors by text hash and model, for texts of active chunks only", async () => {
        const a = makeChunk("d", 0, { "f:a": 1 });
        const b = makeChunk("d", 1, { "f:b": 1 });
        await commit(makeDoc("d"), [a, b]);
        const kept = await catalog.putEmbeddings("m", [
          { chunkId: a.chunkId, contentHash: sha256(a.text), vector: vec(0.25, 0.5) },
          { chunkId: chunkIdOf("gone"), contentHash: sha256("no such text"), vector: vec(1, 1) },
        ]);
        expect(kept.map((v) => v.chunkId)).toEqual([a.chunkId]);
        const got = await catalog.getEmbeddings("m", [sha256(a.text), sha256("no such text")]);
        expect([...got.keys()]).toEqual([sha256(a.text)]);
        expect(Array.from(got.get(sha256(a.text))!)).toEqual([0.25, 0.5]);
        expect((await catalog.chunksWithoutEmbeddings("m", 10)).map((c) => c.chunkId)).toEqual([b.chunkId]);
        expect(await catalog.embeddingModels()).toEqual([{ model: "m", dimension: 2, count: 1 }]);
        expect(await catalog.embeddingModelNames()).toEqual(["m"]);
        await expect(
          catalog.putEmbeddings("m", [
            { chunkId: a.chunkId, contentHash: sha256("other"), vector: vec(1, 0) },
          ]),
        ).rejects.toThrow(/does not match/);
        await expect(
          catalog.putEmbeddings("m", [
            { chunkId: b.chunkId, contentHash: sha256(b.text), vector: vec(1, 0, 0) },
          ]),
        ).rejects.toThrow(/dimension/);
      });

      it("keeps a vector while a chunk has its text, and drops it with the last one", async () => {
        const keep = makeChunk("d", 0, { "f:a": 1 }, { text: "giữ" });
        await commit(makeDoc("d", { contentHash: sha256("1") }), [keep]);
        await catalog.putEmbeddings("m", [
          { chunkId: keep.chunkId, contentHash: sha256("giữ"), vector: vec(3, 4) },
        ]);
        await commit(makeDoc("d", { contentHash: sha256("2") }), [
          makeChunk("d", 3, { "f:a": 1 }, { text: "giữ", id: "moved" }),
        ]);
        expect((await catalog.getEmbeddings("m", [sha256("giữ")])).size).toBe(1);
        await catalog.deleteDocument("d");
        expect((await catalog.getEmbeddings("m", [sha256("giữ")])).size).toBe(0);
      });
    });

    describe("journal of index writes", () => {
      it("marks, lists and clears documents whose index write is under way", async () => {
        expect(await catalog.pendingDocuments()).toEqual([]);
        await catalog.markPending("a");
        await catalog.markPending("b");
        await catalog.markPending("a");
        expect((await catalog.pendingDocuments()).sort()).toEqual(["a", "b"]);
        await catalog.clearPending("a");
        expect(await catalog.pendingDocuments()).toEqual(["b"]);
      });
    });
  });
}
