import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAskService } from "../../src/answer/ask-service.js";
import { syncCorpusDir } from "../../src/corpus/corpus-dir.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { createRetriever, type Retriever } from "../../src/retrieval/retriever.js";

const logger = pino({ level: "silent" });
const QUESTION = "Bí thư đồng thời là Chủ tịch UBND cấp huyện có những khó khăn gì?";
const DIFFICULTIES = "khó khăn, vướng mắc";

let dir: string;
let engine: Engine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "document-context-"));
  engine = await createEngine({ STORE_DIR: dir }, logger);
  await syncCorpusDir({ dir: "data/corpus", store: engine.store, indexer: engine.indexer, logger });
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The real retriever on the default corpus, less the seed's passage on the difficulties:
 * what a store of a few hundred more documents does to it (with the 295 reform pages it is
 * not among the first 20, behind passages that repeat "Chủ tịch UBND cấp huyện").
 */
function withoutDifficulties(retriever: Retriever): Retriever {
  return {
    async search(question, options) {
      const result = await retriever.search(question, options);
      return { ...result, hits: result.hits.filter((h) => !h.chunk.text.includes(DIFFICULTIES)) };
    },
  };
}

describe("the report's passage that names what is asked, retrieved sixth", () => {
  it("leads the answer, before another document's sentence on 'hạn chế' retrieved fourth", async () => {
    const result = await engine.ask.ask(QUESTION);
    expect(result.answer.startsWith("Tuy nhiên, bên cạnh những thuận lợi đó")).toBe(true);
    expect(result.citations[0]?.source).toBe("000_08832cb532241238.txt");
  });
});

describe("a report's passage that names what is asked, not retrieved", () => {
  it("is read from the report the other passages came from, and answers", async () => {
    const retriever = withoutDifficulties(createRetriever({ store: engine.store }));
    const withDocuments = await createAskService({ retriever, documents: engine.store }).ask(QUESTION);
    expect(withDocuments.retrieved.some((p) => p.text.includes(DIFFICULTIES))).toBe(false);
    expect(withDocuments.declined).toBe(false);
    expect(withDocuments.answer).toContain(DIFFICULTIES);
    expect(withDocuments.citations[0]?.source).toBe("000_08832cb532241238.txt");
    // Without the store's other passages the same retrieval gives no answer that says it.
    const alone = await createAskService({ retriever }).ask(QUESTION);
    expect(alone.answer).not.toContain(DIFFICULTIES);
  });
});

describe("a decree listing the head's and the deputy's appointment side by side", () => {
  it("answers who appoints the head with the head's clause, typed either way", async () => {
    for (const question of [
      "NĐ 150 quy định giám đốc sở do ai bổ nhiệm?",
      "giam doc so do ai bo nhiem theo nd 150",
    ]) {
      const result = await engine.ask.ask(question);
      expect(result.declined).toBe(false);
      expect(result.answer.startsWith("a) Người đứng đầu sở")).toBe(true);
      expect(result.citations[0]?.source).toBe("news_nd_150_2025_co_quan_chuyen_mon_ubnd.md");
    }
  });
});

describe("a document the question names that the corpus lacks", () => {
  it("is said not found, with its number, instead of a sentence of another document", async () => {
    const result = await engine.ask.ask("KL 230-KL/TW của Bộ Chính trị ban hành ngày nào?");
    expect(result.declined).toBe(true);
    expect(result.answer).toContain("230-KL/TW");
    expect(result.citations).toEqual([]);
    const held = await engine.ask.ask("KL 126-KL/TW do ai ký?");
    expect(held.declined).toBe(false);
  });
});
