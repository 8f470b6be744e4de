import { readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { isAppError } from "../errors.js";
import { sha256 } from "../hash.js";
import { docIdForSource } from "../ingest/index-chunks.js";
import type { Indexer } from "../ingest/indexer.js";
import { parseIsolated, releaseIdleParsers } from "../ingest/parse-pool.js";
import { INGEST_PIPELINE } from "../ingest/pipeline-version.js";
import type { ParsedDocument } from "../ingest/types.js";
import type { Logger } from "../logger.js";
import type { DocumentStore } from "../store/types.js";

/**
 * Documents (or bytes) stored per write during a sync. Each write is one postings
 * segment: with 1 MB batches the crawl's 13,900 pages made about 190 small segments that
 * were merged into larger ones, so every posting was written twice; with 8 MB batches
 * the segments are born at the size merges stopped at (about 2 million postings), none
 * is rewritten, and the store writer's time on a 47 MB sample fell from 29 to 15 s
 * (whole crawl: 0.91 to 1.22 MB/s, peak RSS 872 to 909 MB; measured 6 December 2026).
 * Since the writer analyzes the passages in its own thread, the batch no longer sits in
 * the main heap as terms (8 MB batches used to take a 2,000-page sync to 1 GB of RSS).
 */
const BATCH_DOCUMENTS = 500;
const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;
/**
 * Files read and parsed ahead of the one being stored (the parse pool runs them in
 * parallel), up to this many or this many bytes: with 8 files the workers stood idle
 * while the store writer wrote a batch.
 */
const PARSE_AHEAD = 64;
const PARSE_AHEAD_BYTES = 2 * 1024 * 1024;

/** Files in a corpus folder that are about the corpus, not part of it. */
const IGNORED = /^(\.|readme(\.|$)|sources(\.|$)|license(\.|$))/i;

export interface SyncSummary {
  added: number;
  replaced: number;
  unchanged: number;
  /** Same content, indexed again because it was stored by an older ingest pipeline. */
  reindexed: number;
  failed: Array<{ file: string; code: string; message: string }>;
}

/** Lists the ingestible files of a folder, recursively, in a stable order. */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (IGNORED.test(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listCorpusFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/**
 * Brings the store up to date with a corpus folder: new or changed files are ingested,
 * unchanged ones (same content hash, same ingest pipeline) are skipped without parsing;
 * files stored by an older pipeline are indexed again, without an audit entry. A bad file is
 * reported and skipped; the others still land. Files removed from the folder are left
 * in the store (admins may have uploaded documents of the same name).
 */
export async function syncCorpusDir(deps: {
  dir: string;
  store: DocumentStore;
  indexer: Indexer;
  logger?: Logger;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Stops between files (a stop signal at start): throws the signal's reason. */
  signal?: AbortSignal;
  /** Bytes of files stored per write (default 8 MB; see `DEFAULT_BATCH_BYTES`). */
  batchBytes?: number;
}): Promise<SyncSummary> {
  const batchLimit = deps.batchBytes ?? DEFAULT_BATCH_BYTES;
  const summary: SyncSummary = { added: 0, replaced: 0, unchanged: 0, reindexed: 0, failed: [] };
  const exists = await stat(deps.dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) {
    deps.logger?.warn({ dir: deps.dir }, "corpus folder not found; nothing to sync");
    return summary;
  }
  const files = await listCorpusFiles(deps.dir);
  let done = 0;
  const fail = (file: string, error: unknown) => {
    const code = isAppError(error) ? error.code : "ingest_failed";
    const message = isAppError(error) ? error.userMessage : String(error);
    deps.logger?.warn({ file, code, err: error }, "corpus file skipped");
    summary.failed.push({ file, code, message });
  };
  const count = (status: string, reindex: boolean) => {
    if (status === "added") summary.added++;
    else if (status === "replaced" && reindex) summary.reindexed++;
    else if (status === "replaced") summary.replaced++;
    else summary.unchanged++;
  };
  // Parsed files are stored in batches (one store write each) rather than one by one:
  // a corpus of many small files is dominated by per-write costs otherwise.
  let batch: Array<{ file: string; parsed: ParsedDocument; reindex: boolean }> = [];
  let batchBytes = 0;
  const storeBatch = async (items: typeof batch, reindex: boolean) => {
    if (items.length === 0) return;
    // A re-index after an upgrade changes nothing readers should hear about.
    const options = { audit: !reindex };
    try {
      for (const outcome of await deps.indexer.indexParsedMany(
        items.map((b) => b.parsed),
        options,
      )) {
        count(outcome.result.status, reindex);
      }
    } catch {
      // One bad document must not sink the others: store them one at a time.
      for (const { file, parsed } of items) {
        try {
          count((await deps.indexer.indexParsed(parsed, options)).result.status, reindex);
        } catch (error) {
          fail(file, error);
        }
      }
    }
  };
  const flush = async () => {
    const current = batch;
    batch = [];
    batchBytes = 0;
    await storeBatch(
      current.filter((b) => !b.reindex),
      false,
    );
    await storeBatch(
      current.filter((b) => b.reindex),
      true,
    );
  };
  // Files are read, compared and parsed ahead (the parse pool's workers run in parallel
  // and each parse is a round trip to a worker), but stored in folder order. Far enough
  // ahead that the workers go on parsing while a batch is written.
  type Prepared =
    | { kind: "unchanged" }
    | { kind: "parsed"; parsed: ParsedDocument; reindex: boolean; size: number }
    | { kind: "failed"; error: unknown };
  const prepare = async (file: string, bytes: Buffer): Promise<Prepared> => {
    try {
      const name = file.split(/[\\/]/).pop()!;
      const existing = await deps.store.getDocument(docIdForSource(name));
      const sameContent = existing?.contentHash === sha256(bytes);
      if (sameContent && existing?.pipeline === INGEST_PIPELINE) return { kind: "unchanged" };
      return {
        kind: "parsed",
        parsed: await parseIsolated(bytes, name),
        reindex: sameContent,
        size: bytes.byteLength,
      };
    } catch (error) {
      return { kind: "failed", error };
    }
  };
  const ahead: Array<{ size: number; prepared: Promise<Prepared> }> = [];
  let aheadBytes = 0;
  let next = 0;
  const fill = () => {
    while (
      next < files.length &&
      ahead.length < PARSE_AHEAD &&
      (ahead.length === 0 || aheadBytes < PARSE_AHEAD_BYTES)
    ) {
      const file = files[next++]!;
      try {
        // Read synchronously on purpose: an asynchronous read is several thread-pool round
        // trips, which for a corpus of many small files left the process idle for a third
        // of the sync (3.0 s → 2.0 s measured on 2,249 one-article files).
        const bytes = readFileSync(file);
        aheadBytes += bytes.byteLength;
        ahead.push({ size: bytes.byteLength, prepared: prepare(file, bytes) });
      } catch (error) {
        ahead.push({ size: 0, prepared: Promise.resolve({ kind: "failed", error }) });
      }
    }
  };
  // One batch is written (in the store writer's thread) while the next is parsed: the
  // write is awaited only when the next batch is full, so parsing and writing overlap.
  let writing: Promise<void> = Promise.resolve();
  try {
    for (const file of files) {
      deps.signal?.throwIfAborted();
      deps.onProgress?.(done, files.length, file);
      fill();
      const { size, prepared: preparing } = ahead.shift()!;
      aheadBytes -= size;
      const prepared = await preparing;
      if (prepared.kind === "unchanged") summary.unchanged++;
      else if (prepared.kind === "failed") fail(file, prepared.error);
      else {
        batch.push({ file, parsed: prepared.parsed, reindex: prepared.reindex });
        batchBytes += prepared.size;
        if (batch.length >= BATCH_DOCUMENTS || batchBytes >= batchLimit) {
          await writing;
          writing = flush().catch((error: unknown) => fail(file, error));
        }
      }
      done++;
    }
  } finally {
    await writing;
  }
  await flush();
  // The parse workers' heaps hold what the last files left (about 0.1 GB each after the
  // crawl's sync): ended now, not 30 s into the answers that follow a sync at start.
  if (summary.added + summary.replaced + summary.reindexed + summary.failed.length > 0) releaseIdleParsers();
  deps.onProgress?.(done, files.length, "");
  return summary;
}
