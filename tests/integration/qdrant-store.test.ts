import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QdrantClient } from "@qdrant/js-client-rest";
import { afterEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/errors.js";
import { toIndexedChunks } from "../../src/ingest/index-chunks.js";
import { openEmbeddedStore } from "../../src/store/embedded-store.js";
import {
  chunkPoint,
  documentFields,
  documentPoint,
  embeddingPointId,
  metaPoint,
  versionPoint,
} from "../../src/store/qdrant/payload.js";
import { chunkPointId } from "../../src/store/qdrant/point-id.js";
import { createQdrantStore, type QdrantStoreOptions } from "../../src/store/qdrant/qdrant-store.js";
import {
  cacheVectorName,
  chunkCollectionSpec,
  denseVectorName,
  RECORD_PAYLOAD_INDEXES,
  recordsCollectionSpec,
} from "../../src/store/qdrant/schema-check.js";
import { DEFAULT_BM25, toDocumentSparseVector } from "../../src/store/qdrant/sparse.js";
import { openDatabase } from "../../src/store/sqlite.js";
import type { DocumentStore, IndexedChunk, WeightedTerm } from "../../src/store/types.js";
import { analyzeQuery } from "../../src/text/index.js";
import { describeDocumentStoreContract } from "../contract/document-store.contract.js";
import { makeChunk, makeDoc, recordOf, sha256, vec } from "../contract/store-fixtures.js";
import {
  type FakeQdrantOptions,
  type FakeQdrantServer,
  startFakeQdrant,
} from "../support/qdrant-fake-server.js";

/** A catalog database for a test store (the catalog is SQLite whatever the index). */
function catalogDb() {
  return { db: openDatabase(":memory:"), ownsDatabase: true };
}

/**
 * The full DocumentStore contract against the Qdrant adapter over HTTP, the fake Qdrant
 * checking every request body against Qdrant's REST schema (and refusing filters on
 * unindexed keys). Then what only this adapter does: collections and indexes at start,
 * clear errors, retries, batching, server-side hybrid search, BM25 parity with the
 * embedded store.
 */
describeDocumentStoreContract("qdrant (fake server, schema-checked)", async () => {
  const server = await startFakeQdrant();
  const store = createQdrantStore({
    url: server.url,
    collection: "contract",
    retry: { retries: 0 },
    db: openDatabase(":memory:"),
    ownsDatabase: true,
  });
  return {
    store,
    cleanup: async () => {
      await store.close();
      const rejected = server.requests.filter((r) => r.status >= 400);
      await server.close();
      expect(rejected.map((r) => `${r.status} ${r.method} ${r.path}`)).toEqual([]);
    },
  };
});

const FIXTURES = join(import.meta.dirname, "../fixtures/corpus");

/** An address on 127.0.0.1 where nothing listens. */
async function unusedLocalUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function terms(...list: string[]): WeightedTerm[] {
  return list.map((term) => ({ term, weight: 1 }));
}

/** Paragraphs of a fixture file as indexed chunks, the way ingestion analyzes them. */
function fixtureChunks(file: string, docId: string, title: string): IndexedChunk[] {
  const paragraphs = readFileSync(join(FIXTURES, file), "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return toIndexedChunks(
    docId,
    title,
    paragraphs.map((text, position) => ({ text, position, headingPath: ["Phần I"] })),
  );
}

describe("Qdrant store", () => {
  let server: FakeQdrantServer;
  const cleanups: Array<() => Promise<void> | void> = [];

  async function start(fake: FakeQdrantOptions = {}, options: Partial<QdrantStoreOptions> = {}) {
    server = await startFakeQdrant(fake);
    const store = createQdrantStore({
      url: server.url,
      collection: "nhatthe",
      retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
      ...catalogDb(),
      ...options,
    });
    cleanups.push(() => server.close());
    return store;
  }

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  describe("at start", () => {
    it("creates its one collection of points with the schema and the payload indexes, once", async () => {
      const store = await start({}, { denseModel: { name: "text-embedding-3-small", dimension: 4 } });
      await store.ensureReady();
      // Points only: the catalog (records, versions, embedding cache) is SQLite.
      expect(server.collectionNames()).toEqual(["nhatthe"]);
      const chunks = server.collection("nhatthe")!;
      expect([...chunks.sparse]).toEqual([["lexical", { modifier: "idf" }]]);
      expect(chunks.dense.get(denseVectorName("text-embedding-3-small"))).toMatchObject({
        size: 4,
        distance: "Cosine",
      });
      expect(Object.fromEntries(chunks.indexes)).toEqual({
        doc_id: "keyword",
        number_key: "keyword",
        kind: "keyword",
        date_int: "integer",
        content_hash: "keyword",
        terms: "keyword",
      });

      // A second process (another bot replica) reuses what exists.
      const before = server.requests.length;
      const again = createQdrantStore({ url: server.url, collection: "nhatthe", ...catalogDb() });
      await again.ensureReady();
      const writes = server.requests
        .slice(before)
        .filter((r) => ["create_collection", "create_field_index"].includes(r.operationId ?? ""));
      expect(writes).toEqual([]);
    });

    it("says clearly, in English for the log and Vietnamese for the user, that Qdrant is unreachable", async () => {
      const url = await unusedLocalUrl();
      const store = createQdrantStore({
        url,
        collection: "nhatthe",
        ...catalogDb(),
        retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 },
      });
      const error = await store.ensureReady().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreError);
      const storeErr = error as StoreError;
      expect(storeErr.code).toBe("store.open_failed");
      expect(storeErr.message).toContain(`Qdrant at ${url} is unreachable (ECONNREFUSED`);
      expect(storeErr.message).toMatch(/start it or check QDRANT_URL$/);
      expect(storeErr.userMessage).toMatch(/kho tài liệu/);
      expect(storeErr.cause).toBeDefined();
      // Every method reports the same, and a later call tries again.
      await expect(store.stats()).rejects.toThrow(/unreachable/);
    });

    it("names the API key when Qdrant refuses it", async () => {
      server = await startFakeQdrant({ apiKey: "secret-key-123" });
      cleanups.push(() => server.close());
      const bad = createQdrantStore({
        url: server.url,
        apiKey: "wrong-key-000",
        collection: "c",
        ...catalogDb(),
      });
      await expect(bad.ensureReady()).rejects.toThrow(/HTTP 401.*QDRANT_API_KEY/);
      const good = createQdrantStore({
        url: server.url,
        apiKey: "secret-key-123",
        collection: "c",
        ...catalogDb(),
      });
      await good.ensureReady();
      expect(await good.stats()).toEqual({ documents: 0, chunks: 0 });
    });

    it("refuses a Qdrant too old for the Query API and has_vector", async () => {
      const store = await start({ version: "1.9.2" });
      await expect(store.ensureReady()).rejects.toThrow(/Qdrant 1\.9\.2 .* too old: the store needs 1\.13/);
    });

    it("refuses an existing collection of another shape", async () => {
      server = await startFakeQdrant();
      cleanups.push(() => server.close());
      await fetch(`${server.url}/collections/theirs`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ vectors: { size: 4, distance: "Dot" } }),
      });
      const store = createQdrantStore({ url: server.url, collection: "theirs", ...catalogDb() });
      const error = await store.ensureReady().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toMatch(/single unnamed vector.*QDRANT_COLLECTION/);
    });

    it("refuses a collection whose vectors for the configured model have another size", async () => {
      const first = await start({}, { denseModel: { name: "m", dimension: 3 } });
      await first.ensureReady();
      const second = createQdrantStore({
        url: server.url,
        collection: "nhatthe",
        ...catalogDb(),
        denseModel: { name: "m", dimension: 1536 },
      });
      const error = await second.ensureReady().catch((e: unknown) => e);
      expect((error as StoreError).code).toBe("store.vector_dimension");
      expect((error as StoreError).message).toMatch(/has size 3, but the configured model gives 1536/);
    });
  });

  describe("writing", () => {
    it("uses the chunk id, written as a UUID, as the point id, so re-upserts overwrite", async () => {
      const store = await start();
      const chunk = makeChunk("d", 0, { "f:nhat": 1 });
      await store.upsertDocument(makeDoc("d", { kind: "Nghị quyết", date: "2017-10-25" }), [chunk]);
      expect(server.points("nhatthe").map((p) => p.id)).toEqual([chunkPointId(chunk.chunkId)]);
      const payload = server.points("nhatthe")[0]!.payload;
      // What filters, counts and maintenance read, and nothing of the catalog.
      expect(payload).toEqual({
        doc_id: "d",
        number_key: null,
        kind: "Nghị quyết",
        date_int: 20171025,
        content_hash: sha256(chunk.text),
        length: chunk.length,
        bm25_avg_length: chunk.length,
        terms: ["f:nhat"],
      });
    });

    it("sends large documents in sequential batches of at most 256 points, waiting for each", async () => {
      const store = await start();
      const chunks = Array.from({ length: 600 }, (_, i) => makeChunk("big", i, { "f:nhat": 1 + (i % 3) }));
      await store.upsertDocument(makeDoc("big"), chunks);
      const upserts = server.requests.filter(
        (r) => r.operationId === "upsert_points" && r.path === "/collections/nhatthe/points",
      );
      expect(upserts.map((r) => (r.body as { points: unknown[] }).points.length)).toEqual([256, 256, 88]);
      const writes = server.requests.filter((r) =>
        ["upsert_points", "delete_points", "update_vectors", "create_field_index"].includes(
          r.operationId ?? "",
        ),
      );
      expect(writes.every((r) => r.query.get("wait") === "true")).toBe(true);
      expect(await store.stats()).toEqual({ documents: 1, chunks: 600 });
      expect(await store.searchLexical({ terms: terms("f:nhat"), limit: 1000 })).toHaveLength(600);
    });

    it("retries transient failures: 503, 429 and dropped connections", async () => {
      const store = await start({}, { retry: { retries: 5, baseDelayMs: 1, maxDelayMs: 5 } });
      await store.ensureReady();
      server.failNext(2, { status: 503 });
      server.failNext(1, { status: 429, retryAfter: 0 });
      server.failNext(1, "reset");
      await store.upsertDocument(makeDoc("d"), [makeChunk("d", 0, { "f:nhat": 1 })]);
      expect(server.requests.filter((r) => r.status === 503 || r.status === 429)).toHaveLength(3);
      expect(server.requests.filter((r) => r.status === -1)).toHaveLength(1);
      expect(await store.stats()).toEqual({ documents: 1, chunks: 1 });
    });

    it("does not retry a request Qdrant refuses, and says which request failed", async () => {
      const store = await start();
      await store.ensureReady();
      server.failNext(1, { status: 400 }, (r) => r.path.endsWith("/points/query"));
      await store.upsertDocument(makeDoc("d"), [makeChunk("d", 0, { "f:nhat": 1 })]);
      const error = await store.searchLexical({ terms: terms("f:nhat"), limit: 3 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).message).toMatch(/Qdrant request query nhatthe failed: HTTP 400/);
      expect(server.requests.filter((r) => r.path.endsWith("/points/query"))).toHaveLength(1);
    });

    it("repairs an interrupted write: orphan points are never hits, and are deleted at the next start", async () => {
      const db = openDatabase(":memory:");
      cleanups.push(() => {
        db.close();
      });
      const store = await start({}, { retry: { retries: 0 }, db, ownsDatabase: false });
      await store.ensureReady();
      const first = [makeChunk("d", 0, { "f:cu": 1 }), makeChunk("d", 1, { "f:cu": 2 })];
      await store.upsertDocument(makeDoc("d", { contentHash: "1" }), first);
      // The stale points are deleted last; fail that, after the catalog committed.
      server.failNext(
        1,
        { status: 500 },
        (r) => r.method === "POST" && r.path === "/collections/nhatthe/points/delete",
      );
      const second = [makeChunk("d", 0, { "f:moi": 1 }, { id: "m" })];
      await expect(store.upsertDocument(makeDoc("d", { contentHash: "2" }), second)).rejects.toThrow(
        /HTTP 500/,
      );
      expect((await store.getDocument("d"))?.version).toBe(2);
      expect(server.points("nhatthe")).toHaveLength(3);
      // The old points are still in Qdrant, but the catalog does not know them.
      expect(await store.searchLexical({ terms: terms("f:cu"), limit: 5 })).toEqual([]);
      expect(await store.stats()).toEqual({ documents: 1, chunks: 1 });

      // The next process over the same catalog repairs it before answering.
      await store.index.close();
      const restarted = createQdrantStore({ url: server.url, collection: "nhatthe", db });
      expect(await restarted.repair()).toEqual(["d"]);
      expect(server.points("nhatthe").map((p) => p.id)).toEqual([chunkPointId(second[0]!.chunkId)]);
      expect(await restarted.repair()).toEqual([]);
      expect((await restarted.getChunks("d")).map((c) => c.chunkId)).toEqual([second[0]!.chunkId]);
    });

    it("repairs an interrupted delete: the document is gone at once, its points at the next start", async () => {
      const db = openDatabase(":memory:");
      cleanups.push(() => {
        db.close();
      });
      const store = await start({}, { retry: { retries: 0 }, db, ownsDatabase: false });
      await store.upsertDocument(makeDoc("d"), [makeChunk("d", 0, { "f:xoa": 1 })]);
      await store.upsertDocument(makeDoc("k"), [makeChunk("k", 0, { "f:xoa": 1 })]);
      server.failNext(
        1,
        { status: 500 },
        (r) => r.method === "POST" && r.path === "/collections/nhatthe/points/delete",
      );
      await expect(store.deleteDocument("d")).rejects.toThrow(/HTTP 500/);
      expect(await store.getDocument("d")).toBeNull();
      expect(
        (await store.searchLexical({ terms: terms("f:xoa"), limit: 5 })).map((h) => h.doc.docId),
      ).toEqual(["k"]);
      expect(server.points("nhatthe")).toHaveLength(2);

      await store.index.close();
      const restarted = createQdrantStore({ url: server.url, collection: "nhatthe", db });
      expect(await restarted.stats()).toEqual({ documents: 1, chunks: 1 });
      expect(server.points("nhatthe").map((p) => p.payload.doc_id)).toEqual(["k"]);
      expect(await restarted.catalog.pendingDocuments()).toEqual([]);
    });

    it("leaves no trace of a write whose points were refused", async () => {
      const store = await start({}, { retry: { retries: 0 } });
      await store.ensureReady();
      server.failNext(
        1,
        { status: 500 },
        (r) => r.method === "PUT" && r.path === "/collections/nhatthe/points",
      );
      const first = [makeChunk("d", 0, { "f:cu": 1 }), makeChunk("d", 1, { "f:cu": 2 })];
      await expect(store.upsertDocument(makeDoc("d", { contentHash: "1" }), first)).rejects.toThrow(
        /HTTP 500/,
      );
      expect(await store.getDocument("d")).toBeNull();
      // Ingested again, with other content: only the new chunks are there.
      const second = [makeChunk("d", 0, { "f:moi": 1 }, { id: "m" })];
      expect(await store.upsertDocument(makeDoc("d", { contentHash: "2" }), second)).toMatchObject({
        status: "added",
        version: 1,
      });
      expect((await store.getChunks("d")).map((c) => c.chunkId)).toEqual([second[0]!.chunkId]);
      expect(await store.searchLexical({ terms: terms("f:cu"), limit: 5 })).toEqual([]);
      expect(await store.stats()).toEqual({ documents: 1, chunks: 1 });
    });

    it("keeps the previous version on record in the catalog, outside Qdrant", async () => {
      const store = await start();
      await store.upsertDocument(makeDoc("d", { contentHash: "1" }), [makeChunk("d", 0, { "f:cu": 1 })]);
      await store.upsertDocument(makeDoc("d", { contentHash: "2" }), [
        makeChunk("d", 0, { "f:moi": 1 }, { id: "n" }),
      ]);
      expect(server.points("nhatthe").map((p) => p.payload.terms)).toEqual([["f:moi"]]);
      expect(server.collectionNames()).toEqual(["nhatthe"]);
      expect((await store.listVersions("d")).map((v) => v.version)).toEqual([1]);
    });

    it("adds a new embedding model's vectors to the live collection", async () => {
      const store = await start();
      const chunk = makeChunk("d", 0, { "f:a": 1 });
      await store.upsertDocument(makeDoc("d"), [chunk]);
      await store.putVectors("BAAI/bge-m3", [
        { chunkId: chunk.chunkId, contentHash: sha256(chunk.text), vector: vec(1, 2, 2) },
      ]);
      expect(server.collection("nhatthe")!.dense.get(denseVectorName("BAAI/bge-m3"))).toMatchObject({
        size: 3,
      });
      expect(await store.vectorModels()).toEqual([{ model: "BAAI/bge-m3", dimension: 3, count: 1 }]);
    });

    it("explains what to do when the server cannot add vectors, and works with the model configured up front", async () => {
      const store = await start({ noCreateVectorName: true });
      const chunk = makeChunk("d", 0, { "f:a": 1 });
      await store.upsertDocument(makeDoc("d"), [chunk]);
      const put = () =>
        store.putVectors("m", [
          { chunkId: chunk.chunkId, contentHash: sha256(chunk.text), vector: vec(1, 0) },
        ]);
      await expect(put()).rejects.toThrow(
        /cannot add vector .* set the embedding model before the collection is first created/,
      );

      const configured = createQdrantStore({
        url: server.url,
        collection: "fresh",
        ...catalogDb(),
        denseModel: { name: "m", dimension: 2 },
      });
      await configured.upsertDocument(makeDoc("d"), [chunk]);
      await configured.putVectors("m", [
        { chunkId: chunk.chunkId, contentHash: sha256(chunk.text), vector: vec(1, 0) },
      ]);
      expect(await configured.vectorModels()).toEqual([{ model: "m", dimension: 2, count: 1 }]);
    });
  });

  describe("upgrading a deployment made before the catalog left Qdrant", () => {
    it("adopts the records, versions, chunks and cached vectors of <collection>_docs into the catalog, once", async () => {
      server = await startFakeQdrant();
      cleanups.push(() => server.close());
      const client = new QdrantClient({ url: server.url, checkCompatibility: false });
      const model = { name: "m", dimension: 2 };
      await client.createCollection("old", chunkCollectionSpec(model));
      await client.createCollection("old_docs", recordsCollectionSpec(model));
      for (const index of RECORD_PAYLOAD_INDEXES) {
        await client.createPayloadIndex("old_docs", {
          wait: true,
          field_name: index.field,
          field_schema: index.schema,
        });
      }
      // What the schema-1 store wrote for a document replaced once, with a cached vector.
      const v1 = makeChunk("nq18", 0, { "f:cu": 1 }, { id: "v1" });
      const chunks = [
        makeChunk("nq18", 0, { "f:sap_xep": 2, "f:bo_may": 1 }, { text: "Sắp xếp tổ chức bộ máy" }),
        makeChunk("nq18", 1, { "f:tinh_gon": 1 }, { headingPath: ["Phần II"] }),
      ];
      const at = "2025-01-02T03:04:05.000Z";
      const base = { ...makeDoc("nq18", { kind: "Nghị quyết", number: "18-NQ/TW", date: "2017-10-25" }) };
      const record = { ...base, chunkCount: 2, version: 2, addedAt: at, updatedAt: at };
      const older = {
        ...base,
        contentHash: sha256("v1"),
        chunkCount: 1,
        version: 1,
        addedAt: at,
        updatedAt: at,
      };
      const fields = documentFields(record);
      const sparse = (c: IndexedChunk) => toDocumentSparseVector(c.terms, c.length, 2, DEFAULT_BM25);
      await client.upsert("old", {
        wait: true,
        points: chunks.map((c, seq) =>
          chunkPoint(
            c,
            seq,
            { document: fields, contentHash: sha256(c.text), averageLength: 2 },
            {
              lexical: sparse(c),
              ...(seq === 0 ? { [denseVectorName("m")]: [1, 0] } : {}),
            },
          ),
        ),
      });
      await client.upsert("old_docs", {
        wait: true,
        points: [
          documentPoint(record),
          versionPoint({
            docId: "nq18",
            version: 1,
            record: older,
            chunks: [recordOf(v1)],
            supersededAt: at,
          }),
          metaPoint({ schemaVersion: 1, totalLength: 4, models: [{ model: "m", dimension: 2 }] }),
          {
            id: embeddingPointId("m", sha256(chunks[0]!.text)),
            vector: { [cacheVectorName("m")]: [1, 0] },
            payload: { record_type: "embedding", model: "m", content_hash: sha256(chunks[0]!.text) },
          },
        ],
      });

      const db = openDatabase(":memory:");
      cleanups.push(() => {
        db.close();
      });
      const store = createQdrantStore({ url: server.url, collection: "old", db });
      expect(await store.getDocument("nq18")).toEqual(record);
      expect(await store.getChunks("nq18")).toEqual(chunks.map(recordOf));
      expect(await store.listVersions("nq18")).toEqual([
        { docId: "nq18", version: 1, record: older, chunks: [recordOf(v1)], supersededAt: at },
      ]);
      expect(await store.stats()).toEqual({ documents: 1, chunks: 2 });
      expect(await store.vectorModels()).toEqual([{ model: "m", dimension: 2, count: 1 }]);
      expect((await store.chunksWithoutVectors("m", 10)).map((c) => c.chunkId)).toEqual([chunks[1]!.chunkId]);
      // The old points answer as they are.
      const hits = await store.searchLexical({ terms: terms("f:sap_xep"), limit: 5 });
      expect(hits.map((h) => [h.chunk, h.doc])).toEqual([[recordOf(chunks[0]!), record]]);
      expect(
        (await store.searchDense({ vector: vec(1, 0), model: "m", limit: 5 })).map((h) => h.chunk.chunkId),
      ).toEqual([chunks[0]!.chunkId]);
      await store.index.close();

      // Once adopted, a restart reads the catalog and leaves Qdrant's old records alone.
      const before = server.requests.length;
      const again = createQdrantStore({ url: server.url, collection: "old", db });
      expect(await again.stats()).toEqual({ documents: 1, chunks: 2 });
      expect(server.requests.slice(before).some((r) => r.path.startsWith("/collections/old_docs"))).toBe(
        false,
      );
    });
  });

  describe("searching", () => {
    it("scores lexical queries like the embedded store (same BM25, same ranking)", async () => {
      const store = await start();
      const dir = mkdtempSync(join(tmpdir(), "nhatthe-parity-"));
      const embedded = openEmbeddedStore(dir);
      cleanups.push(async () => {
        await embedded.close();
        rmSync(dir, { recursive: true, force: true });
      });
      // One document: the mean chunk length is exact for every chunk.
      const chunks = [
        ...fixtureChunks("news_ket_luan_126_kl_tw.md", "kl126", "Kết luận 126-KL/TW"),
        ...fixtureChunks("news_nq_190_2025_qh15.md", "kl126", "Kết luận 126-KL/TW").map((c, i) => ({
          ...c,
          position: 100 + i,
        })),
      ];
      const doc = makeDoc("kl126", { kind: "Kết luận", number: "126-KL/TW", date: "2025-02-14" });
      for (const s of [store, embedded] as DocumentStore[]) await s.upsertDocument(doc, chunks);

      for (const question of [
        "sắp xếp tổ chức bộ máy",
        "nhất thể hóa chức danh bí thư",
        "Nghị quyết 190/2025/QH15 quy định gì",
        "tinh gọn đầu mối",
      ]) {
        const query = { terms: analyzeQuery(question).terms, limit: 8 };
        const [ours, reference] = await Promise.all([
          store.searchLexical(query),
          embedded.searchLexical(query),
        ]);
        expect(ours.map((h) => h.chunk.chunkId)).toEqual(reference.map((h) => h.chunk.chunkId));
        ours.forEach((hit, i) => {
          expect(hit.score).toBeCloseTo(reference[i]!.score, 4);
          const untimed = (d: typeof hit.doc) => ({ ...d, addedAt: "", updatedAt: "" });
          expect(untimed(hit.doc)).toEqual(untimed(reference[i]!.doc));
        });
        expect(ours[0]?.matchedTerms?.length).toBeGreaterThan(0);
      }
    });

    it("brings drifted lexical weights back to the current mean length", async () => {
      const store = await start();
      const dir = mkdtempSync(join(tmpdir(), "nhatthe-parity-"));
      const embedded = openEmbeddedStore(dir);
      cleanups.push(async () => {
        await embedded.close();
        rmSync(dir, { recursive: true, force: true });
      });
      const docs: Array<[string, string]> = [
        ["bo-luat-dan-su_dieu-10.txt", "blds"],
        ["news_nq_190_2025_qh15.md", "nq190"],
        ["news_ket_luan_126_kl_tw.md", "kl126"],
      ];
      for (const [file, docId] of docs) {
        const chunks = fixtureChunks(file, docId, docId);
        for (const s of [store, embedded] as DocumentStore[]) await s.upsertDocument(makeDoc(docId), chunks);
      }
      const refreshed = await store.refreshLexicalWeights();
      expect(refreshed.updated).toBeGreaterThan(0);
      expect(refreshed.chunks).toBe((await store.stats()).chunks);
      const query = { terms: analyzeQuery("quyền và nghĩa vụ dân sự của cơ quan nhà nước").terms, limit: 10 };
      const [ours, reference] = await Promise.all([
        store.searchLexical(query),
        embedded.searchLexical(query),
      ]);
      expect(ours.map((h) => h.chunk.chunkId)).toEqual(reference.map((h) => h.chunk.chunkId));
      ours.forEach((hit, i) => {
        expect(hit.score).toBeCloseTo(reference[i]!.score, 4);
      });
      expect((await store.refreshLexicalWeights()).updated).toBe(0);
    });

    it("fuses lexical and dense results on the server (one prefetch each, rrf)", async () => {
      const store = await start();
      const a = makeChunk("d", 0, { "f:nhat": 3 }, { length: 3 });
      const b = makeChunk("d", 1, { "f:nhat": 1, "f:khac": 2 }, { length: 3 });
      const c = makeChunk("d", 2, { "f:khac": 3 }, { length: 3 });
      await store.upsertDocument(makeDoc("d"), [a, b, c]);
      await store.putVectors(
        "m",
        [
          [a, vec(0, 1)],
          [b, vec(1, 0.1)],
          [c, vec(1, 0)],
        ].map(([chunk, vector]) => ({
          chunkId: (chunk as IndexedChunk).chunkId,
          contentHash: sha256((chunk as IndexedChunk).text),
          vector: vector as Float32Array,
        })),
      );
      const hits = await store.searchHybrid(terms("f:nhat"), vec(1, 0), "m", 3);
      // Lexical: a, b. Dense: c, b, a. RRF (k = 2): a 1/2 + 1/4, b 1/3 + 1/3, c 1/2.
      expect(hits.map((h) => h.chunk.position)).toEqual([0, 1, 2]);
      expect(hits.map((h) => h.score)).toEqual([
        expect.closeTo(0.75, 6),
        expect.closeTo(2 / 3, 6),
        expect.closeTo(0.5, 6),
      ]);
      expect(hits[0]!.matchedTerms).toEqual(["f:nhat"]);
      const request = server.requests.filter((r) => r.operationId === "query_points").at(-1)!.body as {
        prefetch: Array<{ using: string; limit: number }>;
        query: unknown;
      };
      expect(request.query).toEqual({ fusion: "rrf" });
      expect(request.prefetch.map((p) => p.using)).toEqual(["lexical", denseVectorName("m")]);
      expect(request.prefetch.every((p) => p.limit >= 3)).toBe(true);

      // Filters reach both representations; a model without vectors leaves the lexical list.
      expect(
        (await store.searchHybrid(terms("f:nhat"), vec(1, 0), "m", 3, { docIds: ["other"] })).map(
          (h) => h.chunk,
        ),
      ).toEqual([]);
      expect(
        (await store.searchHybrid(terms("f:nhat"), vec(1, 0), "none", 3)).map((h) => h.chunk.position),
      ).toEqual([0, 1]);
    });

    it("reports the query terms each lexical hit contains", async () => {
      const store = await start();
      await store.upsertDocument(makeDoc("d"), [
        makeChunk("d", 0, { "f:nhat": 1, "f:the": 1 }),
        makeChunk("d", 1, { "f:nhat": 1 }),
      ]);
      const hits = await store.searchLexical({ terms: terms("f:the", "f:nhat", "f:khong"), limit: 5 });
      expect(hits.map((h) => h.matchedTerms)).toEqual([["f:the", "f:nhat"], ["f:nhat"]]);
    });
  });
});
