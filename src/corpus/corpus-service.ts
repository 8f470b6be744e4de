import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { CorpusLog } from "../audit/corpus-log.js";
import { sha256 } from "../hash.js";
import { type FetchedLink, fetchLink } from "../ingest/fetch-link.js";
import { docIdForSource } from "../ingest/index-chunks.js";
import type { Indexer, IngestOptions, IngestOutcome } from "../ingest/indexer.js";
import { parseIsolated } from "../ingest/parse-pool.js";
import type { PageProgress, ParsedDocument } from "../ingest/types.js";
import type { Logger } from "../logger.js";
import {
  createOriginalsStore,
  mimeTypeFor,
  type OriginalsStore,
  type StoredOriginal,
} from "../store/originals.js";
import type { DocumentRecord, DocumentStore } from "../store/types.js";
import { listCorpusFiles, type SyncSummary, syncCorpusDir } from "./corpus-dir.js";
import { type ReindexSummary, reindexOutdatedDocuments } from "./reindex-outdated.js";
import { createSerialQueue, type SerialQueue } from "./serial-queue.js";

/**
 * Where a change to the corpus came from, as the corpus log records it: an admin in
 * Telegram (a file or a link), the command line, or the corpus folder synced at start.
 */
export type CorpusVia = "telegram" | "cli" | "sync";

/** Stages of an upload a caller can show (the indexer's stages). */
export type UploadStage = "reading" | "ocr" | "chunking" | "indexing" | "embedding";

/** Hints an admin gave with a file (a Telegram caption): they win over what the text says. */
export interface UploadHints {
  titleHint?: string;
  numberHint?: string;
}

/** What a file is, compared with the corpus. */
export type UploadCheck =
  /** The same bytes are an active document already: nothing to do. */
  | { kind: "duplicate"; doc: DocumentRecord }
  /** Documents with the same number (or the same file name): the admin chooses. */
  | { kind: "conflict"; parsed: ParsedDocument; candidates: DocumentRecord[]; reason: "number" | "name" }
  /** A new document. */
  | { kind: "new"; parsed: ParsedDocument };

/** The largest file accepted when the caller sets none: what Telegram lets a bot download (20 MB). */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Time to fetch an admin's link when the config sets none. */
const DEFAULT_LINK_TIMEOUT_MS = 20_000;

export interface CorpusServiceDeps {
  store: DocumentStore;
  indexer: Indexer;
  log: CorpusLog;
  /** Where originals are kept (`<storeDir>/originals`). */
  storeDir: string;
  /**
   * The corpus folder (`CORPUS_DIR`): synced by `syncFolder`, and a document that came
   * from there (not uploaded) has its original fetched from it on the first "Tải về"
   * (when the bytes still match) and kept from then on.
   */
  corpusDir?: string;
  logger: Logger;
  /** Largest file accepted (default {@link DEFAULT_MAX_FILE_BYTES}). */
  maxFileBytes?: number;
  /** Admins' links: hosts allowed though private (`LINK_ALLOW_HOSTS`) and the fetch deadline. */
  links?: { allowHosts: readonly string[]; timeoutMs: number };
}

/**
 * The corpus service: the one way documents enter and leave the corpus, whatever feeds
 * it. Its sources are the corpus folder synced at start (`syncFolder`), files named on
 * the command line (`ingestFile`), and an admin's file or link in Telegram (`fetchLink`,
 * then `check` and `commit`, with the admin's choice between them when the file may
 * replace a document); `remove` deletes, `original` hands back what was sent, and
 * `reindexOutdated` brings what an older ingest pipeline stored up to date from the
 * kept originals. Every change goes through the indexer, which records it in the corpus log with who made it
 * and `via` where it came from.
 *
 * The serial queue is the callers': a flow that may race another (two admins uploading
 * at once) runs its steps inside `queue.run`, so one flow's "is this a duplicate?" never
 * interleaves with another's write. Work started from an update runs detached from it
 * (so polling goes on for everyone else); `track` it, and `drain` waits for it at shutdown.
 */
