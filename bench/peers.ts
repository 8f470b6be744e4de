import Database from "better-sqlite3";
import MiniSearch from "minisearch";

/** A passage as every engine in the benchmark sees it: the same chunks for all. */
export interface BenchPassage {
  id: string;
  source: string;
  /** What is indexed (title, headings, text). */
  indexText: string;
  /** What is matched against the gold phrase. */
  text: string;
}

export interface SearchEngine {
  name: string;
  search(query: string, k: number): BenchPassage[];
  close?(): void;
}

/** MiniSearch with its defaults: what a developer would reach for first. */
export function buildMiniSearch(passages: BenchPassage[]): SearchEngine {
  const mini = new MiniSearch<BenchPassage>({ fields: ["indexText"], idField: "id" });
  mini.addAll(passages);
  const byId = new Map(passages.map((p) => [p.id, p]));
  return {
    name: "MiniSearch (default)",
    search(query, k) {
      return mini
        .search(query)
        .slice(0, k)
        .map((r) => byId.get(String(r.id))!);
    },
  };
}

/** SQLite FTS5 with unicode61 remove_diacritics 2 and bm25(), terms OR-ed. */
export function buildFts5(passages: BenchPassage[]): SearchEngine {
  const db = new Database(":memory:");
  db.exec(
    `CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, body, tokenize = "unicode61 remove_diacritics 2")`,
  );
  const insert = db.prepare("INSERT INTO p (id, body) VALUES (?, ?)");
  db.transaction(() => {
    for (const p of passages) insert.run(p.id, p.indexText);
  })();
  const byId = new Map(passages.map((p) => [p.id, p]));
  const query = db.prepare("SELECT id FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT ?");
  return {
    name: "SQLite FTS5 (unicode61 remove_diacritics 2, bm25)",
    search(text, k) {
      const tokens = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
      if (tokens.length === 0) return [];
      const match = tokens.map((t) => `"${t}"`).join(" OR ");
      return (query.all(match, k) as Array<{ id: string }>).map((r) => byId.get(r.id)!);
    },
    close: () => db.close(),
  };
}
