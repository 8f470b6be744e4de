import { describe, expect, it } from "vitest";
import { createCorpusLog } from "../../../src/audit/corpus-log.js";
import { reindexOutdatedDocuments } from "../../../src/corpus/reindex-outdated.js";
import { sha256 } from "../../../src/hash.js";
import { toIndexedChunks } from "../../../src/ingest/index-chunks.js";
import { createIndexer } from "../../../src/ingest/indexer.js";
import { INGEST_PIPELINE } from "../../../src/ingest/pipeline-version.js";
import { openEmbeddedStore } from "../../../src/store/embedded-store.js";
import type { DocumentStore } from "../../../src/store/types.js";
import { makeDoc } from "../../contract/store-fixtures.js";
import { useTempDirs } from "../../support/temp-dirs.js";

async function storeOldVersion(
  store: DocumentStore,
  docId: string,
  bytes: Buffer,
  title: string,
): Promise<void> {
  await store.upsertDocument(
    makeDoc(docId, { title, number: "126-KL/TW", contentHash: sha256(bytes) }),
    toIndexedChunks(docId, title, [{ text: "đoạn cắt theo cách cũ", headingPath: [], position: 0 }]),
  );
}

describe("reindexOutdatedDocuments", () => {
  const tempDir = useTempDirs();

  it("indexes kept originals again with their stored title and number, leaves the others", async () => {
    const dir = tempDir("reindex-");
    const store = openEmbeddedStore(dir);
    const corpusLog = createCorpusLog(store.db);
    const indexer = createIndexer({ store, corpusLog });
    const kept = Buffer.from("Thông báo\n\nBộ Chính trị yêu cầu hoàn thành sắp xếp bộ máy trước ngày 30/6.");
    await storeOldVersion(store, "kept", kept, "Tiêu đề do quản trị viên đặt");
    await storeOldVersion(store, "lost", Buffer.from("tệp không còn"), "Tài liệu mất bản gốc");

    const originals = new Map([[sha256(kept), kept]]);
    const summary = await reindexOutdatedDocuments({
      store,
      indexer,
      original: async (doc) => originals.get(doc.contentHash) ?? null,
    });

    expect(summary).toEqual({ reindexed: 1, withoutOriginal: 1, failed: 0 });
    const doc = await store.getDocument("kept");
    expect(doc).toMatchObject({
      pipeline: INGEST_PIPELINE,
      title: "Tiêu đề do quản trị viên đặt",
      number: "126-KL/TW",
    });
    expect(doc?.version).toBe(2);
    expect((await store.getChunks("kept")).map((c) => c.text).join(" ")).toContain("trước ngày 30/6");
    expect((await store.getDocument("lost"))?.pipeline).toBeUndefined();
    expect(corpusLog.count()).toBe(0);
    // Up to date now: a second run has nothing to do for it.
    expect(await reindexOutdatedDocuments({ store, indexer, original: async () => null })).toEqual({
      reindexed: 0,
      withoutOriginal: 1,
      failed: 0,
    });
    await store.close();
  });
});
