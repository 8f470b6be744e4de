import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CorpusLog, createCorpusLog } from "../../../src/audit/corpus-log.js";
import { createBotState } from "../../../src/bot/state/bot-state.js";
import { createDigestRepository, type DigestRepository } from "../../../src/digest/digest-store.js";
import {
  createDigestBuilder,
  createSqliteQuestionSource,
  DID_YOU_KNOW_MEMORY_MS,
  notesOnAskedDocuments,
  type QuestionSource,
} from "../../../src/digest/gather.js";
import { localDateOf } from "../../../src/digest/local-time.js";
import { createIndexer, type Indexer } from "../../../src/ingest/indexer.js";
import { type EmbeddedStore, openEmbeddedStore } from "../../../src/store/embedded-store.js";
import { openDatabase } from "../../../src/store/sqlite.js";
import type { DocumentRecord } from "../../../src/store/types.js";
import { visibleText } from "../../../src/telegram/format/index.js";
import { createMutableClock, type MutableClock, silentLogger } from "./delivery-harness.js";

const FIXTURES = "tests/fixtures/corpus";
const FILES = ["000_08832cb532241238.txt", "news_ket_luan_126_kl_tw.md", "news_nq_190_2025_qh15.md"];
const HCM = "Asia/Ho_Chi_Minh";
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 2, 7, 0, 30); // 07:30 in HCM

