/**
 * Question-and-answer pairs of the web crawl (`../shared/corpus/vn-crawl-13k.tar.gz`,
 * described in `vn-crawl-SOURCES.md` beside it): legal Q&A pages ask a question in a
 * heading and answer it in the section below. This part of the bench
 *
 * - extracts the pairs (`tsx bench/qa-pairs.ts [archive]` prints the counts), and
 * - measures answer selection (`npm run bench -- qa-pairs`): a deterministic sample of
 *   pages is ingested into an embedded store through the project's own ingest, and a
 *   deterministic sample of their pairs is asked through the engine's ask service (the
 *   one the CLI and the bot use), each restricted to its page. An answer is right when
 *   its first quoted sentence comes from that pair's answer section; quoting the heading
 *   back or another part of the page is not. Headings that ask more than one question
 *   are left out of the scored sample (their answer spans several sections).
 *
 * The crawl is never copied into the repository: it is unpacked into a temporary
 * folder for the run and removed after.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { syncCorpusDir } from "../src/corpus/corpus-dir.js";
import { createEngine, type Engine } from "../src/engine.js";
import {
  extractQaPage,
  type QaPair,
  QUESTION_TYPES,
  type QuestionType,
  sampleByHash,
} from "../src/eval/qa-pairs.js";
import { judgeAnswer, matchKey, type PairOutcome, pairSplit, scoreRows } from "../src/eval/qa-score.js";
import { docIdForSource } from "../src/ingest/index-chunks.js";

/**
 * The crawl, next to the repository (`../shared/corpus/` from its root, never copied
 * into it); `--crawl <archive>` overrides.
 */
export const DEFAULT_CRAWL_ARCHIVE = join(
  fileURLToPath(new URL("..", import.meta.url)),
  "..",
  "shared",
  "corpus",
  "vn-crawl-13k.tar.gz",
);

/** What the measurement samples: pages ingested, pairs asked. */
export interface QaPairsOptions {
  archive: string;
  pages: number;
  pairs: number;
}

export const DEFAULT_QA_PAIRS_OPTIONS: QaPairsOptions = {
  archive: DEFAULT_CRAWL_ARCHIVE,
  pages: 1500,
  pairs: 2000,
};

/** This part's options from the bench's `--crawl <archive> --pages N --pairs N` (each optional). */
export function qaPairsOptions(values: { crawl?: string; pages?: string; pairs?: string }): QaPairsOptions {
  const count = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`--${name} takes a positive whole number, not ${value}`);
    return n;
  };
  return {
    archive: values.crawl ?? DEFAULT_CRAWL_ARCHIVE,
    pages: count("pages", values.pages, DEFAULT_QA_PAIRS_OPTIONS.pages),
    pairs: count("pairs", values.pairs, DEFAULT_QA_PAIRS_OPTIONS.pairs),
  };
}

/** The unpacked crawl in a temporary folder; `remove` deletes it. */
export interface UnpackedCrawl {
  /** The folder holding the pages (`vn-crawl/` inside the archive). */
  pagesDir: string;
  remove(): void;
}

