/**
 * `npm run bench -- scale`: the store at the size of a real archive. The web crawl
 * (`../shared/corpus/vn-crawl-13k.tar.gz`, 13,900 pages, about 150,000 passages; see
 * `vn-crawl-SOURCES.md` beside it) is unpacked into a temporary folder and ingested,
 * behind the default corpus and the reform pages, through the sync the bot runs at start.
 * Measured: ingest throughput and peak RSS, store size, start-up (open + first answer),
 * the full answer path's p50/p95 on the project's gold questions with its cost per stage,
 * and the answer metrics per split with and without the crawl behind them.
 * `--pages N` ingests a deterministic sample of N pages for a quicker run.
 *
 * Peak RSS is sampled during the crawl's ingest, and during the answers with the crawl.
 */

import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pino } from "pino";
import { syncCorpusDir } from "../src/corpus/corpus-dir.js";
import { createEngine, type Engine } from "../src/engine.js";
import { type EvalSummary, type GoldSplit, percentile } from "../src/eval/gold.js";
import { sampleByHash } from "../src/eval/qa-pairs.js";
import { readArchiveAnswers } from "./archive-answers.js";
import {
  type GoldRun,
  runGold,
  splitSummaries,
  type UnanswerableAnswered,
  unanswerableAnswered,
} from "./gold-run.js";
import { unpackCrawl } from "./qa-pairs.js";

const logger = pino({ level: "silent" });

export interface CrawlScaleOptions {
  archive: string;
  /** Pages of the crawl to ingest (all when undefined). */
  pages?: number;
  corpusDir: string;
  reformDir: string;
  /** Gold files asked on every corpus (answers-*.jsonl and declines.jsonl). */
  goldFiles: string[];
  /** What the crawl answers of the gold's unanswerable questions (archive-answers.ts). */
  archiveAnswersFile?: string;
}

interface CorpusFigures {
  documents: number;
  chunks: number;
  failed: number;
}

export interface CrawlScaleResult {
  pages: number;
  ingest: CorpusFigures & {
    crawl_mb: number;
    seconds: number;
    mb_per_s: number;
    peak_rss_mb: number;
    store_mb: number;
  };
  startup_ms: number;
  serving_peak_rss_mb: number;
  with_crawl: GoldFigures;
  /**
   * The compaction a sync that added documents ends with (`cli compact` does the same):
   * the lexical index's segments merged into one, timed on
   * its own (not part of the ingest's throughput), then the gold questions asked again.
   */
  compact: {
    seconds: number;
    segments_before: number;
    segments_after: number;
    peak_rss_mb: number;
    store_mb: number;
  };
  with_crawl_compacted: GoldFigures;
  without_crawl: GoldFigures & CorpusFigures;
  /**
   * With the crawl, per split, over all `answers-*` files: unanswerable questions that got
   * an answer, and how many of those cite crawl pages alone (which may be right: the crawl
   * holds election dates and Tết holidays that the product's corpus does not).
   */
  unanswerable_answered_with_crawl: Record<GoldSplit, UnanswerableAnswered>;
}

interface GoldFigures {
  query_p50_ms: number;
  query_p95_ms: number;
  stages_ms: Record<string, { mean: number; p95: number }>;
  slowest: Array<{ question: string; ms: number }>;
  /** Per gold file and split, plus "all answers-*". */
  answers: Record<string, Record<GoldSplit, EvalSummary>>;
}

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

/**
 * The process's RSS (the parse workers included), sampled every 50 ms from now until
 * `stop()`, which returns the peak in MB: the process's own maximum would count what
 * other parts of the bench did before.
 */
function samplePeakRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024);
    },
  };
}

/**
 * A folder of the chosen pages (all of them, or a deterministic sample): hard links
 * where the file system allows (the sync skips symbolic links), copies otherwise.
 */
function choosePages(pagesDir: string, count: number | undefined, into: string): string[] {
  const all = readdirSync(pagesDir)
    .filter((name) => name.endsWith(".md"))
    .sort();
  const chosen = count === undefined || count >= all.length ? all : sampleByHash(all, (n) => n, count);
  mkdirSync(into, { recursive: true });
  for (const name of chosen) {
    try {
      linkSync(join(pagesDir, name), join(into, name));
    } catch {
      copyFileSync(join(pagesDir, name), join(into, name));
    }
  }
  return chosen;
}

