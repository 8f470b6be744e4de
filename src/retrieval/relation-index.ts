import type { Clock } from "../clock.js";
import type { DocumentRecord, DocumentStore } from "../store/types.js";
import { buildRelationIndex, type RelationIndex } from "./document-status.js";

/** The relation index of a store, rebuilt when it is older than this. */
const MAX_AGE_MS = 5_000;

export interface RelationIndexSource {
  /** The index as of at most a few seconds ago (rebuilt on demand). */
  current(): Promise<RelationIndex>;
  /** Drops the built index: the next `current()` reads the store again. */
  invalidate(): void;
}

/**
 * Keeps one relation index for a store: a question or a listing reads every document's
 * relations, which costs a scan of the catalog; a few seconds of staleness costs nothing
 * (an upload invalidates it at once).
 */
export function createRelationIndexSource(
  store: DocumentStore,
  clock: Clock,
  /** The admins' corrections, applied over what was read (see `withCorrections`). */
  corrected: (documents: DocumentRecord[]) => DocumentRecord[] = (documents) => documents,
): RelationIndexSource {
  let built: { at: number; index: RelationIndex } | null = null;
  let pending: Promise<RelationIndex> | null = null;
  return {
    async current() {
      const now = clock.now();
      if (built && now - built.at < MAX_AGE_MS) return built.index;
      pending ??= (async () => {
        try {
          const documents = corrected(await store.listDocuments());
          const index = buildRelationIndex(documents, vietnamDate(clock.now()));
          built = { at: clock.now(), index };
          return index;
        } finally {
          pending = null;
        }
      })();
      return pending;
    },
    invalidate() {
      built = null;
    },
  };
}

/** The calendar day in Việt Nam (UTC+7, no daylight saving) as YYYY-MM-DD. */
function vietnamDate(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}
