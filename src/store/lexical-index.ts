import {
  type Bm25Context,
  createBm25Scorer,
  impactParams,
  isBigramTerm,
  type ScoredKeys,
} from "./bm25-scorer.js";
import { compactCount } from "./compact-postings.js";
import { storeError } from "./errors.js";
import { LruCache } from "./lru-cache.js";
import {
  buildSegmentPostings,
  compactBlob,
  type DeadRanges,
  decodeImpacts,
  type ImpactPostings,
  mergeToCompact,
  postingCount,
  type StoredBlob,
} from "./postings.js";
import type { Database } from "./sqlite.js";

/** Knobs of the segmented lexical index; the defaults suit 1k to 100k+ chunks. */
export interface LexicalIndexTuning {
  /** How many segments of one level are merged into one of the next level (default 8). */
  mergeFactor?: number;
  /** Merges that would produce more postings than this are skipped (default 4 million). */
  maxMergePostings?: number;
  /**
   * Decoded postings kept in memory across queries, 8 bytes each (default 40 million,
   * at most about 320 MB; a 5k-chunk corpus has under 2 million postings in all; a
   * 100k-chunk corpus of real text about 34 million, which then all fit: with 16 million
   * the cache kept evicting what the next long question needed, p50 32 ms vs 9 ms).
   */
  cachedPostings?: number;
}

/**
 * Posting rows written by one INSERT statement (32 rows: 2.1 µs a row instead of 3.2 µs
 * one by one, measured on 800,000 rows; SQLite allows 32,766 parameters).
 */
const POSTING_ROWS_PER_INSERT = 32;

/**
 * Terms a merge reads from each of its segments at a time: a merge holds a few thousand
 * terms' lists of each segment, not the segments whole (merging the crawl's 30 segments
 * in memory took 3.1 GB).
 */
const MERGE_BATCH_TERMS = 4096;

/** A chunk as the index sees it: its integer key, its terms and its length. */
export interface IndexEntry {
  key: number;
  terms: Record<string, number>;
  length: number;
}

interface SegmentRow {
  seg_id: number;
  level: number;
  key_lo: number;
  key_hi: number;
  postings: number;
  chunks: number;
  dead: number;
  /** Where its posting rows are (see `POSTING_TABLES`). */
  layout: number;
}

/**
 * The table holding a segment's posting rows, by its layout: 0 in stores written before
 * schema version 5 (blobs inside a WITHOUT ROWID B-tree), 1 since (a rowid table with a
 * (segment, term) index; see `STORE_MIGRATIONS`), 2 since schema version 6 (the same
 * table, compact blobs). New segments, merges included, use 2.
 */
const POSTING_TABLES = ["store_postings", "store_posting_lists", "store_posting_lists"] as const;
/** Layout 2: layout 1's table, blobs in the compact form (src/store/compact-postings.ts). */
const COMPACT_LAYOUT = 2;
const CURRENT_LAYOUT = COMPACT_LAYOUT;

/**
 * The lexical half of the embedded store: writes immutable per-upsert segments, merges
 * them, and answers BM25 queries from decoded posting lists cached in memory. Write
 * methods must run inside the caller's transaction; read methods inside a read
 * transaction. The caller tells it when the database changed (`reset`, `forget`).
 */
export interface LexicalIndex {
  /** Appends one segment holding the postings of `entries` (keys ascending). */
  addSegment(entries: readonly IndexEntry[]): void;
  /** Marks the consecutive chunk keys lo..hi as deleted. */
  removeKeys(lo: number, hi: number): void;
  /** Compacts segments with many deleted chunks and merges full tiers. */
  maintain(): void;
  /**
   * Merges every segment into one (inside the caller's write transaction): after a bulk
   * ingest, a term's first read is one lookup instead of one a segment. Returns how many
   * segments there were and are.
   */
  compact(): { before: number; after: number };
  /** How many segments the index has now. */
  segmentCount(): number;
  /** Posting lists of the terms with impacts for `context` (empty lists for unknown terms). */
  lists(terms: readonly string[], context: Bm25Context): Map<string, ImpactPostings>;
  /**
   * BM25 scores of the chunks that can make the best `limit` (see `createBm25Scorer`);
   * `allowed` masks chunk keys.
   */
  score(
    weights: ReadonlyMap<string, number>,
    context: Bm25Context,
    allowed: Uint8Array | null,
    limit: number,
  ): ScoredKeys;
  /** Forgets cached segment structure (after any write). */
  reset(): void;
  /** Drops all cached postings (after a change of documents). */
  forget(): void;
}

