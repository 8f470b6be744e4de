import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../../../src/errors.js";
import {
  createEmbeddedStore,
  EMBEDDED_STORE_FILE,
  type EmbeddedStore,
  openEmbeddedStore,
} from "../../../src/store/embedded-store.js";
import { openDatabase } from "../../../src/store/sqlite.js";
import type { IndexedChunk, WeightedTerm } from "../../../src/store/types.js";
import { describeDocumentStoreContract } from "../../contract/document-store.contract.js";
import { chunkIdOf, makeChunk, makeDoc, recordOf, sha256, vec } from "../../contract/store-fixtures.js";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "nhatthe-store-"));
}

describeDocumentStoreContract("embedded (SQLite)", async () => {
  const dir = tempDir();
  const store = openEmbeddedStore(dir);
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// Tiny merge factors make segment merges and compactions happen on every few writes.
describeDocumentStoreContract("embedded (SQLite), merging every 2 segments", async () => {
  const dir = tempDir();
  const store = openEmbeddedStore(dir, { tuning: { mergeFactor: 2, cachedPostings: 16 } });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

/** BM25 exactly as the port defines it, over an in-memory list of active chunks. */
function referenceBm25(
  chunks: IndexedChunk[],
  query: WeightedTerm[],
  syllableK1 = 1.2,
  b = 0.75,
  bigramK1 = 0.3,
): Array<{ chunkId: string; score: number }> {
  const n = chunks.length;
  const avg = chunks.reduce((s, c) => s + c.length, 0) / n;
  const out: Array<{ chunkId: string; score: number }> = [];
  for (const c of chunks) {
    let score = 0;
    for (const { term, weight } of query) {
      const tf = c.terms[term] ?? 0;
      if (tf <= 0) continue;
      const df = chunks.filter((x) => (x.terms[term] ?? 0) > 0).length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const k1 = term.startsWith("b:") ? bigramK1 : syllableK1;
      score += (weight * idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * c.length) / avg));
    }
    if (score > 0) out.push({ chunkId: c.chunkId, score });
  }
  return out.sort((x, y) => y.score - x.score || (x.chunkId < y.chunkId ? -1 : 1));
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("embedded store", () => {
  let dir: string;
  const open: EmbeddedStore[] = [];
  function track(store: EmbeddedStore): EmbeddedStore {
    open.push(store);
    return store;
  }

  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps its data in <storeDir>/nhatthe.db, creating the directory", async () => {
    const nested = join(dir, "a", "b");
    const store = track(openEmbeddedStore(nested));
    await store.upsertDocument(makeDoc("d"), [makeChunk("d", 0, { "f:nhat": 1 })]);
    expect(existsSync(join(nested, EMBEDDED_STORE_FILE))).toBe(true);
    expect(store.db.name).toBe(join(nested, EMBEDDED_STORE_FILE));
  });

  it("opens its connection with the page cache asked for (the store writer's is small), 64 MiB by default", () => {
    const writer = track(openEmbeddedStore(dir, { database: { cacheMiB: 16 } }));
    const reader = track(openEmbeddedStore(dir));
    expect(writer.db.pragma("cache_size", { simple: true })).toBe(-16 * 1024);
    expect(reader.db.pragma("cache_size", { simple: true })).toBe(-64 * 1024);
  });

  it("finds the same data after reopening, without rebuilding anything", async () => {
    const first = openEmbeddedStore(dir);
    const chunks = Array.from({ length: 30 }, (_, i) =>
      makeChunk(
        "d",
        i,
        { "f:nhat": 1 + (i % 5), [`f:w${i % 7}`]: 2, "b:nhat_the": i % 2 },
        { length: 10 + (i % 4) },
      ),
    );
    await first.upsertDocument(makeDoc("d", { number: "18-NQ/TW" }), chunks);
    await first.putVectors(
      "m",
      chunks.map((c, i) => ({ chunkId: c.chunkId, contentHash: sha256(c.text), vector: vec(1, i / 30) })),
    );
    const query = {
      terms: [
        { term: "f:nhat", weight: 1 },
        { term: "f:w3", weight: 0.5 },
      ],
      limit: 10,
    };
    const lexical = await first.searchLexical(query);
    const dense = await first.searchDense({ vector: vec(1, 0.5), model: "m", limit: 5 });
    await first.close();

    const rawBefore = openDatabase(join(dir, EMBEDDED_STORE_FILE));
    const snapshot = rawBefore.prepare("SELECT generation, chunks, total_length FROM store_meta").get();
    const segmentsBefore = rawBefore.prepare("SELECT * FROM store_segments").all();
    rawBefore.close();

    const started = performance.now();
    const second = track(openEmbeddedStore(dir));
    const openMs = performance.now() - started;
    expect(openMs).toBeLessThan(1000);
    // Opening wrote nothing: same generation, same segments.
    expect(second.db.prepare("SELECT generation, chunks, total_length FROM store_meta").get()).toEqual(
      snapshot,
    );
    expect(second.db.prepare("SELECT * FROM store_segments").all()).toEqual(segmentsBefore);

    expect(await second.searchLexical(query)).toEqual(lexical);
    expect(await second.searchDense({ vector: vec(1, 0.5), model: "m", limit: 5 })).toEqual(dense);
    expect(await second.getChunks("d")).toEqual(chunks.map(recordOf));
    expect(await second.findByNumber("18-nq/tw")).toHaveLength(1);
    expect(await second.stats()).toEqual({ documents: 1, chunks: 30 });
  });

  it("finds documents by the number their own number begins with, through the number index", async () => {
    const store = track(openEmbeddedStore(dir));
    const numbers = ["67/2025/NĐ-CP", "67-KL/TW", "670/QĐ-TTg", "167/2024/NĐ-CP", "067/TB", null];
    for (const [i, number] of numbers.entries()) {
      await store.upsertDocument(makeDoc(`d${i}`, { number }), [makeChunk(`d${i}`, 0, { "f:x": 1 })]);
    }
    const found = (await store.findByLeadingNumber("67")).map((d) => d.number).sort();
    expect(found).toEqual(["067/TB", "67-KL/TW", "67/2025/NĐ-CP"]);
    expect(await store.findByLeadingNumber("6")).toEqual([]);
    expect(await store.findByLeadingNumber("6%")).toEqual([]);
    const plan = store.db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM store_documents WHERE number_key >= ? AND number_key < ?")
      .all("67", "68") as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(" ")).toContain("store_documents_number");
  });

  it("computes BM25 exactly as specified, with configurable k1 (bigrams apart) and b", async () => {
    const chunks = [
      makeChunk("d", 0, { "f:nhat": 3, "f:the": 1, "b:nhat_the": 1 }, { length: 12 }),
      makeChunk("d", 1, { "f:nhat": 1, "f:hoa": 2 }, { length: 7 }),
      makeChunk("d", 2, { "f:the": 4 }, { length: 30 }),
      makeChunk("d", 3, { "f:khac": 1 }, { length: 3 }),
    ];
    const query: WeightedTerm[] = [
      { term: "f:nhat", weight: 1 },
      { term: "f:the", weight: 0.7 },
      { term: "b:nhat_the", weight: 1.5 },
    ];
    for (const params of [{}, { k1: 2, b: 0.3 }, { k1: 0.9, b: 1, bigramK1: 1.5 }]) {
      const db = openDatabase(join(dir, `bm25-${JSON.stringify(params)}.db`));
      const store = track(createEmbeddedStore({ db, bm25: params, ownsDatabase: true }));
      await store.upsertDocument(makeDoc("d"), chunks);
      const hits = await store.searchLexical({ terms: query, limit: 10 });
      const expected = referenceBm25(chunks, query, params.k1, params.b, params.bigramK1);
      expect(hits.map((h) => h.chunk.chunkId)).toEqual(expected.map((e) => e.chunkId));
      for (const [i, h] of hits.entries()) expect(h.score).toBeCloseTo(expected[i]!.score, 5);
    }
  });

  it("hands out copies of the chunks it keeps in memory, and a replaced document's new chunks", async () => {
    const store = track(openEmbeddedStore(dir));
    await store.upsertDocument(makeDoc("d"), [
      makeChunk("d", 0, { "f:nhat": 1 }, { headingPath: ["Phần I"] }),
    ]);
    const query = { terms: [{ term: "f:nhat", weight: 1 }], limit: 5 };
    const first = await store.searchLexical(query);
    first[0]!.chunk.headingPath.push("sửa");
    first[0]!.chunk.text = "sửa";
    const again = await store.searchLexical(query);
    expect(again[0]!.chunk.headingPath).toEqual(["Phần I"]);
    expect(again[0]!.chunk.text).not.toBe("sửa");
    await store.upsertDocument(makeDoc("d", { contentHash: "v2" }), [
      makeChunk("d", 0, { "f:nhat": 1 }, { text: "Bản mới của đoạn văn." }),
    ]);
    expect((await store.searchLexical(query))[0]!.chunk.text).toBe("Bản mới của đoạn văn.");
  });

  it("searches a document added after a filtered search, with its higher chunk keys", async () => {
    const store = track(openEmbeddedStore(dir));
    await store.upsertDocument(makeDoc("a"), [makeChunk("a", 0, { "f:nhat": 1 })]);
    const inA = await store.searchLexical({
      terms: [{ term: "f:nhat", weight: 1 }],
      limit: 5,
      filter: { docIds: ["a"] },
    });
    expect(inA.map((h) => h.doc.docId)).toEqual(["a"]);
    // The new document's keys lie past every key the first mask was sized for.
    await store.upsertDocument(
      makeDoc("b"),
      Array.from({ length: 40 }, (_, i) => makeChunk("b", i, { "f:nhat": 1, [`f:x${i}`]: 1 })),
    );
    const inB = await store.searchLexical({
      terms: [{ term: "f:x39", weight: 1 }],
      limit: 5,
      filter: { docIds: ["b"] },
    });
    expect(inB.map((h) => h.chunk.chunkId)).toEqual([chunkIdOf("b#39")]);
    const none = await store.searchLexical({
      terms: [{ term: "f:nhat", weight: 1 }],
      limit: 5,
      filter: { docIds: ["missing"] },
    });
    expect(none).toEqual([]);
  });

  it("sums the weights of a term given twice", async () => {
    const store = track(openEmbeddedStore(dir));
    await store.upsertDocument(makeDoc("d"), [
      makeChunk("d", 0, { "f:a": 1 }),
      makeChunk("d", 1, { "f:b": 1 }),
    ]);
    const once = await store.searchLexical({ terms: [{ term: "f:a", weight: 2 }], limit: 5 });
    const twice = await store.searchLexical({
      terms: [
        { term: "f:a", weight: 1 },
        { term: "f:a", weight: 1 },
      ],
      limit: 5,
    });
    expect(twice).toEqual(once);
  });

  it("stamps documents and archives with the injected clock", async () => {
    let now = Date.parse("2025-03-01T08:00:00.000Z");
    const db = openDatabase(join(dir, "clock.db"));
    const store = track(createEmbeddedStore({ db, clock: () => new Date(now), ownsDatabase: true }));
    await store.upsertDocument(makeDoc("d", { contentHash: "1" }), []);
    now += 60_000;
    await store.upsertDocument(makeDoc("d", { contentHash: "2" }), []);
    const doc = await store.getDocument("d");
    expect(doc).toMatchObject({ addedAt: "2025-03-01T08:00:00.000Z", updatedAt: "2025-03-01T08:01:00.000Z" });
    expect((await store.listVersions("d"))[0]?.supersededAt).toBe("2025-03-01T08:01:00.000Z");
  });

  it("matches a brute-force reference through many adds, replacements and deletes (segments merged)", async () => {
    const rand = random(7);
    const store = track(openEmbeddedStore(dir, { tuning: { mergeFactor: 3, cachedPostings: 500 } }));
    const active = new Map<string, IndexedChunk[]>();
    const vocabulary = Array.from({ length: 40 }, (_, i) => `f:t${i}`);
    const pick = () => vocabulary[Math.floor(vocabulary.length * rand() ** 2)]!;
    let serial = 0;
    for (let step = 0; step < 120; step++) {
      const docId = `doc${Math.floor(rand() * 15)}`;
      if (rand() < 0.2 && active.has(docId)) {
        expect(await store.deleteDocument(docId)).toBe(true);
        active.delete(docId);
      } else {
        serial++;
        const chunks = Array.from({ length: 1 + Math.floor(rand() * 6) }, (_, i) => {
          const terms: Record<string, number> = {};
          for (let t = 0; t < 1 + Math.floor(rand() * 6); t++) terms[pick()] = 1 + Math.floor(rand() * 3);
          return makeChunk(docId, i, terms, {
            id: `${docId}-${serial}-${i}`,
            length: 3 + Math.floor(rand() * 20),
          });
        });
        await store.upsertDocument(makeDoc(docId, { contentHash: sha256(`${docId}-${serial}`) }), chunks);
        active.set(docId, chunks);
      }
      if (step % 10 === 9) {
        const all = [...active.values()].flat();
        for (let q = 0; q < 5; q++) {
          const query = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => ({
            term: pick(),
            weight: 1,
          }));
          const unique = [...new Map(query.map((t) => [t.term, t])).values()];
          const hits = await store.searchLexical({ terms: unique, limit: 8 });
          const expected = all.length === 0 ? [] : referenceBm25(all, unique).slice(0, 8);
          expect(hits.map((h) => h.chunk.chunkId)).toEqual(expected.map((e) => e.chunkId));
          for (const [i, h] of hits.entries()) expect(h.score).toBeCloseTo(expected[i]!.score, 6);
        }
        expect(await store.stats()).toEqual({ documents: active.size, chunks: all.length });
      }
    }
    const segments = store.db.prepare("SELECT level, chunks, dead FROM store_segments").all() as Array<{
      level: number;
      chunks: number;
      dead: number;
    }>;
    expect(segments.some((s) => s.level > 0)).toBe(true);
    expect(segments.every((s) => s.dead * 2 < s.chunks)).toBe(true);
    expect(store.db.pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("merges segments term range by term range, every term once", async () => {
    // More terms a segment than a merge step reads (4,096), with marked, astral and
    // private-use letters (UTF-16 and SQLite order them apart; each term is read in one step).
    const store = track(openEmbeddedStore(dir, { tuning: { mergeFactor: 2, cachedPostings: 1 } }));
    const letters = ["a", "đ", "ủ", "\u{1D400}", "\uE000", "z"];
    const vocabulary = Array.from({ length: 9000 }, (_, i) => `f:${letters[i % letters.length]}${i}`);
    const chunksOf = (docId: string, from: number) =>
      Array.from({ length: 3 }, (_, c) => {
        const terms: Record<string, number> = {};
        for (let t = from + c; t < from + 6000; t += 3)
          terms[vocabulary[t % vocabulary.length]!] = 1 + (t % 3);
        return makeChunk(docId, c, terms, { length: 2000 });
      });
    const a = chunksOf("a", 0);
    const b = chunksOf("b", 4000);
    await store.upsertDocument(makeDoc("a"), a);
    await store.upsertDocument(makeDoc("b"), b);
    const segments = store.db.prepare("SELECT seg_id, level, postings FROM store_segments").all() as Array<{
      seg_id: number;
      level: number;
      postings: number;
    }>;
    expect(segments.map((s) => s.level)).toEqual([1]);
    const rows = store.db
      .prepare(
        "SELECT count(*) AS n, count(DISTINCT term) AS terms FROM store_posting_lists WHERE seg_id = ?",
      )
      .get(segments[0]!.seg_id) as { n: number; terms: number };
    const all = [...a, ...b];
    const held = new Set(all.flatMap((c) => Object.keys(c.terms)));
    expect(rows).toEqual({ n: held.size, terms: held.size });
    expect(segments[0]!.postings).toBe(all.reduce((sum, c) => sum + Object.keys(c.terms).length, 0));
    for (const term of [
      vocabulary[0]!,
      vocabulary[3]!,
      vocabulary[4001]!,
      vocabulary[5999]!,
      vocabulary[8999]!,
    ]) {
      const query = [{ term, weight: 1 }];
      const hits = await store.searchLexical({ terms: query, limit: 6 });
      const expected = referenceBm25(all, query);
      expect(hits.map((h) => h.chunk.chunkId)).toEqual(expected.map((e) => e.chunkId));
    }
    expect(store.db.pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("leaves an index of few segments as it is when asked to compact only past a count", async () => {
    const store = track(openEmbeddedStore(dir, { tuning: { mergeFactor: 100 } }));
    for (const docId of ["a", "b", "c"])
      await store.upsertDocument(makeDoc(docId), [makeChunk(docId, 0, { "f:nhat": 1 })]);
    const generation = () =>
      (store.db.prepare("SELECT generation FROM store_meta").get() as { generation: number }).generation;
    const before = generation();
    expect(await store.compactIndex({ whenSegmentsOver: 3 })).toEqual({
      segmentsBefore: 3,
      segmentsAfter: 3,
      vacuumed: false,
    });
    // Nothing was written: other connections keep what they cached.
    expect(generation()).toBe(before);
    expect(await store.compactIndex({ whenSegmentsOver: 2 })).toEqual({
      segmentsBefore: 3,
      segmentsAfter: 1,
      vacuumed: true,
    });
  });

  it("compacts its segments into one: the same hits, for another connection too, and later writes", async () => {
    const writer = track(openEmbeddedStore(dir, { tuning: { mergeFactor: 100 } }));
    const reader = track(openEmbeddedStore(dir));
    const chunks = ["a", "b", "c", "d"].map((docId, i) =>
      makeChunk(docId, 0, { "f:nhat": 1 + i, "f:the": 1, [`f:t${i}`]: 2 }, { length: 5 + i }),
    );
    // a, b, c in one segment (b deleted there: a third of it dead), d in one of its own.
    await writer.upsertDocuments(
      chunks.slice(0, 3).map((chunk) => ({ doc: makeDoc(chunk.docId), chunks: [chunk] })),
    );
    await writer.upsertDocument(makeDoc("d"), [chunks[3]!]);
    await writer.deleteDocument("b");
    expect(writer.db.prepare("SELECT count(*) AS n FROM store_tombstones").get()).toEqual({ n: 1 });
    const query = {
      terms: [
        { term: "f:nhat", weight: 1 },
        { term: "f:t2", weight: 1 },
      ],
      limit: 10,
    };
    const before = (await reader.searchLexical(query)).map((h) => [h.chunk.chunkId, h.score]);
    expect(before).toHaveLength(3);

    const size = () => statSync(join(dir, "nhatthe.db")).size;
    const grown = size();
    expect(await writer.compactIndex()).toEqual({ segmentsBefore: 2, segmentsAfter: 1, vacuumed: true });
    expect(size()).toBeLessThanOrEqual(grown);
    // The rewrite's temporary copy went to disk; the connection keeps its temporaries in memory again.
    expect(writer.db.pragma("temp_store", { simple: true })).toBe(2);
    const rows = writer.db.prepare("SELECT dead FROM store_segments").all() as Array<{ dead: number }>;
    expect(rows).toEqual([{ dead: 0 }]);
    expect(writer.db.prepare("SELECT count(*) AS n FROM store_tombstones").get()).toEqual({ n: 0 });
    expect((await reader.searchLexical(query)).map((h) => [h.chunk.chunkId, h.score])).toEqual(before);
    expect((await writer.searchLexical(query)).map((h) => [h.chunk.chunkId, h.score])).toEqual(before);
    // Nothing left to merge: the index stays as it is.
    expect(await writer.compactIndex()).toEqual({ segmentsBefore: 1, segmentsAfter: 1, vacuumed: false });

    await writer.upsertDocument(makeDoc("e"), [makeChunk("e", 0, { "f:nhat": 9 })]);
    expect((await reader.searchLexical(query)).map((h) => h.doc.docId).sort()).toEqual(["a", "c", "d", "e"]);
    expect(writer.db.pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("sees writes made through another connection to the same file", async () => {
    const reader = track(openEmbeddedStore(dir));
    const writer = track(openEmbeddedStore(dir));
    const a0 = makeChunk("a", 0, { "f:nhat": 1 });
    await writer.upsertDocument(makeDoc("a"), [a0]);
    const query = { terms: [{ term: "f:nhat", weight: 1 }], limit: 10 };
    expect(await reader.searchLexical(query)).toHaveLength(1);
    expect((await reader.termStats(["f:nhat"])).df.get("f:nhat")).toBe(1);

    await writer.upsertDocument(makeDoc("b"), [makeChunk("b", 0, { "f:nhat": 2 })]);
    expect((await reader.searchLexical(query)).map((h) => h.doc.docId)).toEqual(["b", "a"]);
    await writer.deleteDocument("b");
    expect((await reader.searchLexical(query)).map((h) => h.doc.docId)).toEqual(["a"]);

    await writer.putVectors("m", [{ chunkId: a0.chunkId, contentHash: sha256(a0.text), vector: vec(1, 0) }]);
    expect(await reader.searchDense({ vector: vec(1, 0), model: "m", limit: 5 })).toHaveLength(1);
    // The reader's own write keeps what it knows of the writer's change.
    await reader.upsertDocument(makeDoc("c"), [makeChunk("c", 0, { "f:nhat": 1, "f:the": 1 })]);
    expect((await writer.searchLexical(query)).map((h) => h.doc.docId).sort()).toEqual(["a", "c"]);
  });

  it("shares its database with other modules and leaves it open unless it owns it", async () => {
    const db = openDatabase(join(dir, "shared.db"));
    db.exec("CREATE TABLE bot_things (id INTEGER PRIMARY KEY)");
    const store = createEmbeddedStore({ db });
    await store.upsertDocument(makeDoc("d"), [makeChunk("d", 0, { "f:nhat": 1 })]);
    await store.close();
    expect(db.open).toBe(true);
    expect(db.prepare("SELECT count(*) AS n FROM bot_things").get()).toEqual({ n: 0 });
    await expect(store.getDocument("d")).rejects.toBeInstanceOf(StoreError);
    const again = createEmbeddedStore({ db, ownsDatabase: true });
    expect(await again.getDocument("d")).not.toBeNull();
    await again.close();
    expect(db.open).toBe(false);
  });

  it("deletes a document's archived versions and unused cached vectors with it", async () => {
    const store = track(openEmbeddedStore(dir));
    const v1 = makeChunk("d", 0, { "f:a": 1 }, { text: "một" });
    await store.upsertDocument(makeDoc("d", { contentHash: "1" }), [v1]);
    await store.putVectors("m", [{ chunkId: v1.chunkId, contentHash: sha256("một"), vector: vec(1, 0) }]);
    const v2 = makeChunk("d", 0, { "f:b": 1 }, { text: "hai", id: "v2" });
    await store.upsertDocument(makeDoc("d", { contentHash: "2" }), [v2]);
    // Text that no active chunk has any more is dropped from the cache.
    expect((await store.getVectorsByContentHash("m", [sha256("một")])).size).toBe(0);
    await store.putVectors("m", [{ chunkId: v2.chunkId, contentHash: sha256("hai"), vector: vec(0, 1) }]);
    expect(await store.listVersions("d")).toHaveLength(1);

    await store.deleteDocument("d");
    expect(await store.listVersions("d")).toEqual([]);
    expect((await store.getVectorsByContentHash("m", [sha256("hai")])).size).toBe(0);
    expect(store.db.prepare("SELECT count(*) AS n FROM store_embeddings").get()).toEqual({ n: 0 });
    expect(store.db.prepare("SELECT count(*) AS n FROM store_archived_chunks").get()).toEqual({ n: 0 });
  });

  it("keeps vectors of several models for one chunk (a model change in progress)", async () => {
    const store = track(openEmbeddedStore(dir));
    const a = makeChunk("d", 0, { "f:x": 1 });
    const b = makeChunk("d", 1, { "f:y": 1 });
    await store.upsertDocument(makeDoc("d"), [a, b]);
    await store.putVectors("old", [
      { chunkId: a.chunkId, contentHash: sha256(a.text), vector: vec(1, 0) },
      { chunkId: b.chunkId, contentHash: sha256(b.text), vector: vec(0, 1) },
    ]);
    await store.putVectors("new", [
      { chunkId: a.chunkId, contentHash: sha256(a.text), vector: vec(0, 0, 1) },
    ]);
    expect(await store.vectorModels()).toEqual([
      { model: "new", dimension: 3, count: 1 },
      { model: "old", dimension: 2, count: 2 },
    ]);
    expect((await store.chunksWithoutVectors("new", 10)).map((c) => c.chunkId)).toEqual([b.chunkId]);
    const hits = await store.searchDense({ vector: vec(1, 0), model: "old", limit: 5 });
    expect(hits.map((h) => h.chunk.chunkId)).toEqual([a.chunkId, b.chunkId]);
  });

  it("shares one vector between chunks with the same text", async () => {
    const store = track(openEmbeddedStore(dir));
    const a = makeChunk("a", 0, { "f:x": 1 }, { text: "Điều 1. Phạm vi điều chỉnh" });
    const b = makeChunk("b", 0, { "f:x": 1 }, { text: "Điều 1. Phạm vi điều chỉnh" });
    await store.upsertDocument(makeDoc("a"), [a]);
    await store.upsertDocument(makeDoc("b"), [b]);
    await store.putVectors("m", [{ chunkId: a.chunkId, contentHash: sha256(a.text), vector: vec(1, 2) }]);
    expect(await store.chunksWithoutVectors("m", 10)).toEqual([]);
    expect(await store.vectorModels()).toEqual([{ model: "m", dimension: 2, count: 2 }]);
    await store.deleteDocument("a");
    expect(
      (await store.searchDense({ vector: vec(1, 2), model: "m", limit: 5 })).map((h) => h.doc.docId),
    ).toEqual(["b"]);
  });

  describe("rejects what it cannot store faithfully", () => {
    let store: EmbeddedStore;
    beforeEach(async () => {
      store = track(openEmbeddedStore(dir));
      await store.upsertDocument(makeDoc("d"), [makeChunk("d", 0, { "f:a": 1 }, { text: "văn bản" })]);
      await store.putVectors("m", [
        { chunkId: chunkIdOf("d#0"), contentHash: sha256("văn bản"), vector: vec(1, 0) },
      ]);
    });

    it.each([
      ["an empty docId", makeDoc(""), []],
      ["a date that is not YYYY-MM-DD", makeDoc("x", { date: "25/10/2017" }), []],
      ["a chunk of another document", makeDoc("x"), [makeChunk("y", 0, { "f:a": 1 })]],
      [
        "a duplicate chunk id",
        makeDoc("x"),
        [makeChunk("x", 0, { "f:a": 1 }), makeChunk("x", 0, { "f:b": 1 })],
      ],
      ["a non-finite frequency", makeDoc("x"), [makeChunk("x", 0, { "f:a": Number.NaN })]],
      ["a negative length", makeDoc("x"), [makeChunk("x", 0, { "f:a": 1 }, { length: -1 })]],
    ])("%s", async (_label, doc, chunks) => {
      const error = await store.upsertDocument(doc, chunks as IndexedChunk[]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe("store.invalid_input");
      expect((error as StoreError).userMessage).toMatch(/không hợp lệ/);
      expect(await store.stats()).toEqual({ documents: 1, chunks: 1 });
    });

    it("a vector of another dimension for a model that has vectors", async () => {
      const error = await store
        .putVectors("m", [
          { chunkId: chunkIdOf("d#0"), contentHash: sha256("văn bản"), vector: vec(1, 0, 0) },
        ])
        .catch((e: unknown) => e);
      expect((error as StoreError).code).toBe("store.vector_dimension");
      expect(await store.vectorModels()).toEqual([{ model: "m", dimension: 2, count: 1 }]);
    });

    it("a query vector of another dimension", async () => {
      await expect(store.searchDense({ vector: vec(1, 0, 0), model: "m", limit: 3 })).rejects.toMatchObject({
        code: "store.vector_dimension",
      });
    });

    it("a content hash that is not the chunk text's", async () => {
      await expect(
        store.putVectors("m", [
          { chunkId: chunkIdOf("d#0"), contentHash: sha256("khác"), vector: vec(0, 1) },
        ]),
      ).rejects.toMatchObject({ code: "store.invalid_input" });
    });

    it("a non-finite query weight", async () => {
      await expect(
        store.searchLexical({ terms: [{ term: "f:a", weight: Number.POSITIVE_INFINITY }], limit: 3 }),
      ).rejects.toMatchObject({ code: "store.invalid_input" });
    });
  });

  describe("crash in the middle of a replacement", () => {
    let child: ChildProcess | undefined;
    afterEach(() => {
      if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      child = undefined;
    });

    it("keeps the previous version whole after SIGKILL mid-transaction", async () => {
      const v1Chunks = Array.from({ length: 25 }, (_, i) =>
        makeChunk(
          "doc",
          i,
          { "f:cu": 1 + (i % 2), "b:ban_cu": 1, [`f:w${i}`]: 1 },
          { length: 12, id: `v1-${i}` },
        ),
      );
      const before = openEmbeddedStore(dir);
      await before.upsertDocument(makeDoc("doc", { contentHash: sha256("v1"), title: "Bản cũ" }), v1Chunks);
      await before.upsertDocument(makeDoc("other"), [
        makeChunk("other", 0, { "f:cu": 1, "f:khac": 1 }, { length: 12 }),
      ]);
      const query = {
        terms: [
          { term: "f:cu", weight: 1 },
          { term: "b:ban_cu", weight: 1 },
        ],
        limit: 50,
      };
      const expectedHits = await before.searchLexical(query);
      const expectedDoc = await before.getDocument("doc");
      await before.close();

      const script = fileURLToPath(new URL("./crash-writer.ts", import.meta.url));
      const proc = spawn(process.execPath, ["--import", "tsx", script, dir, "3000"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = proc;
      let stdout = "";
      let stderr = "";
      proc.stderr!.on("data", (d: Buffer) => {
        stderr += d.toString();
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        proc.on("exit", (_code, signal) => resolve(signal)),
      );
      await new Promise<void>((resolve, reject) => {
        proc.stdout!.on("data", (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes("started")) resolve();
        });
        proc.on("exit", (code) =>
          reject(new Error(`writer exited (${code}) before starting: ${stdout} ${stderr}`)),
        );
      });
      const walSize = statSync(join(dir, `${EMBEDDED_STORE_FILE}-wal`)).size;
      proc.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      expect(stdout).not.toContain("done");
      // The writer had spilled uncommitted pages into the WAL that recovery must ignore.
      expect(walSize).toBeGreaterThan(0);

      const after = track(openEmbeddedStore(dir));
      expect(after.db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(await after.getDocument("doc")).toEqual(expectedDoc);
      expect(await after.getChunks("doc")).toEqual(v1Chunks.map(recordOf));
      expect(await after.listVersions("doc")).toEqual([]);
      expect(await after.stats()).toEqual({ documents: 2, chunks: 26 });
      expect(await after.searchLexical(query)).toEqual(expectedHits);
      expect(await after.searchLexical({ terms: [{ term: "f:moi", weight: 1 }], limit: 5 })).toEqual([]);
      expect((await after.termStats(["f:cu", "f:moi"])).df).toEqual(
        new Map([
          ["f:cu", 26],
          ["f:moi", 0],
        ]),
      );
      const totals = after.db.prepare("SELECT chunks, total_length FROM store_meta").get();
      expect(totals).toEqual({ chunks: 26, total_length: 26 * 12 });
      expect(after.db.prepare("SELECT count(*) AS n FROM store_chunks").get()).toEqual({ n: 26 });

      // And the store is writable again: the replacement goes through this time.
      const result = await after.upsertDocument(makeDoc("doc", { contentHash: sha256("v2") }), [
        makeChunk("doc", 0, { "f:moi": 1 }, { id: "v2-0" }),
      ]);
      expect(result).toMatchObject({ status: "replaced", version: 2 });
      expect((await after.listVersions("doc"))[0]?.chunks).toEqual(v1Chunks.map(recordOf));
    });
  });
});