async function sync(engine: Engine, dirs: string[]): Promise<CorpusFigures> {
  let failed = 0;
  for (const dir of dirs) {
    const summary = await syncCorpusDir({ dir, store: engine.store, indexer: engine.indexer, logger });
    failed += summary.failed.length;
  }
  const stats = await engine.store.stats();
  return { documents: stats.documents, chunks: stats.chunks, failed };
}

function goldFigures(runs: GoldRun[]): GoldFigures {
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const stages: Record<string, number[]> = {};
  for (const run of runs) {
    for (const costs of run.stages) {
      for (const [stage, ms] of Object.entries(costs)) {
        const list = stages[stage] ?? [];
        list.push(ms);
        stages[stage] = list;
      }
    }
  }
  const stagesMs: GoldFigures["stages_ms"] = {};
  for (const [stage, list] of Object.entries(stages)) {
    list.sort((a, b) => a - b);
    const mean =
      list.reduce((s, x) => s + x, 0) /
      Math.max(
        1,
        runs.reduce((s, r) => s + r.times.length, 0),
      );
    stagesMs[stage] = { mean: Math.round(mean * 100) / 100, p95: percentile(list, 0.95) };
  }
  const slowest = runs
    .flatMap((r) => r.questions.map((q, i) => ({ question: q.question, ms: Math.round(r.times[i]!) })))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return {
    query_p50_ms: percentile(times, 0.5),
    query_p95_ms: percentile(times, 0.95),
    stages_ms: stagesMs,
    slowest,
    answers: splitSummaries(runs),
  };
}