/** Creates the lexical index over the store's tables (see `STORE_MIGRATIONS`); statements prepared once. */
export function createLexicalIndex(db: Database, tuning: LexicalIndexTuning = {}): LexicalIndex {
  const mergeFactor = Math.max(2, Math.floor(tuning.mergeFactor ?? 8));
  const maxMergePostings = Math.max(1, tuning.maxMergePostings ?? 4_000_000);
  // Keyed by term; an entry computed for another corpus state (N, avgLen) is refetched.
  const cache = new LruCache<string, { state: string; postings: ImpactPostings }>(
    Math.max(1, tuning.cachedPostings ?? 40_000_000),
    (entry) => entry.postings.keys.length + 8,
  );

  const stmt = {
    segmentInsert: db.prepare(
      `INSERT INTO store_segments (level, key_lo, key_hi, postings, chunks, dead, layout) VALUES (?, ?, ?, ?, ?, 0, ${CURRENT_LAYOUT})`,
    ),
    segmentsAll: db.prepare<[], SegmentRow>("SELECT * FROM store_segments ORDER BY key_lo"),
    segmentContaining: db.prepare<[number], SegmentRow>(
      "SELECT * FROM store_segments WHERE key_lo <= ? ORDER BY key_lo DESC LIMIT 1",
    ),
    segmentAddDead: db.prepare("UPDATE store_segments SET dead = dead + ? WHERE seg_id = ?"),
    segmentDelete: db.prepare("DELETE FROM store_segments WHERE seg_id = ?"),
    postingInsert: db.prepare(
      `INSERT INTO ${POSTING_TABLES[CURRENT_LAYOUT]} (seg_id, term, data) VALUES (?, ?, ?)`,
    ),
    postingInsertMany: db.prepare(
      `INSERT INTO ${POSTING_TABLES[CURRENT_LAYOUT]} (seg_id, term, data) VALUES ${Array(POSTING_ROWS_PER_INSERT).fill("(?, ?, ?)").join(", ")}`,
    ),
    // One statement per layout, indexed by it.
    postingsDelete: POSTING_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE seg_id = ?`)),
    // A merge's steps: a segment's rows in a range of terms, and the term some rows ahead.
    postingsRange: POSTING_TABLES.map((table) =>
      db
        .prepare<[number, string, string], [string, Buffer]>(
          `SELECT term, data FROM ${table} WHERE seg_id = ? AND term > ? AND term <= ?`,
        )
        .raw(true),
    ),
    postingsFrom: POSTING_TABLES.map((table) =>
      db
        .prepare<[number, string], [string, Buffer]>(
          `SELECT term, data FROM ${table} WHERE seg_id = ? AND term > ?`,
        )
        .raw(true),
    ),
    termAhead: POSTING_TABLES.map((table) =>
      db
        .prepare<[number, string, number], string>(
          `SELECT term FROM ${table} WHERE seg_id = ? AND term > ? ORDER BY term LIMIT 1 OFFSET ?`,
        )
        .pluck(true),
    ),
    segmentSetPostings: db.prepare("UPDATE store_segments SET postings = ? WHERE seg_id = ?"),
    postingsLookup: POSTING_TABLES.map((table) =>
      db
        .prepare<[number, string], [string, Buffer]>(
          `SELECT term, data FROM ${table} WHERE seg_id = ? AND term IN (SELECT value FROM json_each(?))`,
        )
        .raw(true),
    ),
    tombstoneInsert: db.prepare("INSERT INTO store_tombstones (key_lo, key_hi) VALUES (?, ?)"),
    tombstonesAll: db.prepare<[], [number, number]>(
      "SELECT key_lo, key_hi FROM store_tombstones ORDER BY key_lo",
    ),
    tombstonesIn: db.prepare<[number, number], [number, number]>(
      "SELECT key_lo, key_hi FROM store_tombstones WHERE key_lo BETWEEN ? AND ? ORDER BY key_lo",
    ),
    tombstonesDelete: db.prepare("DELETE FROM store_tombstones WHERE key_lo BETWEEN ? AND ?"),
  };
  stmt.tombstonesAll.raw(true);
  stmt.tombstonesIn.raw(true);

  // Read-side structure, reloaded lazily after any change.
  let segments: SegmentRow[] | null = null;
  let dead: DeadRanges | null = null;

  const scorer = createBm25Scorer();

  /** The layout of a segment as an index into the per-layout statements. */
  function layoutOf(segment: SegmentRow): number {
    if (segment.layout >= 0 && segment.layout < POSTING_TABLES.length) return segment.layout;
    throw storeError("corrupt", `lexical segment ${segment.seg_id} has unknown layout ${segment.layout}`, {
      context: { segment: segment.seg_id, layout: segment.layout },
    });
  }

  /** Adds a segment's posting rows to `into`, by term, each blob in the form its layout keeps. */
  function collectBlobs(into: Map<string, StoredBlob[]>, rows: Iterable<[string, Buffer]>, layout: number) {
    for (const [term, data] of rows) {
      const blob: StoredBlob = layout === COMPACT_LAYOUT ? { compact: data } : data;
      const list = into.get(term);
      if (list) list.push(blob);
      else into.set(term, [blob]);
    }
  }

  function toDeadRanges(rows: Array<[number, number]>): DeadRanges {
    return { los: Int32Array.from(rows, (r) => r[0]), his: Int32Array.from(rows, (r) => r[1]) };
  }

  function writeSegment(
    level: number,
    lo: number,
    hi: number,
    chunks: number,
    byTerm: Map<string, Uint8Array>,
  ) {
    let postings = 0;
    for (const blob of byTerm.values()) postings += postingCount(blob);
    const segId = Number(stmt.segmentInsert.run(level, lo, hi, postings, chunks).lastInsertRowid);
    insertRows(
      segId,
      [...byTerm].map(([term, blob]): [string, Uint8Array] => [term, compactBlob(blob)]),
    );
  }

  /**
   * Rewrites `group` (adjacent segments, in key order) as one segment of `level`, dropping
   * dead postings. Streamed by ranges of terms: each step reads the terms up to the least
   * of the segments' MERGE_BATCH_TERMS-th next terms (SQLite's order, so every term falls
   * in one step), joins each term's lists and appends them to the new segment.
   */
  function rewrite(group: readonly SegmentRow[], level: number): void {
    const lo = group[0]!.key_lo;
    const hi = group[group.length - 1]!.key_hi;
    const live = group.reduce((sum, s) => sum + s.chunks - s.dead, 0);
    if (live > 0) {
      const deadHere = toDeadRanges(stmt.tombstonesIn.all(lo, hi));
      const segId = Number(stmt.segmentInsert.run(level, lo, hi, 0, live).lastInsertRowid);
      const rows: Array<[string, Uint8Array]> = [];
      let postings = 0;
      let after = "";
      for (;;) {
        const upper = batchUpper(group, after);
        const blobsByTerm = new Map<string, StoredBlob[]>();
        for (const segment of group) {
          const layout = layoutOf(segment);
          const read =
            upper === undefined
              ? stmt.postingsFrom[layout]!.all(segment.seg_id, after)
              : stmt.postingsRange[layout]!.all(segment.seg_id, after, upper);
          collectBlobs(blobsByTerm, read, layout);
        }
        rows.length = 0;
        for (const [term, blobs] of blobsByTerm) {
          const blob = mergeToCompact(blobs, deadHere);
          if (blob === null) continue;
          rows.push([term, blob]);
          postings += compactCount(blob);
        }
        insertRows(segId, rows);
        if (upper === undefined) break;
        after = upper;
      }
      stmt.segmentSetPostings.run(postings, segId);
    }
    for (const segment of group) {
      stmt.postingsDelete[layoutOf(segment)]!.run(segment.seg_id);
      stmt.segmentDelete.run(segment.seg_id);
    }
    stmt.tombstonesDelete.run(lo, hi);
  }

  /**
   * The last term of a merge's next step: the least, in SQLite's order (UTF-8 bytes), of
   * each segment's MERGE_BATCH_TERMS-th term after `after`; undefined when every segment
   * has fewer left (the step reads them all).
   */
  function batchUpper(group: readonly SegmentRow[], after: string): string | undefined {
    let least: string | undefined;
    let leastBytes: Buffer | undefined;
    for (const segment of group) {
      const term = stmt.termAhead[layoutOf(segment)]!.get(segment.seg_id, after, MERGE_BATCH_TERMS - 1);
      if (term === undefined) continue;
      const bytes = Buffer.from(term, "utf8");
      if (leastBytes === undefined || Buffer.compare(bytes, leastBytes) < 0) {
        least = term;
        leastBytes = bytes;
      }
    }
    return least;
  }

  /**
   * Appends (term, compact blob) rows to a segment. In term order (sorted here) the rows
   * are an append at the end of the B-tree; several go to a statement: a third less time
   * than one by one.
   */
  function insertRows(segId: number, rows: Array<[string, Uint8Array]>): void {
    rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const args: Array<number | string | Uint8Array> = [];
    let i = 0;
    for (; i + POSTING_ROWS_PER_INSERT <= rows.length; i += POSTING_ROWS_PER_INSERT) {
      args.length = 0;
      for (let k = i; k < i + POSTING_ROWS_PER_INSERT; k++) args.push(segId, rows[k]![0], rows[k]![1]);
      stmt.postingInsertMany.run(args);
    }
    for (; i < rows.length; i++) stmt.postingInsert.run(segId, rows[i]![0], rows[i]![1]);
  }

  const index: LexicalIndex = {
    addSegment(entries) {
      if (entries.length === 0) return;
      const byTerm = buildSegmentPostings(entries);
      writeSegment(0, entries[0]!.key, entries[entries.length - 1]!.key, entries.length, byTerm);
      segments = null;
    },

    removeKeys(lo, hi) {
      const segment = stmt.segmentContaining.get(lo);
      if (!segment || segment.key_hi < hi) {
        throw storeError("corrupt", `no lexical segment holds chunk keys ${lo}..${hi}`, {
          context: { lo, hi },
        });
      }
      stmt.tombstoneInsert.run(lo, hi);
      stmt.segmentAddDead.run(hi - lo + 1, segment.seg_id);
      segments = null;
      dead = null;
    },

    compact() {
      const all = stmt.segmentsAll.all();
      if (all.length > 1 || all.some((s) => s.dead > 0)) {
        // One level above every other: later tiers of new segments merge among themselves.
        rewrite(all, Math.max(...all.map((s) => s.level)) + 1);
      }
      segments = null;
      dead = null;
      return { before: all.length, after: stmt.segmentsAll.all().length };
    },

    segmentCount() {
      segments ??= stmt.segmentsAll.all();
      return segments.length;
    },

    maintain() {
      for (;;) {
        const all = stmt.segmentsAll.all();
        const sparse = all.find((s) => s.dead > 0 && s.dead * 2 >= s.chunks);
        if (sparse) {
          rewrite([sparse], sparse.level);
          continue;
        }
        if (all.length < mergeFactor) break;
        const tail = all.slice(-mergeFactor);
        const level = tail[0]!.level;
        if (!tail.every((s) => s.level === level)) break;
        if (tail.reduce((sum, s) => sum + s.postings, 0) > maxMergePostings) break;
        rewrite(tail, level + 1);
      }
      segments = null;
      dead = null;
    },

    lists(terms, context) {
      const state = `${context.chunks}:${context.averageLength}:${context.k1}:${context.bigramK1}:${context.b}`;
      const out = new Map<string, ImpactPostings>();
      const missing = new Set<string>();
      for (const term of terms) {
        if (out.has(term)) continue;
        const hit = cache.get(term);
        if (hit && hit.state === state) out.set(term, hit.postings);
        else missing.add(term);
      }
      if (missing.size === 0) return out;
      segments ??= stmt.segmentsAll.all();
      dead ??= toDeadRanges(stmt.tombstonesAll.all());
      const blobsByTerm = new Map<string, StoredBlob[]>();
      const wanted = JSON.stringify([...missing]);
      for (const segment of segments) {
        const layout = layoutOf(segment);
        collectBlobs(blobsByTerm, stmt.postingsLookup[layout]!.all(segment.seg_id, wanted), layout);
      }
      const params = impactParams(context);
      const bigramParams = impactParams({ ...context, k1: context.bigramK1 });
      for (const term of missing) {
        const postings = decodeImpacts(
          blobsByTerm.get(term) ?? [],
          dead,
          isBigramTerm(term) ? bigramParams : params,
        );
        cache.set(term, { state, postings });
        out.set(term, postings);
      }
      return out;
    },

    score(weights, context, allowed, limit) {
      const lists = index.lists([...weights.keys()], context);
      const terms = [...weights].map(([term, weight]) => ({ postings: lists.get(term)!, weight }));
      return scorer.score(terms, context, allowed, limit);
    },

    reset() {
      segments = null;
      dead = null;
    },

    forget() {
      cache.clear();
    },
  };
  return index;
}