export interface CorpusService {
  readonly store: DocumentStore;
  readonly log: CorpusLog;
  readonly originals: OriginalsStore;
  readonly queue: SerialQueue;
  readonly maxFileBytes: number;
  /**
   * Source: the corpus folder. New or changed files are ingested, unchanged ones skipped,
   * bad ones reported (see `syncCorpusDir`); a no-op without a corpus folder.
   */
  syncFolder(options?: {
    onProgress?: (done: number, total: number, file: string) => void;
    signal?: AbortSignal;
  }): Promise<SyncSummary>;
  /**
   * After a bulk addition (a sync that added documents, a folder on the command line):
   * merges the lexical index into one segment when the additions left it in more than
   * {@link COMPACT_OVER_SEGMENTS}. Each question reads a term once a segment: the crawl's
   * 30 segments answered at p95 26 to 30 ms, merged at 19 to 22. What was done, or null
   * when the store keeps its own index (Qdrant) or had few segments.
   */
  compactAfterBulk(): Promise<CompactOutcome | null>;
  /**
   * Indexes again, from their kept originals, the documents an older ingest pipeline
   * stored (see `reindexOutdatedDocuments`); the ones without an original stay as stored.
   */
  reindexOutdated(options?: { signal?: AbortSignal }): Promise<ReindexSummary>;
  /** Source: one file on disk (the command line's `ingest`), added or replacing the document of its name. */
  ingestFile(path: string, via: CorpusVia): Promise<IngestOutcome>;
  /** Source: an admin's link, fetched with the same size limit as a file; throws IngestError when refused. */
  fetchLink(url: URL): Promise<FetchedLink>;
  /** The active document with exactly these bytes, if any. */
  findDuplicate(contentHash: string): Promise<DocumentRecord | null>;
  /** Parses the file and compares it with the corpus; throws IngestError for a bad file. Call inside the queue. */
  check(
    bytes: Uint8Array,
    fileName: string,
    hints: UploadHints,
    onStage?: (stage: UploadStage, fraction: number, pages?: PageProgress) => void,
  ): Promise<UploadCheck>;
  /** Keeps the original, then indexes the parsed document (via Telegram unless said). Call inside the queue. */
  commit(o: {
    parsed: ParsedDocument;
    bytes: Uint8Array;
    docId?: string;
    actorId: number;
    via?: CorpusVia;
    onStage?: IngestOptions["onStage"];
  }): Promise<IngestOutcome>;
  /**
   * Removes a document (recorded in the corpus log) and its original unless other
   * active documents have the same bytes; null when it was not there. Call inside the queue.
   */
  remove(docId: string, actor: { actorId?: number; via: CorpusVia }): Promise<DocumentRecord | null>;
  /** The original file of a document, when kept (or still in the corpus folder). */
  original(doc: Pick<DocumentRecord, "contentHash" | "source">): Promise<StoredOriginal | null>;
  /** Keeps track of detached work so `drain` can wait for it. */
  track(work: Promise<unknown>): void;
  /** Waits for detached work and queued changes. */
  drain(): Promise<void>;
}

/** More segments than this after a bulk addition, and the index is merged into one. */
export const COMPACT_OVER_SEGMENTS = 16;

/** A compaction after a bulk addition: segments before and after, and how long it took. */
export interface CompactOutcome {
  segmentsBefore: number;
  segmentsAfter: number;
  vacuumed: boolean;
  seconds: number;
}

/** The id of an upload added next to a document it could have replaced: from its name and content. */
export function separateDocId(source: string, contentHash: string): string {
  return sha256(`source:${source.normalize("NFC")}\u0000${contentHash}`).slice(0, 16);
}