export async function runCrawlScale(options: CrawlScaleOptions): Promise<CrawlScaleResult> {
  const crawl = unpackCrawl(options.archive);
  const work = mkdtempSync(join(tmpdir(), "nhatthe-crawl-scale-"));
  try {
    const pagesDir = join(work, "pages");
    const pages = choosePages(crawl.pagesDir, options.pages, pagesDir);
    const crawlBytes = pages.reduce((s, name) => s + statSync(join(crawl.pagesDir, name)).size, 0);
    const storeDir = join(work, "store");
    mkdirSync(storeDir);

    // With the crawl: the product's corpus first, then the crawl, timed on its own.
    let engine = await createEngine({ STORE_DIR: storeDir }, logger);
    await sync(engine, [options.corpusDir, options.reformDir]);
    const ingestRss = samplePeakRss();
    const t0 = performance.now();
    const ingested = await sync(engine, [pagesDir]);
    const seconds = (performance.now() - t0) / 1000;
    const ingestPeak = ingestRss.stop();
    await engine.close();
    const storeBytes = folderBytes(storeDir);

    const servingRss = samplePeakRss();
    const s0 = performance.now();
    engine = await createEngine({ STORE_DIR: storeDir }, logger);
    await engine.ask.ask("Nghị quyết 18 về sắp xếp tổ chức bộ máy yêu cầu gì?");
    const startupMs = Math.round(performance.now() - s0);
    let withCrawl: GoldFigures;
    let unanswered: Record<GoldSplit, UnanswerableAnswered>;
    try {
      const runs = await runGold(engine, options.goldFiles);
      withCrawl = goldFigures(runs);
      unanswered = unanswerableAnswered(
        runs.filter((r) => basename(r.file).startsWith("answers-")),
        new Set(pages),
        options.archiveAnswersFile === undefined ? new Map() : readArchiveAnswers(options.archiveAnswersFile),
      );
    } finally {
      await engine.close();
    }
    const servingPeak = servingRss.stop();

    // Compacted, as the corpus service does after a sync that added documents (here the
    // folder is synced below the service, so the step is timed on its own).
    const compactRss = samplePeakRss();
    engine = await createEngine({ STORE_DIR: storeDir }, logger);
    const c0 = performance.now();
    const segments = await engine.store.compactIndex!();
    const compactSeconds = (performance.now() - c0) / 1000;
    await engine.close();
    const compactPeak = compactRss.stop();
    const compactedBytes = folderBytes(storeDir);
    engine = await createEngine({ STORE_DIR: storeDir }, logger);
    let withCrawlCompacted: GoldFigures;
    try {
      withCrawlCompacted = goldFigures(await runGold(engine, options.goldFiles));
    } finally {
      await engine.close();
    }

    // Without it: the same questions on the product's corpus alone.
    const baseDir = join(work, "base");
    mkdirSync(baseDir);
    const base = await createEngine({ STORE_DIR: baseDir }, logger);
    let withoutCrawl: GoldFigures & CorpusFigures;
    try {
      const figures = await sync(base, [options.corpusDir, options.reformDir]);
      withoutCrawl = { ...figures, ...goldFigures(await runGold(base, options.goldFiles)) };
    } finally {
      await base.close();
    }
    return {
      pages: pages.length,
      ingest: {
        ...ingested,
        crawl_mb: mb(crawlBytes),
        seconds: Math.round(seconds * 10) / 10,
        mb_per_s: Math.round((crawlBytes / 1024 / 1024 / seconds) * 100) / 100,
        peak_rss_mb: ingestPeak,
        store_mb: mb(storeBytes),
      },
      startup_ms: startupMs,
      serving_peak_rss_mb: servingPeak,
      with_crawl: withCrawl,
      compact: {
        seconds: Math.round(compactSeconds * 10) / 10,
        segments_before: segments.segmentsBefore,
        segments_after: segments.segmentsAfter,
        peak_rss_mb: compactPeak,
        store_mb: mb(compactedBytes),
      },
      with_crawl_compacted: withCrawlCompacted,
      without_crawl: withoutCrawl,
      unanswerable_answered_with_crawl: unanswered,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
    crawl.remove();
  }
}

const ROW_FIGURES = ["answer_hit", "false_decline_rate", "unanswerable_handled", "recall@5"] as const;

export function printCrawlScale(result: CrawlScaleResult): void {
  const i = result.ingest;
  console.log(
    `\n== scale on the crawl: ${result.pages} pages (${i.crawl_mb} MB) behind the default corpus and the reform pages`,
  );
  console.table({
    ingest: {
      documents: i.documents,
      chunks: i.chunks,
      failed: i.failed,
      seconds: i.seconds,
      "MB/s": i.mb_per_s,
      "peak RSS MB": i.peak_rss_mb,
      "store MB": i.store_mb,
    },
  });
  console.log(
    `start-up (open the store + first answer): ${result.startup_ms} ms; peak RSS after answering: ${result.serving_peak_rss_mb} MB`,
  );
  const c = result.compact;
  console.log(
    `compact (after a sync that added documents, or cli compact): ${c.segments_before} → ${c.segments_after} segments in ${c.seconds} s, peak RSS ${c.peak_rss_mb} MB, store ${c.store_mb} MB`,
  );
  // The sync as the bot and the command line run it: the ingest, then its compaction.
  const endToEnd = i.seconds + c.seconds;
  console.log(
    `sync with its compaction: ${Math.round(endToEnd * 10) / 10} s, ${Math.round((i.crawl_mb / endToEnd) * 100) / 100} MB/s`,
  );
  const query: Record<string, Record<string, number>> = {};
  for (const [label, g] of [
    ["with crawl", result.with_crawl],
    ["with crawl, compacted", result.with_crawl_compacted],
    ["without crawl", result.without_crawl],
  ] as const) {
    query[label] = { p50_ms: g.query_p50_ms, p95_ms: g.query_p95_ms };
    for (const [stage, cost] of Object.entries(g.stages_ms)) query[label][`${stage} mean`] = cost.mean;
  }
  console.log("full answer path on the gold questions (ms; stage means per question):");
  console.table(query);
  console.log("slowest with the crawl:", result.with_crawl.slowest);
  for (const split of ["tune", "measure"] as const) {
    const table: Record<string, Record<string, number>> = {};
    for (const [file, splits] of Object.entries(result.with_crawl.answers)) {
      const without = result.without_crawl.answers[file]![split];
      const withC = splits[split];
      const row: Record<string, number> = { n: withC.n };
      for (const figure of ROW_FIGURES) {
        row[`${figure} without`] = without[figure];
        row[`${figure} with`] = withC[figure];
      }
      table[basename(file)] = row;
    }
    console.log(`\nsplit ${split}: without → with the crawl`);
    console.table(table);
    const u = result.unanswerable_answered_with_crawl[split];
    console.log(
      `all answers-*, ${split}: ${u.answered} of ${u.unanswerable} unanswerable questions answered with the crawl, ${u.only_from} of them citing crawl pages alone`,
    );
    console.log(
      `  a crawl page answers ${u.archive_answers} of the ${u.unanswerable} (bench/data/archive-answers.jsonl); ${u.right_from_archive} of the bot's answers hold its answer. Handled, counting those: ${u.handled_counting_archive}`,
    );
  }
}
