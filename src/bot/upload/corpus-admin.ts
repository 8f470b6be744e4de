import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { CorpusLog } from "../../audit/corpus-log.js";
import type { Clock } from "../../clock.js";
import { listCorpusFiles } from "../../ingest/corpus-sync.js";
import { type FetchedLink, fetchLink } from "../../ingest/fetch-link.js";
import { docIdForSource, sha256 } from "../../ingest/index-chunks.js";
import type { Indexer, IngestOptions, IngestOutcome } from "../../ingest/indexer.js";
import { parseIsolated } from "../../ingest/parse-pool.js";
import type { PageProgress, ParsedDocument } from "../../ingest/types.js";
import type { Logger } from "../../logger.js";
import {
  createOriginalsStore,
  mimeTypeFor,
  type OriginalsStore,
  type StoredOriginal,
} from "../../store/originals.js";
import type { DocumentRecord, DocumentStore } from "../../store/types.js";
import type { UploadHints } from "./caption.js";
import { TELEGRAM_DOWNLOAD_LIMIT } from "./download.js";
import { createPendingUploads, type PendingUploads } from "./pending-uploads.js";
import { createSerialQueue, type SerialQueue } from "./serial-queue.js";

/** Stages of an upload the progress message shows. */
export type UploadStage = "reading" | "ocr" | "chunking" | "indexing" | "embedding";

/** What a file is, compared with the corpus. */
export type UploadCheck =
  /** The same bytes are an active document already: nothing to do. */
  | { kind: "duplicate"; doc: DocumentRecord }
  /** Documents with the same number (or the same file name): the admin chooses. */
  | { kind: "conflict"; parsed: ParsedDocument; candidates: DocumentRecord[]; reason: "number" | "name" }
  /** A new document. */
  | { kind: "new"; parsed: ParsedDocument };

export interface CorpusAdminDeps {
  store: DocumentStore;
  indexer: Indexer;
  log: CorpusLog;
  /** Where originals are kept (`<storeDir>/originals`). */
  storeDir: string;
  /**
   * The corpus folder synced at start: a document that came from there (not uploaded)
   * has its original fetched from it on the first "Tải về" (when the bytes still match)
   * and kept from then on.
   */
  corpusDir?: string;
  clock: Clock;
  logger: Logger;
  /** Largest file accepted (default: what Telegram lets a bot download, 20 MB). */
  maxFileBytes?: number;
  /** Admins' links: hosts allowed though private (`LINK_ALLOW_HOSTS`) and the fetch deadline. */
  links?: { allowHosts: readonly string[]; timeoutMs: number };
}

/**
 * Corpus management as the bot's admin features use it: checks an upload against the
 * corpus, stores it (original first, then the index), removes documents, hands back
 * originals. Every change runs in one per-process queue (see {@link SerialQueue}) and
 * is recorded by the indexer in the corpus log with the admin's id and `via: "telegram"`.
 * Work started from an update runs detached from it (so polling goes on for everyone
 * else); `drain` waits for it at shutdown.
 */
export interface CorpusAdmin {
  readonly store: DocumentStore;
  readonly log: CorpusLog;
  readonly originals: OriginalsStore;
  readonly queue: SerialQueue;
  readonly pending: PendingUploads;
  readonly maxFileBytes: number;
  /** Fetches an admin's link (same size limit as a file); throws IngestError when refused. */
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
  /** Keeps the original, then indexes the parsed document. Call inside the queue. */
  commit(o: {
    parsed: ParsedDocument;
    bytes: Uint8Array;
    docId?: string;
    actorId: number;
    onStage?: IngestOptions["onStage"];
  }): Promise<IngestOutcome>;
  /** Removes a document (recorded in the corpus log); null when it was not there. Call inside the queue. */
  remove(docId: string, actorId: number): Promise<DocumentRecord | null>;
  /** The original file of a document, when kept (or still in the corpus folder). */
  original(doc: Pick<DocumentRecord, "contentHash" | "source">): Promise<StoredOriginal | null>;
  /** Keeps track of detached work so `drain` can wait for it. */
  track(work: Promise<unknown>): void;
  /** Waits for detached work and queued changes. */
  drain(): Promise<void>;
}

/** Time to fetch an admin's link when the config sets none. */
const DEFAULT_LINK_TIMEOUT_MS = 20_000;

/** The id of an upload added next to a document it could have replaced: from its name and content. */
export function separateDocId(source: string, contentHash: string): string {
  return sha256(`source:${source.normalize("NFC")}\u0000${contentHash}`).slice(0, 16);
}

export function createCorpusAdmin(deps: CorpusAdminDeps): CorpusAdmin {
  const queue = createSerialQueue();
  const pending = createPendingUploads({ clock: deps.clock });
  const originals = createOriginalsStore(deps.storeDir);
  const maxFileBytes = deps.maxFileBytes ?? TELEGRAM_DOWNLOAD_LIMIT;
  const detached = new Set<Promise<unknown>>();

  const findDuplicate = async (contentHash: string) =>
    (await deps.store.listDocuments()).find((d) => d.contentHash === contentHash) ?? null;

  return {
    store: deps.store,
    log: deps.log,
    originals,
    queue,
    pending,
    maxFileBytes,
    findDuplicate,
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
        via: "telegram",
        ...(o.onStage ? { onStage: o.onStage } : {}),
      });
    },
    async remove(docId, actorId) {
      const doc = await deps.store.getDocument(docId);
      if (!doc) return null;
      const removed = await deps.indexer.removeDocument(docId, { actorId, via: "telegram" });
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