/** Unpacks the archive with the system's tar into a new temporary folder. */
export function unpackCrawl(archive: string): UnpackedCrawl {
  if (!existsSync(archive)) {
    throw new Error(`crawl archive not found: ${archive} (pass --crawl <path to vn-crawl-13k.tar.gz>)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "nhatthe-crawl-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const tar = spawnSync("tar", ["-xzf", archive, "-C", dir], { encoding: "utf8" });
  if (tar.status !== 0) {
    remove();
    throw new Error(`tar could not unpack ${archive}: ${tar.error?.message ?? tar.stderr}`);
  }
  const inner = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
  const pagesDir = inner.length === 1 ? join(dir, inner[0]!.name) : dir;
  return { pagesDir, remove };
}

/** Every pair of the crawl, with what extraction counted on the way. */
export interface CrawlPairs {
  /** Markdown files read. */
  files: number;
  /** Pages with at least one pair (the legal Q&A pages). */
  pages: number;
  questionHeadings: number;
  repeated: number;
  unanswered: number;
  pairs: QaPair[];
  /** The Markdown of each page with pairs, by file name. */
  texts: Map<string, string>;
}

/** Reads every `.md` page of a folder (in name order) and extracts its pairs. */
export function readCrawlPairs(pagesDir: string): CrawlPairs {
  const out: CrawlPairs = {
    files: 0,
    pages: 0,
    questionHeadings: 0,
    repeated: 0,
    unanswered: 0,
    pairs: [],
    texts: new Map(),
  };
  const names = readdirSync(pagesDir)
    .filter((name) => name.endsWith(".md"))
    .sort();
  for (const name of names) {
    const markdown = readFileSync(join(pagesDir, name), "utf8");
    out.files++;
    const page = extractQaPage(markdown, name);
    out.questionHeadings += page.questionHeadings;
    out.repeated += page.repeated;
    out.unanswered += page.unanswered;
    if (page.pairs.length === 0) continue;
    out.pages++;
    out.pairs.push(...page.pairs);
    out.texts.set(name, markdown);
  }
  return out;
}

/** Pairs per question type, every type listed. */
export function countByType(pairs: readonly QaPair[]): Record<QuestionType, number> {
  const counts = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>;
  for (const pair of pairs) counts[pair.type]++;
  return counts;
}

/** The extraction's counts, as the report and latest.json give them. */
export function extractionSummary(crawl: CrawlPairs): Record<string, unknown> {
  return {
    files: crawl.files,
    pages: crawl.pages,
    question_headings: crawl.questionHeadings,
    pairs: crawl.pairs.length,
    repeated_headings: crawl.repeated,
    headings_without_answer: crawl.unanswered,
    multi_question_headings: crawl.pairs.filter((p) => p.questionCount > 1).length,
    by_type: countByType(crawl.pairs),
  };
}

/** A few failing tune pairs per type, for reading: never measure pairs. */
const EXAMPLES_PER_TYPE = 3;

/** What asking the sampled pairs gave. */
interface Asked {
  pagesFailed: number;
  chunks: number;
  ingestMs: number;
  pairs: QaPair[];
  judged: Array<{ groups: string[]; outcome: PairOutcome }>;
  examples: Array<Record<string, string>>;
  times: number[];
}

/**
 * Ingests the sampled pages (a folder of them) into the engine's store as the CLI's
 * corpus sync does, then asks a sample of their single-question pairs, each within its
 * own page, and judges every answer.
 */
async function askPairs(
  engine: Engine,
  corpusDir: string,
  all: CrawlPairs,
  pages: readonly string[],
  count: number,
): Promise<Asked> {
  const i0 = performance.now();
  const sync = await syncCorpusDir({ dir: corpusDir, store: engine.store, indexer: engine.indexer });
  const ingestMs = performance.now() - i0;
  const failed = new Set(sync.failed.map((f) => basename(f.file)));
  const ingested = new Set(pages.filter((name) => !failed.has(name)));
  // A heading asking two things ("Có bị phạt không? Phạt bao nhiêu?") is answered by its
  // section and by the sections after it: not a pair with one answer region to score.
  const candidates = all.pairs.filter((pair) => ingested.has(pair.source) && pair.questionCount === 1);
  const pairs = sampleByHash(candidates, (pair) => pair.id, count);

  const asked: Asked = {
    pagesFailed: sync.failed.length,
    chunks: (await engine.store.stats()).chunks,
    ingestMs,
    pairs,
    judged: [],
    examples: [],
    times: [],
  };
  const shownPerType = new Map<QuestionType, number>();
  const pageKeys = new Map<string, string>();
  for (const pair of pairs) {
    const page = pageKeys.get(pair.source) ?? matchKey(all.texts.get(pair.source)!);
    pageKeys.set(pair.source, page);
    let outcome: PairOutcome;
    let answer: string;
    try {
      const t0 = performance.now();
      const result = await engine.ask.ask(pair.question, {
        filter: { docIds: [docIdForSource(pair.source)] },
      });
      asked.times.push(performance.now() - t0);
      answer = result.answer;
      outcome = judgeAnswer(result, {
        answer: matchKey(pair.answer),
        heading: matchKey(pair.question),
        page,
      });
    } catch (error) {
      outcome = "error";
      answer = String(error);
    }
    const split = pairSplit(pair.id);
    asked.judged.push({ groups: [pair.type, "all", split], outcome });
    const shown = shownPerType.get(pair.type) ?? 0;
    if (outcome !== "answer" && split === "tune" && shown < EXAMPLES_PER_TYPE) {
      shownPerType.set(pair.type, shown + 1);
      asked.examples.push({
        id: pair.id,
        type: pair.type,
        outcome,
        question: pair.question,
        answer: answer.slice(0, 300),
      });
    }
  }
  return asked;
}

/** Runs the measurement (see the module comment); prints a table and returns the results. */
export async function runQaPairsBench(
  options: QaPairsOptions = DEFAULT_QA_PAIRS_OPTIONS,
): Promise<Record<string, unknown>> {
  const started = performance.now();
  const crawl = unpackCrawl(options.archive);
  const work = mkdtempSync(join(tmpdir(), "nhatthe-qa-pairs-"));
  try {
    const all = readCrawlPairs(crawl.pagesDir);
    const extractMs = performance.now() - started;
    const pages = sampleByHash([...all.texts.keys()], (name) => name, options.pages);
    const corpusDir = join(work, "corpus");
    mkdirSync(corpusDir);
    for (const name of pages) writeFileSync(join(corpusDir, name), all.texts.get(name)!);
    crawl.remove();

    // The engine the CLI builds (store, retriever, ask service), on a store of its own.
    const engine = await createEngine({ STORE_DIR: join(work, "store") }, pino({ level: "silent" }));
    let asked: Asked;
    try {
      asked = await askPairs(engine, corpusDir, all, pages, options.pairs);
    } finally {
      await engine.close();
    }
    const rows = scoreRows(asked.judged, [...QUESTION_TYPES, "all", "tune", "measure"]).filter(
      (r) => r.n > 0,
    );
    const times = [...asked.times].sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 10) / 10;
    const out = {
      archive: basename(options.archive),
      extraction: extractionSummary(all),
      sample: {
        pages: pages.length,
        pages_failed: asked.pagesFailed,
        chunks: asked.chunks,
        pairs: asked.pairs.length,
        by_type: countByType(asked.pairs),
      },
      scores: rows,
      ask_p50_ms: at(0.5),
      ask_p95_ms: at(0.95),
      extract_ms: Math.round(extractMs),
      ingest_ms: Math.round(asked.ingestMs),
      total_s: Math.round((performance.now() - started) / 100) / 10,
      tune_examples: asked.examples,
    };
    console.log(
      `\n== qa-pairs: ${all.pairs.length} pairs in ${all.pages} Q&A pages of ${all.files}; asked ${asked.pairs.length} pairs of ${pages.length} sampled pages (${asked.chunks} chunks), each within its page`,
    );
    console.log("right: the first quoted sentence comes from the pair's answer section");
    console.table(rows);
    console.log(
      `extract ${out.extract_ms} ms, ingest ${out.ingest_ms} ms, ask p50 ${out.ask_p50_ms} ms / p95 ${out.ask_p95_ms} ms, total ${out.total_s} s`,
    );
    return out;
  } finally {
    crawl.remove();
    rmSync(work, { recursive: true, force: true });
  }
}

/** `tsx bench/qa-pairs.ts [archive]`: the extraction's counts only, no store. */
async function printCounts(archive: string): Promise<void> {
  const t0 = performance.now();
  const crawl = unpackCrawl(archive);
  try {
    const summary = extractionSummary(readCrawlPairs(crawl.pagesDir));
    console.log(JSON.stringify(summary, null, 2));
    console.log(`${Math.round(performance.now() - t0)} ms`);
  } finally {
    crawl.remove();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printCounts(process.argv[2] ?? DEFAULT_CRAWL_ARCHIVE).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
