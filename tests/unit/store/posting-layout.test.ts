import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  EMBEDDED_STORE_FILE,
  type EmbeddedStore,
  openEmbeddedStore,
} from "../../../src/store/embedded-store.js";
import { decodePostings, encodePostings } from "../../../src/store/postings.js";
import { type Database, openDatabase } from "../../../src/store/sqlite.js";
import { STORE_MIGRATIONS } from "../../../src/store/store-schema.js";
import type { IndexedChunk, WeightedTerm } from "../../../src/store/types.js";
import { makeChunk, makeDoc, sha256 } from "../../contract/store-fixtures.js";

/*
 * Stores written before schema version 5 keep their posting rows in `store_postings`
 * (layout 0); later segments went to `store_posting_lists` (layout 1), and since schema
 * version 6 to the same table in the compact form (layout 2). An old store must open,
 * answer as before, and keep answering exactly while its segments are merged into the
 * current layout.
 */

const TUNING = { mergeFactor: 3, cachedPostings: 64 };
const VOCABULARY = Array.from({ length: 30 }, (_, i) => `f:t${i}`);
const QUERIES: WeightedTerm[][] = [
  [{ term: "f:t0", weight: 1 }],
  [
    { term: "f:t1", weight: 1 },
    { term: "f:t7", weight: 0.5 },
  ],
  [
    { term: "f:t3", weight: 1 },
    { term: "f:t12", weight: 2 },
    { term: "f:t29", weight: 1 },
  ],
];

/** Deterministic chunks of one write (mulberry32 from the seed). */
function chunksOf(docId: string, seed: number): IndexedChunk[] {
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, i) => {
    const terms: Record<string, number> = {};
    for (let t = 0; t < 2 + Math.floor(rand() * 5); t++)
      terms[VOCABULARY[Math.floor(VOCABULARY.length * rand() ** 2)]!] = 1 + Math.floor(rand() * 3);
    return makeChunk(docId, i, terms, { id: `${docId}-${seed}-${i}`, length: 3 + Math.floor(rand() * 20) });
  });
}

/** Writes (seed > 0) or deletes (seed 0) documents, in order. */
async function apply(store: EmbeddedStore, steps: Array<[string, number]>): Promise<void> {
  for (const [docId, seed] of steps) {
    if (seed === 0) await store.deleteDocument(docId);
    else
      await store.upsertDocument(
        makeDoc(docId, { contentHash: sha256(`${docId}-${seed}`) }),
        chunksOf(docId, seed),
      );
  }
}

/** What the queries find: chunk ids and scores, and the document frequencies. */
async function answers(store: EmbeddedStore) {
  const out = [];
  for (const terms of QUERIES) {
    const hits = await store.searchLexical({ terms, limit: 6 });
    out.push(hits.map((h) => [h.chunk.chunkId, h.score]));
  }
  out.push([...(await store.termStats(VOCABULARY)).df]);
  return out;
}

/** Rewrites the compact blobs of `store_posting_lists` in the raw form of layouts 0 and 1. */
function rawBlobs(db: Database): void {
  const rows = db.prepare("SELECT list_id, data FROM store_posting_lists").raw(true).all() as Array<
    [number, Buffer]
  >;
  const update = db.prepare("UPDATE store_posting_lists SET data = ? WHERE list_id = ?");
  for (const [id, data] of rows) {
    const postings = decodePostings([{ compact: data }]);
    update.run(encodePostings(postings.keys, postings.tfs, postings.lens), id);
  }
}

/** Turns a store of the current schema into one as written at schema version 5 (layout 1). */
function downgradeToVersion5(dir: string): void {
  const db = openDatabase(join(dir, EMBEDDED_STORE_FILE));
  try {
    rawBlobs(db);
    db.exec(`
      UPDATE store_segments SET layout = 1;
      UPDATE schema_migrations SET version = 5 WHERE module = 'store';
    `);
  } finally {
    db.close();
  }
}

/** Turns a store of the current schema into one as written at schema version 4 (layout 0). */
function downgradeToVersion4(dir: string): void {
  const db = openDatabase(join(dir, EMBEDDED_STORE_FILE));
  try {
    rawBlobs(db);
    db.exec(`
      INSERT INTO store_postings (seg_id, term, data) SELECT seg_id, term, data FROM store_posting_lists;
      DROP TABLE store_posting_lists;
      ALTER TABLE store_segments DROP COLUMN layout;
      UPDATE schema_migrations SET version = 4 WHERE module = 'store';
    `);
  } finally {
    db.close();
  }
}