describe("gathering a digest from the store and the logs", () => {
  let dir: string;
  let store: EmbeddedStore;
  let clock: MutableClock;
  let corpusLog: CorpusLog;
  let indexer: Indexer;
  let repo: DigestRepository;
  let questions: QuestionSource;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "digest-gather-"));
    store = openEmbeddedStore(dir);
    clock = createMutableClock(T0 - DAY / 2);
    corpusLog = createCorpusLog(store.db, clock);
    indexer = createIndexer({ store, corpusLog, logger: silentLogger });
    for (const f of FILES) await indexer.ingestFile(join(FIXTURES, f), { via: "sync" });
    repo = createDigestRepository(store.db);
    questions = createSqliteQuestionSource(store.db);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const builder = (extra: Partial<Parameters<typeof createDigestBuilder>[0]> = {}) =>
    createDigestBuilder({
      store,
      corpusLog,
      questions,
      shown: repo,
      zone: HCM,
      logger: silentLogger,
      ...extra,
    });

  const request = (to: number, from = to - DAY) => ({
    chatId: -100,
    localDate: localDateOf(to, HCM),
    from,
    to,
    quietPolicy: "short" as const,
  });

  it("lists the documents added in the window with cited extractive summaries from the store", async () => {
    const digest = await builder().build(request(T0));
    expect(digest.changes.map((c) => c.kind)).toEqual(["added", "added", "added"]);
    const text = digest.parts.map((p) => visibleText(p)).join("\n");
    expect(text).toContain("Mới · Những thuận lợi, khó khăn khi thực hiện mô hình nhất thể hóa");
    expect(text).toContain("(126-KL/TW, 14/02/2025)");
    expect(text).toContain("(190/2025/QH15)");
    // Every citation points at a passage that exists, of the right document.
    expect(digest.citations.length).toBeGreaterThanOrEqual(3);
    for (const c of digest.citations) {
      const chunk = await store.getChunk(c.chunkId);
      expect(chunk?.doc.docId).toBe(c.docId);
    }
    // The summary is quoted from the document, not made up.
    const seed = await store.getChunks(digest.changes[0]!.docId);
    const summary = digest.citations[0]!.text;
    expect(seed.map((c) => c.text.replace(/\s+/g, " ")).join(" ")).toContain(
      summary.replace(/…$/, "").slice(0, 60),
    );
  });

  it("reports replaced and removed documents, and nothing outside the window", async () => {
    const [first, second] = await store.listDocuments();
    clock.set(T0 + DAY / 2);
    const original = await readFile(join(FIXTURES, "news_nq_190_2025_qh15.md"), "utf8");
    await indexer.ingestBytes(
      Buffer.from(`${original}\n\nĐoạn bổ sung mới về hiệu lực thi hành.`),
      "news_nq_190_2025_qh15.md",
    );
    const removed = first!.source === "news_nq_190_2025_qh15.md" ? second! : first!;
    await indexer.removeDocument(removed.docId, { via: "cli" });
    const digest = await builder().build(request(T0 + DAY, T0));
    expect(digest.changes.map((c) => [c.kind, c.source])).toEqual([
      ["replaced", "news_nq_190_2025_qh15.md"],
      ["removed", removed.source],
    ]);
    const text = digest.parts.map((p) => visibleText(p)).join("\n");
    expect(text).toContain("Cập nhật (bản 2) · Chủ tịch Quốc hội Trần Thanh Mẫn");
    expect(text).toContain(`Đã gỡ · ${removed.title.slice(0, 30)}`);
  });

  it("counts the questions of the last day from the bot's question log, never who asked", async () => {
    // Before the bot has created its tables there is simply nothing asked.
    expect(createSqliteQuestionSource(openDatabase(":memory:")).questionsBetween(0, T0)).toEqual([]);
    const state = createBotState(store.db, clock);
    const ask = (question: string, at: number, userId: number) => {
      clock.set(at);
      state.logQuestion({
        chatId: userId,
        userId,
        updateId: undefined,
        question,
        answer: "…",
        mode: "extractive",
        declined: false,
        latencyMs: 5,
        citations: [],
      });
    };
    ask("Huyện Đức Thọ giảm được bao nhiêu đầu mối?", T0 - 2 * 3_600_000, 5001);
    ask("huyen duc tho giam bao nhieu dau moi", T0 - 3_600_000, 5002);
    ask("Kết luận 126 yêu cầu gì?", T0 - DAY - 1, 5003); // before the window
    const digest = await builder().build(request(T0));
    expect(digest.topics).toEqual([
      { text: "Huyện Đức Thọ giảm được bao nhiêu đầu mối?", count: 2, lastAskedAt: T0 - 3_600_000 },
    ]);
    const html = digest.parts.join("\n");
    expect(html).not.toMatch(/500[123]/);
  });

  it("never shows a chat the same 'Bạn có biết?' passage within 30 days", async () => {
    const b = builder();
    const shown: Array<{ day: number; chunkId: string }> = [];
    for (let day = 1; day <= 45; day++) {
      const to = T0 + day * DAY;
      clock.set(to);
      const digest = await b.build(request(to, to - DAY));
      if (!digest.didYouKnowChunkId) continue;
      shown.push({ day, chunkId: digest.didYouKnowChunkId });
      repo.recordManual(-100, to, digest.didYouKnowChunkId, to);
    }
    expect(shown.length).toBeGreaterThan(20);
    for (const a of shown)
      for (const b2 of shown)
        if (a.day < b2.day && a.chunkId === b2.chunkId) expect(b2.day - a.day).toBeGreaterThanOrEqual(30);
    expect(DID_YOU_KNOW_MEMORY_MS).toBe(30 * DAY);
    // Another chat is not affected by what this one saw.
    const other = await b.build({ ...request(T0 + DAY), chatId: -200 });
    expect(other.didYouKnowChunkId).not.toBeNull();
  });

  it("uses an injected summarizer, and the extractive summary when it fails", async () => {
    const calls: string[] = [];
    const digest = await builder({
      summarize: async (doc, chunks) => {
        calls.push(`${doc.docId}:${chunks.length}`);
        if (doc.number === "126-KL/TW") throw new Error("model down");
        return `Tóm tắt của mô hình cho <${doc.title.slice(0, 10)}>.`;
      },
    }).build(request(T0));
    expect(calls).toHaveLength(3);
    const html = digest.parts.join("\n");
    expect(html).toContain("Tóm tắt của mô hình cho &lt;");
    const kl126 = digest.citations.find((c) => c.number === "126-KL/TW")!;
    expect(kl126.text).not.toContain("Tóm tắt của mô hình");
  });
});

describe("notesOnAskedDocuments", () => {
  it("notes a new document's act on a document cadres named in their questions, however written", async () => {
    const relation = {
      kind: "amends" as const,
      source: "67/2025/NĐ-CP",
      target: "Nghị định số 178/2024/NĐ-CP",
      date: null,
      reported: false,
      evidence: "…",
    };
    const store = {
      getDocument: async (docId: string) =>
        docId === "nd67" ? ({ docId, relations: [relation] } as unknown as DocumentRecord) : null,
    };
    const asked = [
      { question: "NĐ 178 áp dụng cho ai?", createdAt: 1 },
      { question: "nghi dinh 178/2024 huong dan nghi huu truoc tuoi", createdAt: 2 },
      { question: "Nghị định 150 quy định gì?", createdAt: 3 },
    ];
    const notes = await notesOnAskedDocuments(store, ["nd67", "other"], asked);
    expect(notes.get("nd67")).toEqual([
      "Văn bản này sửa đổi, bổ sung Nghị định số 178/2024/NĐ-CP, văn bản được hỏi 2 lần trong 30 ngày qua.",
    ]);
    expect(await notesOnAskedDocuments(store, ["nd67"], asked.slice(2))).toEqual(new Map());
  });
});
