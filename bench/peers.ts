import Database from "better-sqlite3";
import MiniSearch from "minisearch";
import { planLexicalQuery } from "../src/retrieval/query.js";
import { analyzeForIndex } from "../src/text/index.js";

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

/**
 * The project's own analysis as a peer sees it: a passage's index terms ("f:duc",
 * "b:duc_tho", "w:đức", expansions and aliases) each repeated as often as it occurs, so
 * the peer's own term-frequency count sees the same frequencies our store does.
 */
export function analyzedPassageTerms(text: string): string[] {
  const out: string[] = [];
  for (const [term, count] of Object.entries(analyzeForIndex(text).terms)) {
    for (let i = 0; i < count; i++) out.push(term);
  }
  return out;
}

/** The terms our retrieval searches for a question, with the weight it gives each. */
function analyzedQuery(question: string): Array<{ term: string; weight: number }> {
  return planLexicalQuery(question).terms;
}

/**
 * MiniSearch fed our analyzer's terms (tokenize returns them, processTerm keeps them as
 * they are): beside the default MiniSearch row, this separates what the Vietnamese
 * analysis brings from what our store and its scoring bring. Two engines over one index:
 * the query's terms alike, and weighted as our query plan weighs them (kinds, phrasing
 * and aliases down-weighted) through MiniSearch's per-term boost.
 */
export function buildMiniSearchAnalyzed(passages: BenchPassage[]): SearchEngine[] {
  const mini = new MiniSearch<BenchPassage>({
    fields: ["indexText"],
    idField: "id",
    tokenize: analyzedPassageTerms,
    processTerm: (term) => term,
    searchOptions: { tokenize: (q) => analyzedQuery(q).map((t) => t.term), processTerm: (term) => term },
  });
  mini.addAll(passages);
  const byId = new Map(passages.map((p) => [p.id, p]));
  const top = (results: Array<{ id: unknown }>, k: number) =>
    results.slice(0, k).map((r) => byId.get(String(r.id))!);
  return [
    {
      name: "MiniSearch, our analyzer's terms",
      search: (query, k) => top(mini.search(query), k),
    },
    {
      name: "MiniSearch, our terms and query weights",
      search(query, k) {
        const terms = analyzedQuery(query);
        const weights = new Map(terms.map((t) => [t.term, t.weight]));
        return top(
          mini.search(query, {
            tokenize: () => terms.map((t) => t.term),
            boostTerm: (term) => weights.get(term) ?? 1,
          }),
          k,
        );
      },
    },
  ];
}

/**
 * SQLite FTS5 fed our analyzer's terms: a column of the passage's terms joined by spaces
 * (a tokenizer that keeps ':' and '_' inside a token and the marks of `w:` terms), the
 * question's search terms OR-ed, ranked by bm25().
 */
export function buildFts5Analyzed(passages: BenchPassage[]): SearchEngine {
  const db = new Database(":memory:");
  db.exec(
    `CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, terms, tokenize = "unicode61 remove_diacritics 0 tokenchars ':_'")`,
  );
  const insert = db.prepare("INSERT INTO p (id, terms) VALUES (?, ?)");
  db.transaction(() => {
    for (const p of passages) insert.run(p.id, analyzedPassageTerms(p.indexText).join(" "));
  })();
  const byId = new Map(passages.map((p) => [p.id, p]));
  const query = db.prepare("SELECT id FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT ?");
  return {
    name: "SQLite FTS5, our analyzer's terms (bm25)",
    search(text, k) {
      const terms = analyzedQuery(text);
      if (terms.length === 0) return [];
      const match = terms.map((t) => `"${t.term}"`).join(" OR ");
      return (query.all(match, k) as Array<{ id: string }>).map((r) => byId.get(r.id)!);
    },
    close: () => db.close(),
  };
}
