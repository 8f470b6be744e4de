import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCorpusLog } from "../../../src/audit/corpus-log.js";
import {
  COMPACT_OVER_SEGMENTS,
  createCorpusService,
  separateDocId,
} from "../../../src/corpus/corpus-service.js";
import { sha256 } from "../../../src/hash.js";
import { toIndexedChunks } from "../../../src/ingest/index-chunks.js";
import { createIndexer } from "../../../src/ingest/indexer.js";
import { INGEST_PIPELINE } from "../../../src/ingest/pipeline-version.js";
import { createLogger } from "../../../src/logger.js";
import { openEmbeddedStore } from "../../../src/store/embedded-store.js";
import { makeDoc } from "../../contract/store-fixtures.js";
import { useTempDirs } from "../../support/temp-dirs.js";

const text = (s: string) => Buffer.from(s, "utf8");

const RESOLUTION = text(
  "Nghị quyết về tinh gọn bộ máy\n\nThực hiện nhất thể hóa chức danh Bí thư đồng thời là Chủ tịch UBND cấp huyện.",
);
const REPORT = text("Báo cáo Đức Thọ\n\nHuyện giảm được 06 đầu mối khi thực hiện nhất thể hóa.");
const NOTICE = text("Thông báo kết luận\n\nBan Thường vụ kết luận về việc kiêm nhiệm chức danh.");

