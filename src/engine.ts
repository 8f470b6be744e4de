import { join } from "node:path";
import type Database from "better-sqlite3";
import type { AskService } from "./answer/ask-service.js";
import { createAskService } from "./answer/ask-service.js";
import type { ChatModel } from "./answer/chat-model.js";
import { createOpenAiChatModel } from "./answer/openai-chat-model.js";
import { loadPrompts, type Prompts } from "./answer/prompts.js";
import { type CorpusLog, createCorpusLog } from "./audit/corpus-log.js";
import {
  createRelationCorrections,
  type RelationCorrections,
  withCorrections,
} from "./audit/relation-corrections.js";
import { systemClock } from "./clock.js";
import type { Config } from "./config.js";
import { createIndexer, embedDocumentChunks, type Indexer } from "./ingest/indexer.js";
import { createStoreWriter } from "./ingest/store-writer.js";
import type { Logger } from "./logger.js";
import { createOfficialAnswers, type OfficialAnswers } from "./official/official-answers.js";
import type { Embedder } from "./retrieval/embedder.js";
import { createOpenAiEmbedder } from "./retrieval/openai-embedder.js";
import { createRelationIndexSource, type RelationIndexSource } from "./retrieval/relation-index.js";
import { createRetriever, type Retriever } from "./retrieval/retriever.js";
import { createOpenAiTranscriber, type Transcriber } from "./speech/transcriber.js";
import { EMBEDDED_STORE_FILE, openEmbeddedStore } from "./store/embedded-store.js";
import { openQdrantStore } from "./store/qdrant/qdrant-store.js";
import { openDatabase } from "./store/sqlite.js";
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
  /** The unit's official answers (the ask service gives a matching one first). */
  official: OfficialAnswers;
  /** What the documents say about one another: which rule is in force. */
  relations: RelationIndexSource;
  /** The admins' corrections of those relations (`/hieuluc`), an audit record each. */
  relationCorrections: RelationCorrections;
  /** Present when an OpenAI-compatible endpoint is configured. */
  embedder?: Embedder;
  chatModel?: ChatModel;
  /** Speech to text for voice questions (same endpoint, `TRANSCRIBE_MODEL`). */
  transcriber?: Transcriber;
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
  Partial<Pick<Config, "STORE" | "QDRANT_URL" | "QDRANT_API_KEY" | "QDRANT_COLLECTION">> &
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
      | "TRANSCRIBE_MODEL"
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
  const { store, db, closeStore } = await openStore(config, logger);
  let embedder: Embedder | undefined;
  let chatModel: ChatModel | undefined;
  let prompts: Prompts | undefined;
  let transcriber: Transcriber | undefined;
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
    transcriber = createOpenAiTranscriber({
      ...endpoint,
      model: config.TRANSCRIBE_MODEL ?? "whisper-1",
      timeoutMs: 30_000,
      maxRetries: 1,
    });
  }
  const corpusLog = createCorpusLog(db);
  const retriever = createRetriever({ store, embedder, logger });
  const relationCorrections = createRelationCorrections(db);
  const relations = createRelationIndexSource(store, systemClock, (documents) =>
    withCorrections(documents, relationCorrections.all()),
  );
  // The embedded store is written from a worker thread with its own connection, so that
  // storing a large document does not hold the bot's event loop (issue 16).
  const writer =
    config.STORE !== "qdrant" ? createStoreWriter({ storeDir: config.STORE_DIR, logger }) : undefined;
  const indexer = createIndexer({
    store,
    ...(writer ? { writer } : {}),
    embedder,
    logger,
    corpusLog,
    onChange: () => relations.invalidate(),
  });
  const official = createOfficialAnswers(db);
  const ask = createAskService({
    retriever,
    inForce: { relations, passages: store },
    documents: store,
    official,
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
    db,
    indexer,
    corpusLog,
    retriever,
    ask,
    official,
    relations,
    relationCorrections,
    embedder,
    chatModel,
    ...(transcriber ? { transcriber } : {}),
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
    async close() {
      await writer?.close();
      await closeStore();
    },
  };
}

/**
 * The corpus store: embedded SQLite (default) or Qdrant. The bot's own state (chats,
 * permissions, question log, audit log) always stays in SQLite under STORE_DIR, so
 * switching STORE keeps it; with Qdrant the catalog (documents, versions, chunks' text,
 * embedding cache) stays on this disk too, in `qdrant-<collection>.db`, and Qdrant holds
 * the search index's points.
 */
async function openStore(
  config: EngineConfig,
  logger: Logger,
): Promise<{ store: DocumentStore; db: Database.Database; closeStore: () => Promise<void> }> {
  if (config.STORE !== "qdrant") {
    const store = openEmbeddedStore(config.STORE_DIR);
    return { store, db: store.db, closeStore: () => store.close() };
  }
  if (!config.QDRANT_URL) throw new Error("QDRANT_URL is required when STORE=qdrant");
  const db = openDatabase(join(config.STORE_DIR, EMBEDDED_STORE_FILE));
  let qdrant: ReturnType<typeof openQdrantStore>;
  try {
    qdrant = openQdrantStore(config.STORE_DIR, {
      url: config.QDRANT_URL,
      apiKey: config.QDRANT_API_KEY,
      collection: config.QDRANT_COLLECTION ?? "nhatthe",
      logger,
    });
  } catch (error) {
    db.close();
    throw error;
  }
  try {
    await qdrant.ensureReady();
  } catch (error) {
    await qdrant.close();
    db.close();
    throw error;
  }
  return {
    store: qdrant,
    db,
    closeStore: async () => {
      await qdrant.close();
      db.close();
    },
  };
}
