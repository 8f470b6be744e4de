/**
 * `npm run bench -- answers`: the answers the bot gives, not only the passages it finds.
 * The gold files `bench/data/answers-*.jsonl` run on the default corpus plus the 295
 * reform pages (read where they lie, never copied into the repository); declines.jsonl
 * runs on the default corpus alone. Each file is measured through the ask service the
 * CLI uses (default setup, no model), per split (see `goldSplit`): only the tune split's
 * failing questions are listed, the measure split is only counted.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pino } from "pino";
import { syncCorpusDir } from "../src/corpus/corpus-dir.js";
import { createEngine, type Engine } from "../src/engine.js";
import { askGoldQuestion } from "../src/eval/ask-gold.js";
import {
  type EvalFailure,
  type EvalRow,
  type EvalSummary,
  type GoldQuestion,
  type GoldSplit,
  goldSplit,
  judgeRow,
  parseGoldQuestions,
  summarizeBySplit,
  toEvalRow,
} from "../src/eval/gold.js";

const logger = pino({ level: "silent" });
const SPLITS: readonly GoldSplit[] = ["tune", "measure"];

export interface AnswersBenchOptions {
  /** The default corpus (data/corpus). */
  corpusDir: string;
  /** The reform pages' folder; when it does not exist the reform files are skipped. */
  reformDir: string;
  /** Gold files that run on the default corpus plus the reform pages. */
  reformFiles: string[];
  /** Gold files that run on the default corpus alone. */
  defaultFiles: string[];
}

/** One corpus the files ran on. */
export interface AnswersCorpus {
  label: string;
  documents: number;
  chunks: number;
  failed: number;
  build_ms: number;
}

/** One gold file's figures, per split. */
export interface AnswersFileResult {
  file: string;
  corpus: string;
  splits: Record<GoldSplit, EvalSummary>;
}

export interface AnswersBenchResult {
  corpora: AnswersCorpus[];
  files: AnswersFileResult[];
  /** Figures of all reform files together, per split (when there are several). */
  reform_total?: Record<GoldSplit, EvalSummary>;
  /** Why the reform files did not run, when they did not. */
  skipped?: string;
  /** The tune split's failing questions per file (the measure split's are never listed). */
  tune_failures: Record<string, Array<{ id: string; failure: EvalFailure }>>;
}

/** The gold files of this part: `answers-*.jsonl` in a folder, in name order. */
export function answersGoldFiles(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir)
    .filter((name) => /^answers-.+\.jsonl$/.test(name))
    .sort()
    .map((name) => join(dataDir, name));
}

/** A question file's run: its questions and one row each, in file order. */
interface FileRun {
  file: string;
  corpus: string;
  questions: GoldQuestion[];
  rows: EvalRow[];
}

export async function runAnswersBench(options: AnswersBenchOptions): Promise<AnswersBenchResult> {
  const result: AnswersBenchResult = { corpora: [], files: [], tune_failures: {} };
  const runs: FileRun[] = [];

  if (options.defaultFiles.length > 0) {
    const label = "default corpus";
    await withCorpus(label, [options.corpusDir], result, async (engine) => {
      for (const file of options.defaultFiles) runs.push(await runFile(engine, file, label));
    });
  }

  const reformIsDir = existsSync(options.reformDir) && statSync(options.reformDir).isDirectory();
  if (options.reformFiles.length === 0) {
    result.skipped = "no bench/data/answers-*.jsonl file";
  } else if (!reformIsDir) {
    result.skipped = `reform pages not found at ${options.reformDir} (give --reform <dir>)`;
  } else {
    const label = "default corpus + reform pages";
    await withCorpus(label, [options.corpusDir, options.reformDir], result, async (engine) => {
      for (const file of options.reformFiles) runs.push(await runFile(engine, file, label));
    });
  }

  for (const run of runs) {
    result.files.push({
      file: run.file,
      corpus: run.corpus,
      splits: summarizeBySplit(run.questions, run.rows),
    });
    const failures = tuneFailures(run);
    if (failures.length > 0) result.tune_failures[run.file] = failures;
  }
  const reformRuns = runs.filter((r) => options.reformFiles.includes(r.file));
  if (reformRuns.length > 1) {
    result.reform_total = summarizeBySplit(
      reformRuns.flatMap((r) => r.questions),
      reformRuns.flatMap((r) => r.rows),
    );
  }
  return result;
}

/**
 * Builds a fresh embedded store from the folders in a temporary directory, with the
 * engine the CLI builds (no endpoint configured: lexical retrieval, extractive answers),
 * hands it to `use`, then removes it.
 */
