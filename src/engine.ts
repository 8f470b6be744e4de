import type Database from "better-sqlite3";
import type { AskService } from "./answer/ask-service.js";
import { createAskService } from "./answer/ask-service.js";
import type { ChatModel } from "./answer/chat-model.js";
import { createOpenAiChatModel } from "./answer/openai-chat-model.js";
import { loadPrompts, type Prompts } from "./answer/prompts.js";
import { type CorpusLog, createCorpusLog } from "./audit/corpus-log.js";
import type { Config } from "./config.js";
import { createIndexer, embedDocumentChunks, type Indexer } from "./ingest/indexer.js";
import type { Logger } from "./logger.js";
import type { Embedder } from "./retrieval/embedder.js";
import { createOpenAiEmbedder } from "./retrieval/openai-embedder.js";
import { createRetriever, type Retriever } from "./retrieval/retriever.js";
import { openEmbeddedStore } from "./store/embedded-store.js";
import type { DocumentStore } from "./store/types.js";

/** The question-answering core, shared by the CLI and the bot. */
export interface Engine {
  store: DocumentStore;
  /** The SQLite database of the embedded store; the bot keeps its own state there too. */
  db: Database.Database;
  indexer: Indexer;
  /** Who changed which document when (audit log; the digest's source of changes). */
  corpusLog: CorpusLog;
  retriever: Retriever;
  ask: AskService;
  /** Present when an OpenAI-compatible endpoint is configured. */
  embedder?: Embedder;
  chatModel?: ChatModel;
  prompts?: Prompts;
  /**
   * A Vietnamese/English message when the stored vectors were made by another embedding
   * model or dimension than the configured one (run `reindex`), else null.
   */
  checkEmbeddings(): Promise<string | null>;
  /** Embeds every chunk that has no vector for the configured model yet. */
  reindex(onProgress?: (done: number) => void): Promise<number>;
  close(): Promise<void>;
}

/** STORE_DIR is required; without the endpoint settings the engine is lexical and extractive. */
export type EngineConfig = Pick<Config, "STORE_DIR"> &
  Partial<
    Pick<
      Config,
      | "OPENAI_API_KEY"
      | "OPENAI_BASE_URL"
      | "LLM_MODEL"
      | "EMBEDDING_MODEL"
      | "LLM_TIMEOUT_MS"
      | "LLM_MAX_RETRIES"
      | "LLM_PRICE_INPUT_PER_MILLION"
      | "LLM_PRICE_OUTPUT_PER_MILLION"
    >
  >;

/** Query embeddings sit on the answer's critical path: they get a shorter timeout. */
const QUERY_EMBEDDING_TIMEOUT_MS = 8_000;

/**
 * Builds the engine from configuration values; starts nothing. Without an API key the
 * engine is lexical and extractive; with one, answers are LLM syntheses (checked, with
 * extractive fallback) and retrieval fuses dense vectors when they are stored.
 */
export async function createEngine(config: EngineConfig, logger: Logger): Promise<Engine> {
  const store = openEmbeddedStore(config.STORE_DIR);
  let embedder: Embedder | undefined;
  let chatModel: ChatModel | undefined;
  let prompts: Prompts | undefined;
  if (config.OPENAI_API_KEY) {
    const endpoint = { apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, logger };
    prompts = await loadPrompts();
    chatModel = createOpenAiChatModel({
      ...endpoint,
      model: config.LLM_MODEL ?? "gpt-4o-mini",
      timeoutMs: config.LLM_TIMEOUT_MS,
      maxRetries: config.LLM_MAX_RETRIES,
    });
    embedder = createOpenAiEmbedder({
      ...endpoint,
      model: config.EMBEDDING_MODEL ?? "text-embedding-3-small",
      timeoutMs: Math.min(config.LLM_TIMEOUT_MS ?? QUERY_EMBEDDING_TIMEOUT_MS, QUERY_EMBEDDING_TIMEOUT_MS),
      maxRetries: config.LLM_MAX_RETRIES,
    });
  }
  const corpusLog = createCorpusLog(store.db);
  const retriever = createRetriever({ store, embedder, logger });
  const indexer = createIndexer({ store, embedder, logger, corpusLog });
  const ask = createAskService({
    retriever,
    logger,
    chatModel,
    prompts,
    pricing: {
      inputPerMillion: config.LLM_PRICE_INPUT_PER_MILLION ?? 0,
      outputPerMillion: config.LLM_PRICE_OUTPUT_PER_MILLION ?? 0,
    },
  });
  return {
    store,
    db: store.db,
    indexer,
    corpusLog,
    retriever,
    ask,
    embedder,
    chatModel,
    prompts,
    async checkEmbeddings() {
      if (!embedder) return null;
      const models = await store.vectorModels();
      const others = models.filter((m) => m.model !== embedder?.model);
      const current = models.find((m) => m.model === embedder?.model);
      const { chunks } = await store.stats();
      // Another model's vectors only matter while the configured model lacks some.
      if (others.length === 0 || (current !== undefined && current.count >= chunks)) return null;
      return (
        `Vector trong kho được tạo bởi mô hình khác (${others.map((m) => `${m.model}, ${m.dimension} chiều`).join("; ")}) ` +
        `so với EMBEDDING_MODEL=${embedder.model}. Chạy "npm run cli -- reindex" để tạo lại vector. ` +
        "(Stored vectors come from another embedding model; run reindex.)"
      );
    },
    async reindex(onProgress) {
      if (!embedder) return 0;
      let done = 0;
      for (;;) {
        const batch = await store.chunksWithoutVectors(embedder.model, 256);
        if (batch.length === 0) break;
        const before = done;
        await embedDocumentChunks(store, embedder, batch, logger);
        const remaining = await store.chunksWithoutVectors(embedder.model, 1);
        done += batch.length;
        onProgress?.(done);
        // Stop when the endpoint failed (nothing got embedded) rather than loop forever.
        if (remaining.length > 0 && remaining[0]!.chunkId === batch[0]!.chunkId && done > before) break;
      }
      return done;
    },
    close: () => store.close(),
  };
}
