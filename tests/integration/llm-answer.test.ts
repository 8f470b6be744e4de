import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncCorpusDir } from "../../src/corpus/corpus-dir.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { type OpenAiWireServer, startOpenAiWireServer } from "../support/openai-wire-server.js";

const run = promisify(execFile);
const API_KEY = "sk-test-llm-answer-000";
const QUESTION = "Huyện Đức Thọ giảm được bao nhiêu đầu mối?";
const logger = pino({ level: "silent" });

let server: OpenAiWireServer;
let dir: string;
let engine: Engine;

async function makeEngine(overrides: { timeoutMs?: number; maxRetries?: number } = {}): Promise<Engine> {
  return createEngine(
    {
      STORE_DIR: dir,
      OPENAI_API_KEY: API_KEY,
      OPENAI_BASE_URL: server.baseURL,
      LLM_MODEL: "test-chat",
      EMBEDDING_MODEL: "test-embed",
      LLM_TIMEOUT_MS: overrides.timeoutMs ?? 5_000,
      LLM_MAX_RETRIES: overrides.maxRetries ?? 2,
      LLM_PRICE_INPUT_PER_MILLION: 1,
      LLM_PRICE_OUTPUT_PER_MILLION: 2,
    },
    logger,
  );
}

beforeAll(async () => {
  server = await startOpenAiWireServer();
  dir = mkdtempSync(join(tmpdir(), "llm-answer-"));
  engine = await makeEngine();
  await syncCorpusDir({ dir: "data/corpus", store: engine.store, indexer: engine.indexer, logger });
});
afterAll(async () => {
  await engine.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => server.reset());

/** The [n] of the retrieved passage that holds the seed's "06 đầu mối" sentence, as the prompt numbers it. */
function seedPassageNumber(): number {
  const prompt = server
    .chatRequests()
    .at(-1)!
    .body.messages.map((m) => m.content)
    .join("\n");
  const match = /<<<PASSAGE (\d+) [0-9a-f]+>>>(?:(?!<<<END)[\s\S])*?giảm được 06 đầu mối/.exec(prompt);
  expect(match).not.toBeNull();
  return Number(match![1]);
}

describe("LLM answers through an OpenAI-wire server", () => {
  it("a cited answer: mode llm, citations renumbered and naming retrieved passages, usage and cost", async () => {
    server.queueChat({ reply: "placeholder" });
    await engine.ask.ask(QUESTION); // learn how the prompt numbers the passages
    const n = seedPassageNumber();
    server.reset();
    server.queueChat({
      reply: `Sau khi nhất thể hóa, huyện Đức Thọ giảm được 06 đầu mối và 06 cấp trưởng [${n}].`,
      usage: { prompt_tokens: 1000, completion_tokens: 100 },
    });
    const result = await engine.ask.ask(QUESTION);
    expect(result.mode).toBe("llm");
    expect(result.declined).toBe(false);
    expect(result.answer).toContain("06 đầu mối");
    expect(result.answer).toMatch(/\[1\]\.$/);
    expect(result.citations).toHaveLength(1);
    expect(result.citations[0]!.source).toBe("000_08832cb532241238.txt");
    expect(result.retrieved.map((r) => r.chunkId)).toContain(result.citations[0]!.chunkId);
    expect(result.usage).toEqual({ promptTokens: 1000, completionTokens: 100, costUsd: 0.0012 });
  });

  it("a reply citing [9] of 5 passages: the bad number is dropped, the valid one kept", async () => {
    server.queueChat({ reply: "placeholder" });
    await engine.ask.ask(QUESTION);
    const n = seedPassageNumber();
    server.reset();
    server.queueChat({ reply: `Huyện Đức Thọ giảm được 06 đầu mối, 06 cấp trưởng [${n}][9].` });
    const result = await engine.ask.ask(QUESTION);
    expect(result.mode).toBe("llm");
    expect(result.answer).not.toContain("[9]");
    expect(result.citations.map((c) => c.n)).toEqual([1]);
  });

  it("a reply without citations falls back to the extractive answer with a note", async () => {
    server.queueChat({ reply: "Huyện Đức Thọ giảm được rất nhiều đầu mối nhờ cải cách." });
    const result = await engine.ask.ask(QUESTION);
    expect(result.mode).toBe("extractive");
    expect(result.note).toBeTruthy();
    expect(result.answer).toContain("06 đầu mối");
    expect(result.citations.length).toBeGreaterThan(0);
  });

  it("a refusal although retrieval was confident falls back to the extractive answer", async () => {
    server.queueChat({ reply: "Không tìm thấy trong tài liệu thông tin để trả lời câu hỏi này." });
    const result = await engine.ask.ask(QUESTION);
    expect(result.mode).toBe("extractive");
    expect(result.declined).toBe(false);
    expect(result.answer).toContain("06");
  });

  it("an off-topic question is declined without calling the model", async () => {
    const result = await engine.ask.ask("Giá vàng SJC hôm nay là bao nhiêu?");
    expect(result.declined).toBe(true);
    expect(server.chatRequests()).toHaveLength(0);
  });

  it("a hanging endpoint times out and the extractive answer is used", async () => {
    const slow = await makeEngine({ timeoutMs: 300, maxRetries: 0 });
    try {
      server.queueChat({ hang: true });
      const started = Date.now();
      const result = await slow.ask.ask(QUESTION);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(result.mode).toBe("extractive");
      expect(result.answer).toContain("06");
    } finally {
      await slow.close();
    }
  });

  it("429 then success: the SDK retries and the answer is the model's", async () => {
    server.queueChat({ reply: "placeholder" });
    await engine.ask.ask(QUESTION);
    const n = seedPassageNumber();
    server.reset();
    server.queueChat({ status: 429, retryAfter: 0 }, { reply: `Đức Thọ giảm được 06 đầu mối [${n}].` });
    const result = await engine.ask.ask(QUESTION);
    expect(result.mode).toBe("llm");
    expect(server.chatRequests()).toHaveLength(2);
  });

  it("a follow-up is rewritten into a standalone question before retrieval", async () => {
    server.queueChat(
      { reply: "Huyện Đức Thọ giảm được bao nhiêu cấp trưởng?" },
      { reply: "không có trích dẫn" },
    );
    const result = await engine.ask.ask("còn cấp trưởng thì sao?", {
      previous: { question: QUESTION, answer: "Giảm được 06 đầu mối [1]." },
    });
    const [rewrite, answer] = server.chatRequests();
    expect(JSON.stringify(rewrite!.body.messages)).toContain("còn cấp trưởng thì sao?");
    expect(JSON.stringify(answer!.body.messages)).toContain(
      "Câu hỏi: Huyện Đức Thọ giảm được bao nhiêu cấp trưởng?",
    );
    // Retrieval ran on the rewrite, not on the bare follow-up.
    const standalone = await engine.retriever.search("Huyện Đức Thọ giảm được bao nhiêu cấp trưởng?");
    const bare = await engine.retriever.search("còn cấp trưởng thì sao?");
    const ids = result.retrieved.map((r) => r.chunkId);
    expect(ids).toEqual(standalone.hits.map((h) => h.chunk.chunkId));
    expect(ids).not.toEqual(bare.hits.map((h) => h.chunk.chunkId));
    expect(result.declined).toBe(false);
  });

  it("`ask --json` reports mode llm on the LLM path and extractive on fallback", async () => {
    const env = {
      ...process.env,
      STORE_DIR: dir,
      OPENAI_API_KEY: API_KEY,
      OPENAI_BASE_URL: server.baseURL,
      // The in-process engine's embedding model: the same hybrid ranking numbers the passages alike.
      EMBEDDING_MODEL: "test-embed",
      LLM_MAX_RETRIES: "0",
      LOG_LEVEL: "silent",
    };
    server.queueChat({ status: 500 });
    const { stdout } = await run("npx", ["tsx", "src/cli.ts", "ask", QUESTION, "--json", "--no-sync"], {
      env,
    });
    const fallback = JSON.parse(stdout);
    expect(fallback.mode).toBe("extractive");
    const retrievedIds = new Set(fallback.retrieved.map((r: { chunkId: string }) => r.chunkId));
    for (const c of fallback.citations) expect(retrievedIds.has(c.chunkId)).toBe(true);

    server.reset();
    server.queueChat({ reply: "placeholder" });
    await engine.ask.ask(QUESTION);
    const n = seedPassageNumber();
    server.reset();
    server.queueChat({ reply: `Huyện Đức Thọ giảm được 06 đầu mối [${n}].` });
    const { stdout: out2 } = await run("npx", ["tsx", "src/cli.ts", "ask", QUESTION, "--json", "--no-sync"], {
      env,
    });
    const llm = JSON.parse(out2);
    expect(llm.mode).toBe("llm");
    expect(llm.citations[0].source).toBe("000_08832cb532241238.txt");
  });
});

describe("dense embeddings through an OpenAI-wire server", () => {
  const embeddedInputs = () =>
    server.embeddingRequests().flatMap((r) => (Array.isArray(r.body.input) ? r.body.input : [r.body.input]));

  it("stores vectors with their model; a re-ingest embeds only the chunks whose text changed", async () => {
    const models = await engine.store.vectorModels();
    expect(models).toEqual([expect.objectContaining({ model: "test-embed", dimension: 64 })]);
    const text = (extra: string) =>
      `# Quy định thử nghiệm\n\n## Mục 1\n\nĐoạn thứ nhất nói về việc kiêm nhiệm chức danh tại xã Hòa Bình.\n\n## Mục 2\n\n${extra}`;
    await engine.indexer.ingestBytes(Buffer.from(text("Đoạn thứ hai: giảm 3 đầu mối.")), "thu-nghiem.md");
    server.reset();
    await engine.indexer.ingestBytes(Buffer.from(text("Đoạn thứ hai: giảm 3 đầu mối.")), "thu-nghiem.md");
    expect(embeddedInputs()).toHaveLength(0); // unchanged file: nothing at all
    await engine.indexer.ingestBytes(
      Buffer.from(text("Đoạn thứ hai đã sửa: giảm 4 đầu mối.")),
      "thu-nghiem.md",
    );
    const inputs = embeddedInputs();
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toContain("giảm 4 đầu mối");
    expect(server.embeddingRequests().every((r) => r.body.encoding_format === "float")).toBe(true);
  });

  it("a model change is detected at start with a clear message, and reindex fixes it", async () => {
    const other = await createEngine(
      {
        STORE_DIR: dir,
        OPENAI_API_KEY: API_KEY,
        OPENAI_BASE_URL: server.baseURL,
        EMBEDDING_MODEL: "other-embed",
      },
      logger,
    );
    try {
      const message = await other.checkEmbeddings();
      expect(message).toMatch(/test-embed/);
      expect(message).toMatch(/reindex/);
      const stats = await other.store.stats();
      const count = await other.reindex();
      expect(count).toBe(stats.chunks);
      const models = (await other.store.vectorModels()).map((m) => m.model);
      expect(models).toContain("other-embed");
      expect(await other.checkEmbeddings()).toBeNull();
    } finally {
      await other.close();
    }
  });
});

describe("eval with embeddings configured", () => {
  it("reports lexical and hybrid side by side", async () => {
    const env = {
      ...process.env,
      STORE_DIR: dir,
      OPENAI_API_KEY: API_KEY,
      OPENAI_BASE_URL: server.baseURL,
      EMBEDDING_MODEL: "test-embed",
      LLM_MAX_RETRIES: "0",
      LOG_LEVEL: "silent",
    };
    const { stdout } = await run(
      "npx",
      ["tsx", "src/cli.ts", "eval", "bench/data/questions.jsonl", "--json", "--no-sync"],
      {
        env,
        maxBuffer: 32 * 1024 * 1024,
      },
    );
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.at(-1).summary).toBeDefined(); // the summary line stays last
    const comparison = lines.find((l) => l.comparison)?.comparison;
    expect(comparison).toBeDefined();
    for (const side of [comparison.lexical, comparison.hybrid]) {
      expect(side.n).toBe(15);
      expect(side["recall@5"]).toBeGreaterThan(0);
    }
    expect(comparison.lexical["recall@5"]).toBe(1);
  });
});