async function withCorpus(
  label: string,
  dirs: string[],
  result: AnswersBenchResult,
  use: (engine: Engine) => Promise<void>,
): Promise<void> {
  const storeDir = mkdtempSync(join(tmpdir(), "nhatthe-answers-"));
  const engine = await createEngine({ STORE_DIR: storeDir }, logger);
  try {
    const t0 = performance.now();
    let failed = 0;
    for (const dir of dirs) {
      const summary = await syncCorpusDir({ dir, store: engine.store, indexer: engine.indexer, logger });
      failed += summary.failed.length;
    }
    const stats = await engine.store.stats();
    result.corpora.push({
      label,
      documents: stats.documents,
      chunks: stats.chunks,
      failed,
      build_ms: Math.round(performance.now() - t0),
    });
    await warmUp(engine);
    await use(engine);
  } finally {
    await engine.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
}

/**
 * A running bot has answered questions before: V8 has optimized the code by then. The
 * warm-up asks questions made from the corpus itself (the first words of every n-th
 * passage), never gold ones, so each gold question is timed the first time it is asked.
 */
async function warmUp(engine: Engine, count = 100): Promise<void> {
  const texts: string[] = [];
  for (const doc of await engine.store.listDocuments()) {
    for (const chunk of await engine.store.getChunks(doc.docId)) texts.push(chunk.text);
  }
  const step = Math.max(1, Math.floor(texts.length / count));
  for (let i = 0; i < texts.length; i += step) {
    const question = texts[i]!.split(/\s+/).slice(0, 14).join(" ");
    if (question.trim()) await engine.ask.ask(`${question}?`);
  }
}

async function runFile(engine: Engine, file: string, corpus: string): Promise<FileRun> {
  const questions = parseGoldQuestions(readFileSync(file, "utf8"));
  const rows: EvalRow[] = [];
  for (const q of questions) rows.push(toEvalRow(q.id, (await askGoldQuestion(engine.ask, q)).result));
  return { file, corpus, questions, rows };
}

/** The failing questions of the tune split only: the measure split must not be tuned on. */
function tuneFailures(run: FileRun): Array<{ id: string; failure: EvalFailure }> {
  const rows = new Map(run.rows.map((r) => [r.id, r]));
  const out: Array<{ id: string; failure: EvalFailure }> = [];
  for (const q of run.questions) {
    if (goldSplit(q.id) !== "tune") continue;
    const row = rows.get(q.id);
    const failure = row ? judgeRow(q, row).failure : null;
    if (failure) out.push({ id: q.id, failure });
  }
  return out;
}

/** A table row of one file (or the total) in one split. */
function tableRow(s: EvalSummary): Record<string, number> {
  return {
    answerable: s.answerable,
    unanswerable: s.unanswerable,
    answer_hit: s.answer_hit,
    false_declines: s.false_decline_rate,
    answered_wrong: s.answered_wrong_rate,
    unanswerable_handled: s.unanswerable_handled,
    "R@1": s["recall@1"],
    "R@5": s["recall@5"],
    p50_ms: s.p50_ms,
    p95_ms: s.p95_ms,
  };
}

/** Prints the corpora, a table per split (a row per file), and the tune split's failures. */
export function printAnswersTables(result: AnswersBenchResult): void {
  console.log("\n== answers: answer hit, false declines, answered-but-wrong, unanswerable handled");
  for (const c of result.corpora) {
    console.log(
      `${c.label}: ${c.documents} documents, ${c.chunks} chunks, built in ${c.build_ms} ms${c.failed ? `, ${c.failed} files failed` : ""}`,
    );
  }
  if (result.skipped) console.log(`answers-*.jsonl skipped: ${result.skipped}`);
  for (const split of SPLITS) {
    const table: Record<string, Record<string, number>> = {};
    for (const f of result.files) table[basename(f.file)] = tableRow(f.splits[split]);
    if (result.reform_total) table["all answers-*"] = tableRow(result.reform_total[split]);
    if (Object.keys(table).length === 0) continue;
    console.log(`\nsplit ${split}:`);
    console.table(table);
  }
  const failing = Object.entries(result.tune_failures);
  if (failing.length > 0) {
    console.log("\nfailing questions of the tune split (the measure split's are not listed):");
    for (const [file, failures] of failing) {
      console.log(`  ${basename(file)}: ${failures.map((f) => `${f.id} (${f.failure})`).join(", ")}`);
    }
  }
}
