import { isAppError } from "../errors.js";
import type { Indexer } from "../ingest/indexer.js";
import { parseIsolated } from "../ingest/parse-pool.js";
import { INGEST_PIPELINE } from "../ingest/pipeline-version.js";
import type { Logger } from "../logger.js";
import type { DocumentRecord, DocumentStore } from "../store/types.js";

export interface ReindexSummary {
  reindexed: number;
  /** Documents whose original file is not kept: they stay as stored. */
  withoutOriginal: number;
  failed: number;
}

/**
 * Indexes again, from their kept original files, the documents an older ingest pipeline
 * stored (uploads, mostly: the corpus sync handles files of the corpus folder). The
 * stored title and number are passed as hints, so what an admin gave in a caption
 * survives. Nothing goes to the audit log: the content did not change.
 */
export async function reindexOutdatedDocuments(deps: {
  store: DocumentStore;
  indexer: Indexer;
  /** The original bytes of a document, or null when they are not kept. */
  original: (doc: DocumentRecord) => Promise<Uint8Array | null>;
  logger?: Logger;
  /** Stops between documents (a stop signal at start): throws the signal's reason. */
  signal?: AbortSignal;
}): Promise<ReindexSummary> {
  const summary: ReindexSummary = { reindexed: 0, withoutOriginal: 0, failed: 0 };
  const withoutOriginal: string[] = [];
  for (const doc of await deps.store.listDocuments()) {
    if (doc.pipeline === INGEST_PIPELINE) continue;
    deps.signal?.throwIfAborted();
    try {
      const bytes = await deps.original(doc);
      if (!bytes) {
        summary.withoutOriginal++;
        // Logged once for all of them below: this repeats at every start.
        if (withoutOriginal.length < 20) withoutOriginal.push(doc.source);
        continue;
      }
      const parsed = await parseIsolated(bytes, doc.source, {
        titleHint: doc.title,
        ...(doc.number ? { numberHint: doc.number } : {}),
      });
      await deps.indexer.indexParsed(parsed, { docId: doc.docId, audit: false });
      summary.reindexed++;
    } catch (error) {
      summary.failed++;
      deps.logger?.warn(
        {
          docId: doc.docId,
          source: doc.source,
          code: isAppError(error) ? error.code : "reindex_failed",
          err: error,
        },
        "document not indexed again; left as stored",
      );
    }
  }
  if (summary.withoutOriginal > 0) {
    deps.logger?.warn(
      { count: summary.withoutOriginal, sources: withoutOriginal },
      "documents of an older ingest pipeline without a kept original; left as stored",
    );
  }
  return summary;
}
