/**
 * The embedded store's tables, as `migrate` steps for the module "store". All names start
 * with `store_` because the same database file holds other modules' tables.
 *
 * Lexical index layout (why it looks like this): a B-tree keyed by term would make every
 * document write touch pages all over the index (a document has thousands of distinct
 * terms), so write cost would grow with the corpus. Instead each upsert appends one
 * immutable segment (`store_posting_lists` rows, indexed by segment then term and written
 * in term order: an append), and later writes merge segments (tiered: `mergeFactor` segments of
 * one level become one of the next). Deleted chunks leave tombstone ranges until the
 * merge or compaction that rewrites their segment. Chunk keys come from
 * AUTOINCREMENT, so they are never reused and a document's chunks have consecutive keys.
 */
export const STORE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE store_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    -- bumped by every write that changes documents or chunks (readers drop caches)
    generation INTEGER NOT NULL,
    -- bumped by every write that changes which vectors are searchable
    vector_generation INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    chunks INTEGER NOT NULL,
    total_length REAL NOT NULL
  );
  INSERT INTO store_meta (id, generation, vector_generation, documents, chunks, total_length)
    VALUES (1, 0, 0, 0, 0, 0);

  CREATE TABLE store_documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT,
    number TEXT,
    number_key TEXT,
    issuer TEXT,
    date TEXT,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    pages INTEGER,
    chunk_count INTEGER NOT NULL,
    version INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- inclusive range of this document's chunk keys (NULL without chunks)
    key_lo INTEGER,
    key_hi INTEGER
  );
  CREATE INDEX store_documents_number ON store_documents (number_key);

  CREATE TABLE store_chunks (
    chunk_key INTEGER PRIMARY KEY AUTOINCREMENT,
    chunk_id TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL REFERENCES store_documents (doc_id),
    position INTEGER NOT NULL,
    heading_path TEXT NOT NULL,
    text TEXT NOT NULL,
    length REAL NOT NULL,
    -- sha256 of text: the key of the embedding cache
    text_hash TEXT NOT NULL
  );
  CREATE INDEX store_chunks_doc ON store_chunks (doc_id, position);
  CREATE INDEX store_chunks_text_hash ON store_chunks (text_hash);

  CREATE TABLE store_archived_versions (
    doc_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    record TEXT NOT NULL,
    superseded_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, version)
  );
  CREATE TABLE store_archived_chunks (
    doc_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    chunk_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    heading_path TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, version, seq)
  );

  CREATE TABLE store_segments (
    seg_id INTEGER PRIMARY KEY AUTOINCREMENT,
    level INTEGER NOT NULL,
    key_lo INTEGER NOT NULL,
    key_hi INTEGER NOT NULL,
    postings INTEGER NOT NULL,
    -- chunks whose postings this segment holds, and how many of them are deleted
    chunks INTEGER NOT NULL,
    dead INTEGER NOT NULL
  );
  CREATE INDEX store_segments_lo ON store_segments (key_lo);
  CREATE TABLE store_postings (
    seg_id INTEGER NOT NULL,
    term TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (seg_id, term)
  ) WITHOUT ROWID;
  CREATE TABLE store_tombstones (
    key_lo INTEGER PRIMARY KEY,
    key_hi INTEGER NOT NULL
  );

  CREATE TABLE store_vector_models (
    model TEXT PRIMARY KEY,
    dimension INTEGER NOT NULL
  );
  CREATE TABLE store_embeddings (
    content_hash TEXT NOT NULL,
    model TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (content_hash, model)
  );
  `,
  // The ingest pipeline version of each document (NULL: stored without one).
  `ALTER TABLE store_documents ADD COLUMN pipeline INTEGER;`,
  // What each document says about others (JSON array of DocumentRelation; NULL: none read).
  `ALTER TABLE store_documents ADD COLUMN relations TEXT;`,
  // Documents whose write to a search index outside this database (Qdrant) began and
  // did not finish: repaired at the next start (see compose-store.ts).
  `CREATE TABLE store_index_pending (doc_id TEXT PRIMARY KEY, since TEXT NOT NULL);`,
  // Posting lists in a rowid table with a (segment, term) index (layout 1). In
  // store_postings (layout 0, WITHOUT ROWID) each row, blob included, is a key of the
  // B-tree: interior pages hold a few keys each, so a term's lookup in a segment walks
  // more pages (the crawl's 151,000 passages in 26 segments, the gold questions' first
  // reads of their terms: 0.60 → 0.39 to 0.46 ms a term). Segments written before keep
  // layout 0 and are read where they are, until a merge rewrites them into the new table.
  `
  ALTER TABLE store_segments ADD COLUMN layout INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE store_posting_lists (
    list_id INTEGER PRIMARY KEY,
    seg_id INTEGER NOT NULL,
    term TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE UNIQUE INDEX store_posting_lists_term ON store_posting_lists (seg_id, term);
  `,
  // Segments of layout 2 keep compact blobs (varint gaps, frequencies and lengths: about
  // 4 bytes a posting instead of 12; src/store/compact-postings.ts) in store_posting_lists.
  // No table changes; the version tells a program that knows only layouts 0 and 1 that
  // this store is newer than it, so it refuses the store rather than misreading it.
  `UPDATE store_segments SET layout = layout WHERE 0;`,
];