export function createCorpusService(deps: CorpusServiceDeps): CorpusService {
  const queue = createSerialQueue();
  const originals = createOriginalsStore(deps.storeDir);
  const maxFileBytes = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const detached = new Set<Promise<unknown>>();

  async function compactAfterBulk(): Promise<CompactOutcome | null> {
    if (!deps.store.compactIndex) return null;
    const started = performance.now();
    const outcome = await deps.store.compactIndex({ whenSegmentsOver: COMPACT_OVER_SEGMENTS });
    if (outcome.segmentsBefore === outcome.segmentsAfter) return null;
    const compacted = { ...outcome, seconds: Math.round((performance.now() - started) / 100) / 10 };
    deps.logger.info(compacted, "lexical index compacted after a bulk addition");
    return compacted;
  }

  const findDuplicate = async (contentHash: string) =>
    (await deps.store.listDocuments()).find((d) => d.contentHash === contentHash) ?? null;

  return {
    store: deps.store,
    log: deps.log,
    originals,
    queue,
    maxFileBytes,
    findDuplicate,
    async syncFolder(options = {}) {
      if (!deps.corpusDir) return { added: 0, replaced: 0, unchanged: 0, reindexed: 0, failed: [] };
      const summary = await syncCorpusDir({
        dir: deps.corpusDir,
        store: deps.store,
        indexer: deps.indexer,
        logger: deps.logger,
        ...options,
      });
      if (summary.added + summary.replaced > 0 && !options.signal?.aborted) await compactAfterBulk();
      return summary;
    },
    compactAfterBulk,
    reindexOutdated(options = {}) {
      return reindexOutdatedDocuments({
        store: deps.store,
        indexer: deps.indexer,
        original: async (doc) => (await originals.get(doc.contentHash))?.bytes ?? null,
        logger: deps.logger,
        ...options,
      });
    },
    ingestFile(path, via) {
      return deps.indexer.ingestFile(path, { via });
    },
    fetchLink(url) {
      return fetchLink(url, {
        maxBytes: maxFileBytes,
        timeoutMs: deps.links?.timeoutMs ?? DEFAULT_LINK_TIMEOUT_MS,
        allowHosts: deps.links?.allowHosts ?? [],
      });
    },
    async check(bytes, fileName, hints, onStage) {
      const duplicate = await findDuplicate(sha256(bytes));
      if (duplicate) return { kind: "duplicate", doc: duplicate };
      const parsed = await parseIsolated(bytes, fileName, {
        maxBytes: maxFileBytes,
        ...(hints.titleHint ? { titleHint: hints.titleHint } : {}),
        ...(hints.numberHint ? { numberHint: hints.numberHint } : {}),
        onProgress: (stage, fraction, pages) => onStage?.(stage, fraction, pages),
      });
      const number = parsed.metadata.number;
      const byNumber = number ? await deps.store.findByNumber(number) : [];
      if (byNumber.length > 0) return { kind: "conflict", parsed, candidates: byNumber, reason: "number" };
      const byName = await deps.store.getDocument(docIdForSource(parsed.source));
      if (byName) return { kind: "conflict", parsed, candidates: [byName], reason: "name" };
      return { kind: "new", parsed };
    },
    async commit(o) {
      // The original first: once the document is searchable, "Tải về" must find it.
      await originals.put(o.bytes, {
        fileName: o.parsed.source,
        mimeType: mimeTypeFor(`x.${o.parsed.format}`),
      });
      return deps.indexer.indexParsed(o.parsed, {
        ...(o.docId ? { docId: o.docId } : {}),
        actorId: o.actorId,
        via: o.via ?? "telegram",
        ...(o.onStage ? { onStage: o.onStage } : {}),
      });
    },
    async remove(docId, actor) {
      const doc = await deps.store.getDocument(docId);
      if (!doc) return null;
      const removed = await deps.indexer.removeDocument(docId, {
        ...(actor.actorId !== undefined ? { actorId: actor.actorId } : {}),
        via: actor.via,
      });
      if (!removed) return null;
      // Same bytes may back another active document; then the original stays.
      if (!(await findDuplicate(doc.contentHash))) {
        await originals
          .remove(doc.contentHash)
          .catch((error: unknown) => deps.logger.warn({ err: error, docId }, "original not removed"));
      }
      return doc;
    },
    async original(doc) {
      const kept = await originals.get(doc.contentHash);
      if (kept || !deps.corpusDir) return kept;
      try {
        const files = await listCorpusFiles(deps.corpusDir);
        const file = files.find((f) => basename(f) === doc.source);
        if (!file) return null;
        const bytes = await readFile(file);
        if (sha256(bytes) !== doc.contentHash) return null;
        const meta = await originals.put(bytes, { fileName: doc.source });
        return { meta, bytes };
      } catch (error) {
        deps.logger.warn({ err: error, source: doc.source }, "original not found in the corpus folder");
        return null;
      }
    },
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      detached.add(settled);
      void settled.then(() => detached.delete(settled));
    },
    async drain() {
      while (detached.size > 0) await Promise.all([...detached]);
      await queue.drain();
    },
  };
}
