import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCorpusLog } from "../../../src/audit/corpus-log.js";
import { syncCorpusDir } from "../../../src/corpus/corpus-dir.js";
import { sha256 } from "../../../src/hash.js";
import { docIdForSource, toIndexedChunks } from "../../../src/ingest/index-chunks.js";
import { createIndexer } from "../../../src/ingest/indexer.js";
import { INGEST_PIPELINE } from "../../../src/ingest/pipeline-version.js";
import { openEmbeddedStore } from "../../../src/store/embedded-store.js";
import { makeDoc } from "../../contract/store-fixtures.js";
import { useTempDirs } from "../../support/temp-dirs.js";

describe("syncCorpusDir", () => {
  const tempDir = useTempDirs();

  it("stores good files in batches, reports a bad one, skips unchanged files on the next run", async () => {
    const corpus = tempDir("corpus-");
    const storeDir = tempDir("store-");
    for (let i = 0; i < 12; i++) {
      writeFileSync(
        join(corpus, `van-ban-${i}.txt`),
        `Văn bản số ${i}\n\nHuyện ${i} thực hiện nhất thể hóa chức danh Bí thư đồng thời là Chủ tịch.`,
      );
    }
    writeFileSync(join(corpus, "hong.pdf"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3]));
    writeFileSync(join(corpus, "SOURCES.md"), "# not a document");
    const store = openEmbeddedStore(storeDir);
    const indexer = createIndexer({ store });
    const first = await syncCorpusDir({ dir: corpus, store, indexer });
    expect(first.added).toBe(12);
    expect(first.failed.map((f) => f.file.split(/[\\/]/).pop())).toEqual(["hong.pdf"]);
    expect((await store.stats()).documents).toBe(12);
    writeFileSync(join(corpus, "van-ban-3.txt"), "Văn bản số 3 đã sửa\n\nNội dung mới về kiêm nhiệm.");
    const second = await syncCorpusDir({ dir: corpus, store, indexer });
    expect(second).toMatchObject({ added: 0, replaced: 1, unchanged: 11 });
    await store.close();
  });

  it("stores every file of a folder larger than one batch, a batch written while the next is read", async () => {
    const corpus = tempDir("corpus-");
    const storeDir = tempDir("store-");
    // Six files of about 520 KB (400,000 characters) in 1 MB batches: three writes, each batch read while the one before is written.
    for (let i = 0; i < 6; i++) {
      const line = `Xã số ${i} sắp xếp bộ máy, đơn vị ${i} giảm đầu mối theo kế hoạch.\n`;
      writeFileSync(
        join(corpus, `xa-${i}.txt`),
        `Báo cáo xã ${i}\n\n${line.repeat(Math.ceil(400_000 / line.length))}`,
      );
    }
    const store = openEmbeddedStore(storeDir);
    const indexer = createIndexer({ store });
    const summary = await syncCorpusDir({ dir: corpus, store, indexer, batchBytes: 1024 * 1024 });
    expect(summary).toMatchObject({ added: 6, replaced: 0, unchanged: 0, failed: [] });
    for (let i = 0; i < 6; i++) expect(await store.getDocument(docIdForSource(`xa-${i}.txt`))).not.toBeNull();
    const again = await syncCorpusDir({ dir: corpus, store, indexer });
    expect(again).toMatchObject({ added: 0, unchanged: 6 });
    const segments = (s: typeof store) => s.db.prepare("SELECT count(*) FROM store_segments").pluck().get();
    expect(segments(store)).toBe(3);
    await store.close();
    // By default the 3.1 MB go in one write: one postings segment, none to merge later.
    const whole = openEmbeddedStore(tempDir("store-"));
    await syncCorpusDir({ dir: corpus, store: whole, indexer: createIndexer({ store: whole }) });
    expect((await whole.stats()).documents).toBe(6);
    expect(segments(whole)).toBe(1);
    await whole.close();
  });

  it("indexes again, without an audit entry, a file stored by an older ingest pipeline", async () => {
    const corpus = tempDir("corpus-");
    const storeDir = tempDir("store-");
    const bytes = Buffer.from("Báo cáo Đức Thọ\n\nHuyện giảm được 06 đầu mối khi thực hiện nhất thể hóa.");
    writeFileSync(join(corpus, "bao-cao.txt"), bytes);
    const store = openEmbeddedStore(storeDir);
    const corpusLog = createCorpusLog(store.db);
    const indexer = createIndexer({ store, corpusLog });
    // What an older version stored: same bytes, passages cut another way, no pipeline.
    const docId = docIdForSource("bao-cao.txt");
    await store.upsertDocument(
      makeDoc(docId, { source: "bao-cao.txt", title: "Báo cáo Đức Thọ", contentHash: sha256(bytes) }),
      toIndexedChunks(docId, "Báo cáo Đức Thọ", [{ text: "đoạn cũ", headingPath: [], position: 0 }]),
    );
    const first = await syncCorpusDir({ dir: corpus, store, indexer });
    expect(first).toMatchObject({ added: 0, replaced: 0, reindexed: 1, unchanged: 0 });
    expect(corpusLog.count()).toBe(0);
    const doc = await store.getDocument(docId);
    expect(doc?.pipeline).toBe(INGEST_PIPELINE);
    expect((await store.getChunks(docId)).map((c) => c.text).join(" ")).toContain("06 đầu mối");
    // Once indexed by this pipeline, the file is unchanged again.
    expect(await syncCorpusDir({ dir: corpus, store, indexer })).toMatchObject({
      unchanged: 1,
      reindexed: 0,
    });
    await store.close();
  });
});