function segmentLayouts(store: EmbeddedStore): number[] {
  return store.db.prepare("SELECT layout FROM store_segments ORDER BY key_lo").pluck().all() as number[];
}

function rows(store: EmbeddedStore, table: string): number {
  return store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

const FIRST: Array<[string, number]> = [
  ["a", 1],
  ["b", 2],
  ["c", 3],
  ["d", 4],
  ["b", 0],
  ["e", 5],
];
const LATER: Array<[string, number]> = [
  ["f", 6],
  ["a", 7],
  ["g", 8],
  ["c", 0],
  ["h", 9],
  ["i", 10],
  ["d", 11],
  ["j", 12],
];

describe("posting layouts", () => {
  let dirs: string[];
  const open: EmbeddedStore[] = [];
  function track(store: EmbeddedStore): EmbeddedStore {
    open.push(store);
    return store;
  }
  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), "nhatthe-layout-"));
    dirs.push(dir);
    return dir;
  }
  beforeEach(() => {
    dirs = [];
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("writes new segments to store_posting_lists in the compact form", async () => {
    const store = track(openEmbeddedStore(tempDir(), { tuning: TUNING }));
    await apply(store, FIRST);
    expect(STORE_MIGRATIONS).toHaveLength(6);
    expect(segmentLayouts(store).every((layout) => layout === 2)).toBe(true);
    expect(rows(store, "store_postings")).toBe(0);
    expect(rows(store, "store_posting_lists")).toBeGreaterThan(0);
    // Small gaps, frequencies and lengths: a byte or two each, not 12 bytes a posting.
    const postings = store.db.prepare("SELECT sum(postings) FROM store_segments").pluck().get() as number;
    const bytes = store.db
      .prepare("SELECT sum(length(data)) FROM store_posting_lists")
      .pluck()
      .get() as number;
    expect(bytes).toBeLessThan(postings * 6);
  });

  /** FIRST written by the current code, then turned into an older store and opened again. */
  async function olderStore(downgrade: (dir: string) => void) {
    const dir = tempDir();
    const written = openEmbeddedStore(dir, { tuning: TUNING });
    await apply(written, FIRST);
    const before = await answers(written);
    await written.close();
    downgrade(dir);
    return { old: track(openEmbeddedStore(dir, { tuning: TUNING })), before };
  }

  /** The same writes on the old store and on a new one: the same answers after each. */
  async function replayBeside(old: EmbeddedStore): Promise<void> {
    const fresh = track(openEmbeddedStore(tempDir(), { tuning: TUNING }));
    await apply(fresh, FIRST);
    for (const step of LATER) {
      await apply(old, [step]);
      await apply(fresh, [step]);
      expect(await answers(old)).toEqual(await answers(fresh));
    }
  }

  it("opens a store written at schema version 5 (raw blobs), answers the same, and rewrites it compact", async () => {
    const { old, before } = await olderStore(downgradeToVersion5);
    expect(segmentLayouts(old).every((layout) => layout === 1)).toBe(true);
    expect(await answers(old)).toEqual(before);
    await replayBeside(old);
    expect(segmentLayouts(old)).toContain(2);
    expect(old.db.pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("opens a store written at schema version 4, answers the same, and merges it into the new table", async () => {
    const { old, before } = await olderStore(downgradeToVersion4);
    expect(segmentLayouts(old).every((layout) => layout === 0)).toBe(true);
    expect(rows(old, "store_posting_lists")).toBe(0);
    expect(await answers(old)).toEqual(before);
    const oldRows = rows(old, "store_postings");
    await replayBeside(old);
    const layouts = segmentLayouts(old);
    expect(layouts).toContain(2);
    expect(rows(old, "store_postings")).toBeLessThan(oldRows);
    // Every row is in the table its segment's layout names.
    const misplaced = old.db
      .prepare(
        `SELECT count(*) FROM store_postings p JOIN store_segments s USING (seg_id) WHERE s.layout != 0
         UNION ALL
         SELECT count(*) FROM store_posting_lists p JOIN store_segments s USING (seg_id) WHERE s.layout = 0`,
      )
      .pluck()
      .all();
    expect(misplaced).toEqual([0, 0]);
    expect(old.db.pragma("integrity_check", { simple: true })).toBe("ok");
  });
});
