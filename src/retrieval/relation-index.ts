import type { Clock } from "../clock.js";
import type { DocumentRecord, DocumentStore } from "../store/types.js";
import { buildRelationIndex, type RelationIndex } from "./document-status.js";

/** The relation index of a store is checked when it is older than this ... */
const MAX_AGE_MS = 5_000;
/**
 * ... and rebuilt then only if the store's totals changed, or when it is older than
 * this: a rebuild reads the whole catalog (0.16 to 0.23 s at 13,900 documents, every 5 s
 * on a busy bot), and a change from another process that keeps the totals (a replaced
 * file) is rare. This process's own changes invalidate it at once.
 */
const MAX_UNCHECKED_AGE_MS = 60_000;

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
  let built: { at: number; checked: number; totals: string; index: RelationIndex } | null = null;
  let pending: Promise<RelationIndex> | null = null;
  const totalsOf = async () => {
    const stats = await store.stats();
    return `${stats.documents}:${stats.chunks}`;
  };
  return {
    async current() {
      const now = clock.now();
      if (built && now - built.checked < MAX_AGE_MS) return built.index;
      pending ??= (async () => {
        try {
          const totals = await totalsOf();
          if (built && built.totals === totals && clock.now() - built.at < MAX_UNCHECKED_AGE_MS) {
            built.checked = clock.now();
            return built.index;
          }
          const documents = corrected(await store.listDocuments());
          const index = buildRelationIndex(documents, vietnamDate(clock.now()));
          built = { at: clock.now(), checked: clock.now(), totals, index };
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
