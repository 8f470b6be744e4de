import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type EmbeddedStore, openEmbeddedStore } from "../../../src/store/embedded-store.js";
import { makeChunk, makeDoc } from "../../contract/store-fixtures.js";

describe("embedded store: upsertDocuments (batch)", () => {
  let dir: string;
  let store: EmbeddedStore;
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const open = () => {
    dir = mkdtempSync(join(tmpdir(), "batch-"));
    store = openEmbeddedStore(dir);
  };

  it("stores several documents in one write, all searchable, with the same results as one by one", async () => {
    open();
    const results = await store.upsertDocuments([
      { doc: makeDoc("a"), chunks: [makeChunk("a", 0, { "f:nhat": 2 }), makeChunk("a", 1, { "f:the": 1 })] },
      { doc: makeDoc("b"), chunks: [makeChunk("b", 0, { "f:nhat": 1, "f:hoa": 3 })] },
      { doc: makeDoc("c"), chunks: [makeChunk("c", 0, { "f:hoa": 1 })] },
    ]);
    expect(results.map((r) => r.status)).toEqual(["added", "added", "added"]);
    expect(await store.stats()).toEqual({ documents: 3, chunks: 4 });
    const hits = await store.searchLexical({ terms: [{ term: "f:hoa", weight: 1 }], limit: 10 });
    expect(hits.map((h) => h.doc.docId)).toEqual(["b", "c"]);
    // Unchanged and replaced documents in a second batch.
    const again = await store.upsertDocuments([
      { doc: makeDoc("a"), chunks: [makeChunk("a", 0, { "f:nhat": 2 }), makeChunk("a", 1, { "f:the": 1 })] },
      {
        doc: makeDoc("b", { contentHash: "b2" }),
        chunks: [makeChunk("b", 0, { "f:moi": 1 }, { id: "b-v2" })],
      },
    ]);
    expect(again.map((r) => r.status)).toEqual(["unchanged", "replaced"]);
    expect(
      (await store.searchLexical({ terms: [{ term: "f:hoa", weight: 1 }], limit: 10 })).map(
        (h) => h.doc.docId,
      ),
    ).toEqual(["c"]);
    expect(await store.listVersions("b")).toHaveLength(1);
  });

  it("is all or none: one invalid document leaves the store as it was", async () => {
    open();
    await store.upsertDocument(makeDoc("keep"), [makeChunk("keep", 0, { "f:nhat": 1 })]);
    const bad = { ...makeChunk("y", 0, { "f:x": 1 }), chunkId: "not-a-valid-id" };
    await expect(
      store.upsertDocuments([
        { doc: makeDoc("x"), chunks: [makeChunk("x", 0, { "f:x": 1 })] },
        { doc: makeDoc("y"), chunks: [bad] },
      ]),
    ).rejects.toThrow();
    expect(await store.stats()).toEqual({ documents: 1, chunks: 1 });
    expect(await store.getDocument("x")).toBeNull();
  });

  it("writes a segment of many terms (rows several to a statement) with every term's postings, merged or not", async () => {
    dir = mkdtempSync(join(tmpdir(), "batch-"));
    store = openEmbeddedStore(dir, { tuning: { mergeFactor: 2 } });
    // 3 × 75 terms: more rows than one statement takes, and a remainder.
    const termsOf = (doc: number) =>
      Object.fromEntries(Array.from({ length: 75 }, (_, i) => [`f:t${i}`, doc + 1]));
    for (const doc of [0, 1, 2]) {
      await store.upsertDocuments([
        { doc: makeDoc(`d${doc}`), chunks: [makeChunk(`d${doc}`, 0, termsOf(doc))] },
      ]);
    }
    for (let i = 0; i < 75; i++) {
      const hits = await store.searchLexical({ terms: [{ term: `f:t${i}`, weight: 1 }], limit: 10 });
      expect(hits.map((h) => h.doc.docId).sort()).toEqual(["d0", "d1", "d2"]);
    }
    const counts = await store.termStats(["f:t0", "f:t74", "f:t75"]);
    expect(counts.df).toEqual(
      new Map([
        ["f:t0", 3],
        ["f:t74", 3],
        ["f:t75", 0],
      ]),
    );
  });
});
