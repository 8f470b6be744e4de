import type Database from "better-sqlite3";
import type { AskService } from "./answer/ask-service.js";
import { createAskService } from "./answer/ask-service.js";
import { type CorpusLog, createCorpusLog } from "./audit/corpus-log.js";
import type { Config } from "./config.js";
import { createIndexer, type Indexer } from "./ingest/indexer.js";
import type { Logger } from "./logger.js";
import type { Embedder } from "./retrieval/embedder.js";
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
  embedder?: Embedder;
  close(): Promise<void>;
}

/** Builds the engine from configuration values; starts nothing. */
export async function createEngine(
  config: Pick<Config, "STORE_DIR">,
  logger: Logger,
  extras: { embedder?: Embedder } = {},
): Promise<Engine> {
  const store = openEmbeddedStore(config.STORE_DIR);
  const retriever = createRetriever({ store, embedder: extras.embedder, logger });
  const corpusLog = createCorpusLog(store.db);
  const indexer = createIndexer({ store, embedder: extras.embedder, logger, corpusLog });
  const ask = createAskService({ retriever, logger });
  return {
    store,
    db: store.db,
    indexer,
    corpusLog,
    retriever,
    ask,
    embedder: extras.embedder,
    close: () => store.close(),
  };
}