describe("the corpus service", () => {
  const tempDir = useTempDirs();

  function open(options: { corpusDir?: string; mergeFactor?: number } = {}) {
    const { mergeFactor, ...folder } = options;
    const storeDir = tempDir("store-");
    const store = openEmbeddedStore(storeDir, mergeFactor ? { tuning: { mergeFactor } } : {});
    const log = createCorpusLog(store.db);
    const corpus = createCorpusService({
      store,
      indexer: createIndexer({ store, corpusLog: log }),
      log,
      storeDir,
      ...folder,
      logger: createLogger({ level: "silent" }),
    });
    return { store, log, corpus };
  }

  it("merges the index after a bulk addition that left it in many segments, and not after a few", async () => {
    const files = tempDir("cli-");
    // Files written one at a time, with no merge between them: a segment each.
    const { store, corpus } = open({ mergeFactor: 1000 });
    const segments = () =>
      (store.db.prepare("SELECT count(*) AS n FROM store_segments").get() as { n: number }).n;
    const ingest = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const file = join(files, `van-ban-${i}.txt`);
        writeFileSync(
          file,
          `Văn bản số ${i}\n\nHuyện thứ ${i} giảm được ${i} đầu mối khi thực hiện nhất thể hóa.`,
        );
        await corpus.ingestFile(file, "cli");
      }
    };
    await ingest(0, 3);
    expect(await corpus.compactAfterBulk()).toBeNull();
    expect(segments()).toBe(3);
    await ingest(3, COMPACT_OVER_SEGMENTS + 2);
    const before = (await store.searchLexical({ terms: [{ term: "f:nhat", weight: 1 }], limit: 50 })).length;
    expect(await corpus.compactAfterBulk()).toMatchObject({
      segmentsBefore: COMPACT_OVER_SEGMENTS + 2,
      segmentsAfter: 1,
    });
    expect(segments()).toBe(1);
    expect((await store.searchLexical({ terms: [{ term: "f:nhat", weight: 1 }], limit: 50 })).length).toBe(
      before,
    );
  });

  it("merges the index at the end of a folder's sync that added documents", async () => {
    const folder = tempDir("corpus-");
    const { store, corpus } = open({ corpusDir: folder, mergeFactor: 1000 });
    // Documents already there, each written alone (the bot's uploads): many segments.
    const files = tempDir("cli-");
    for (let i = 0; i <= COMPACT_OVER_SEGMENTS; i++) {
      const file = join(files, `tai-lieu-${i}.txt`);
      writeFileSync(file, `Tài liệu ${i}\n\nNội dung thứ ${i} về kiêm nhiệm chức danh.`);
      await corpus.ingestFile(file, "cli");
    }
    const segments = () =>
      (store.db.prepare("SELECT count(*) AS n FROM store_segments").get() as { n: number }).n;
    expect(await corpus.syncFolder()).toMatchObject({ added: 0 });
    expect(segments()).toBe(COMPACT_OVER_SEGMENTS + 1);
    writeFileSync(join(folder, "bao-cao.txt"), REPORT);
    expect(await corpus.syncFolder()).toMatchObject({ added: 1, failed: [] });
    expect(segments()).toBe(1);
  });

  it("is fed by every source, each change recorded with where it came from", async () => {
    const folder = tempDir("corpus-");
    writeFileSync(join(folder, "bao-cao.txt"), REPORT);
    const { store, log, corpus } = open({ corpusDir: folder });

    expect(await corpus.syncFolder()).toMatchObject({ added: 1, failed: [] });
    const file = join(tempDir("cli-"), "thong-bao.txt");
    writeFileSync(file, NOTICE);
    expect((await corpus.ingestFile(file, "cli")).result.status).toBe("added");
    const check = await corpus.check(RESOLUTION, "nghi-quyet.txt", {});
    if (check.kind !== "new") throw new Error(`expected a new document, got ${check.kind}`);
    await corpus.commit({ parsed: check.parsed, bytes: RESOLUTION, actorId: 9001 });

    const events = log.recent(10).map((e) => ({ source: e.source, via: e.via, actorId: e.actorId }));
    expect(events).toEqual([
      { source: "nghi-quyet.txt", via: "telegram", actorId: 9001 },
      { source: "thong-bao.txt", via: "cli", actorId: null },
      { source: "bao-cao.txt", via: "sync", actorId: null },
    ]);
    expect((await store.stats()).documents).toBe(3);
    await store.close();
  });

  it("tells a duplicate, a document of the same number or name, and a new one apart", async () => {
    const { store, corpus } = open();
    const first = await corpus.check(RESOLUTION, "nq-18.txt", { numberHint: "18-NQ/TW" });
    if (first.kind !== "new") throw new Error(`expected a new document, got ${first.kind}`);
    const { result } = await corpus.commit({ parsed: first.parsed, bytes: RESOLUTION, actorId: 1 });

    // Same bytes under another name: already there, nothing parsed.
    const duplicate = await corpus.check(RESOLUTION, "ban-sao.txt", {});
    expect(duplicate).toMatchObject({ kind: "duplicate", doc: { docId: result.docId } });
    // Another text with the same number: the admin chooses.
    const byNumber = await corpus.check(REPORT, "bao-cao.txt", { numberHint: "18-NQ/TW" });
    expect(byNumber.kind === "conflict" && byNumber.reason).toBe("number");
    expect(byNumber.kind === "conflict" && byNumber.candidates.map((c) => c.docId)).toEqual([result.docId]);
    // Another text with the same file name and no number.
    const byName = await corpus.check(NOTICE, "nq-18.txt", {});
    expect(byName.kind === "conflict" && byName.reason).toBe("name");
    expect((await corpus.check(NOTICE, "thong-bao.txt", {})).kind).toBe("new");
    await store.close();
  });

  it("keeps the original before indexing and removes it with the last document of those bytes", async () => {
    const { store, log, corpus } = open();
    const check = await corpus.check(REPORT, "bao-cao.txt", {});
    if (check.kind !== "new") throw new Error(`expected a new document, got ${check.kind}`);
    const kept = await corpus.commit({ parsed: check.parsed, bytes: REPORT, actorId: 1 });
    // The same upload added again as a separate document: two documents, one original.
    const separate = await corpus.commit({
      parsed: check.parsed,
      bytes: REPORT,
      docId: separateDocId(check.parsed.source, check.parsed.contentHash),
      actorId: 1,
    });
    const hash = sha256(REPORT);
    const doc = await store.getDocument(kept.result.docId);
    if (!doc) throw new Error("document not stored");
    expect((await corpus.original(doc))?.bytes).toEqual(REPORT);

    expect(await corpus.remove(kept.result.docId, { actorId: 2, via: "telegram" })).toMatchObject({
      docId: kept.result.docId,
    });
    expect(await corpus.originals.has(hash)).toBe(true);
    expect(await corpus.remove(separate.result.docId, { via: "cli" })).not.toBeNull();
    expect(await corpus.originals.has(hash)).toBe(false);
    expect(await corpus.remove(separate.result.docId, { via: "cli" })).toBeNull();
    expect(log.recent(2).map((e) => [e.action, e.via, e.actorId])).toEqual([
      ["removed", "cli", null],
      ["removed", "telegram", 2],
    ]);
    await store.close();
  });

  it("finds a synced document's original in the corpus folder while its bytes still match", async () => {
    const folder = tempDir("corpus-");
    writeFileSync(join(folder, "bao-cao.txt"), REPORT);
    writeFileSync(join(folder, "thong-bao.txt"), NOTICE);
    const { store, corpus } = open({ corpusDir: folder });
    await corpus.syncFolder();
    const [report, notice] = await Promise.all(
      ["bao-cao.txt", "thong-bao.txt"].map(async (name) => {
        const found = (await store.listDocuments()).find((d) => d.source === name);
        if (!found) throw new Error(`${name} not synced`);
        return found;
      }),
    );
    expect(await corpus.originals.has(sha256(REPORT))).toBe(false);
    expect((await corpus.original(report!))?.bytes).toEqual(REPORT);
    // Kept from the first "Tải về" on.
    expect(await corpus.originals.has(sha256(REPORT))).toBe(true);
    // A file changed since the sync is not the document's original.
    writeFileSync(join(folder, "thong-bao.txt"), "Thông báo đã sửa");
    expect(await corpus.original(notice!)).toBeNull();
    await store.close();
  });

  it("indexes again, from the originals it keeps, what an older ingest pipeline stored", async () => {
    const { store, corpus } = open();
    // As an older version stored an upload: no pipeline mark, passages cut another way.
    await store.upsertDocument(
      makeDoc("cu", { title: "Báo cáo Đức Thọ", contentHash: sha256(REPORT) }),
      toIndexedChunks("cu", "Báo cáo Đức Thọ", [{ text: "đoạn cũ", headingPath: [], position: 0 }]),
    );
    expect(await corpus.reindexOutdated()).toEqual({ reindexed: 0, withoutOriginal: 1, failed: 0 });
    await corpus.originals.put(REPORT, { fileName: "bao-cao.txt" });
    expect(await corpus.reindexOutdated()).toEqual({ reindexed: 1, withoutOriginal: 0, failed: 0 });
    expect((await store.getDocument("cu"))?.pipeline).toBe(INGEST_PIPELINE);
    expect((await store.getChunks("cu")).map((c) => c.text).join(" ")).toContain("06 đầu mối");
    await store.close();
  });

  it("syncs nothing without a corpus folder", async () => {
    const { store, corpus } = open();
    expect(await corpus.syncFolder()).toEqual({
      added: 0,
      replaced: 0,
      unchanged: 0,
      reindexed: 0,
      failed: [],
    });
    await store.close();
  });
});
