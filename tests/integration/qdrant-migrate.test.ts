import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createIndexer } from "../../src/ingest/indexer.js";
import type { Embedder } from "../../src/retrieval/embedder.js";
import { createRetriever } from "../../src/retrieval/retriever.js";
import { type EmbeddedStore, openEmbeddedStore } from "../../src/store/embedded-store.js";
import { type MigrationProgress, migrateToQdrant } from "../../src/store/migrate-to-qdrant.js";
import { createQdrantStore, type QdrantStore } from "../../src/store/qdrant/qdrant-store.js";
import { openDatabase } from "../../src/store/sqlite.js";
import type { DocumentStore } from "../../src/store/types.js";
import { analyzeQuery } from "../../src/text/index.js";
import { sha256 } from "../contract/store-fixtures.js";
import { type FakeQdrantServer, startFakeQdrant } from "../support/qdrant-fake-server.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/corpus");

/** A deterministic embedder: letter counts folded into 8 dimensions. */
const embedder: Embedder = {
  model: "test-embedder",
  async embed(texts) {
    return texts.map((text) => {
      const v = new Float32Array(8);
      for (const ch of text.normalize("NFD").toLowerCase()) v[ch.charCodeAt(0) % 8]! += 1;
      return v;
    });
  },
};

async function snapshot(store: DocumentStore) {
  const docs = await store.listDocuments();
  const out = [];
  for (const doc of docs) {
    out.push({
      doc,
      chunks: await store.getChunks(doc.docId),
      versions: await store.listVersions(doc.docId),
    });
  }
  return { docs: out, stats: await store.stats(), models: await store.vectorModels() };
}

describe("migrateToQdrant", () => {
  let dir: string;
  let embedded: EmbeddedStore;
  let server: FakeQdrantServer;
  let qdrant: QdrantStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "nhatthe-migrate-"));
    embedded = openEmbeddedStore(dir);
    const indexer = createIndexer({ store: embedded, embedder });
    for (const file of readdirSync(FIXTURES).filter((f) => /\.(txt|md)$/.test(f) && f !== "SOURCES.md")) {
      await indexer.ingestFile(join(FIXTURES, file));
    }
    // A replaced document, so there is an archived version to carry over.
    await indexer.ingestBytes(new TextEncoder().encode("Điều 10. Áp dụng tập quán (bản cũ)."), "ban-thu.txt");
    await indexer.ingestBytes(
      new TextEncoder().encode("Điều 10. Áp dụng tập quán.\n\nTrường hợp các bên không có thỏa thuận."),
      "ban-thu.txt",
    );
    server = await startFakeQdrant();
    qdrant = createQdrantStore({
      url: server.url,
      collection: "nhatthe",
      retry: { retries: 0 },
      db: openDatabase(":memory:"),
      ownsDatabase: true,
    });
  });

  afterEach(async () => {
    await qdrant.close();
    await server.close();
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies documents, archived versions, chunks and vectors, and searches the same afterwards", async () => {
    const progress: MigrationProgress[] = [];
    const report = await migrateToQdrant({ from: embedded, to: qdrant, onProgress: (p) => progress.push(p) });

    const source = await snapshot(embedded);
    expect(await snapshot(qdrant)).toEqual(source);
    expect(report).toMatchObject({
      documents: source.docs.length,
      written: source.docs.length,
      skipped: 0,
      chunks: source.stats.chunks,
      versions: 1,
      vectors: source.stats.chunks,
    });
    expect(progress.map((p) => p.index)).toEqual(source.docs.map((_, i) => i + 1));
    expect(progress.every((p) => p.total === source.docs.length && p.status === "written")).toBe(true);

    // Vectors were copied, not recomputed: the cache gives back the same numbers.
    const chunk = source.docs[0]!.chunks[0]!;
    const [a, b] = await Promise.all(
      [embedded, qdrant].map((s) => s.getVectorsByContentHash(embedder.model, [sha256(chunk.text)])),
    );
    expect(Array.from(b!.get(sha256(chunk.text))!)).toEqual(Array.from(a!.get(sha256(chunk.text))!));

    // Terms were recomputed as ingestion does: lexical search ranks and scores the same.
    for (const question of ["sắp xếp tổ chức bộ máy nhà nước", "áp dụng tập quán", "Kết luận 126"]) {
      const query = { terms: analyzeQuery(question).terms, limit: 10 };
      const [ours, reference] = await Promise.all([
        qdrant.searchLexical(query),
        embedded.searchLexical(query),
      ]);
      expect(ours.map((h) => h.chunk.chunkId)).toEqual(reference.map((h) => h.chunk.chunkId));
      ours.forEach((hit, i) => {
        expect(hit.score).toBeCloseTo(reference[i]!.score, 4);
      });
    }
    // And the retriever, with dense search fused in, answers from the same passages.
    const question = "nhất thể hóa chức danh";
    const [viaQdrant, viaEmbedded] = await Promise.all(
      [qdrant, embedded].map((store) => createRetriever({ store, embedder }).search(question, { limit: 5 })),
    );
    expect(viaQdrant!.hits.map((h) => h.chunk.chunkId)).toEqual(
      viaEmbedded!.hits.map((h) => h.chunk.chunkId),
    );
    expect(viaQdrant!.method).toBe("hybrid");
  });

  it("resumes: a second run skips what is there, an interrupted run completes when started again", async () => {
    let failing = false;
    let seen = 0;
    server.failNext(
      1_000_000,
      { status: 500 },
      (r) => failing && r.method === "PUT" && r.path === "/collections/nhatthe/points",
    );
    // Fail the third document's chunk upsert.
    const interrupted = migrateToQdrant({
      from: embedded,
      to: qdrant,
      onProgress: () => {
        seen++;
        if (seen === 2) failing = true;
      },
    });
    await expect(interrupted).rejects.toThrow(/Qdrant request upsert nhatthe failed: HTTP 500/);
    expect(seen).toBe(2);
    failing = false;

    const resumed = await migrateToQdrant({ from: embedded, to: qdrant });
    expect(resumed.skipped).toBe(2);
    expect(resumed.written).toBe(resumed.documents - 2);
    expect(await snapshot(qdrant)).toEqual(await snapshot(embedded));

    const again = await migrateToQdrant({ from: embedded, to: qdrant });
    expect(again).toMatchObject({ written: 0, skipped: again.documents, vectors: 0 });
  });
});
