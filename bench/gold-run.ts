/**
 * The project's gold files asked through an engine's ask service, one question after
 * another, each timed (the full answer path) with its cost per stage, and summarized per
 * split (see `goldSplit`): the measure split is only counted, never tuned on.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { StageTimings } from "../src/answer/ask-service.js";
import type { Engine } from "../src/engine.js";
import {
  type EvalRow,
  type EvalSummary,
  type GoldQuestion,
  type GoldSplit,
  parseGoldQuestions,
  summarizeBySplit,
  toEvalRow,
} from "../src/eval/gold.js";

export interface GoldRun {
  file: string;
  questions: GoldQuestion[];
  rows: EvalRow[];
  /** Each question's full answer path, ms, in file order. */
  times: number[];
  /** Each question's cost per stage, ms, in file order. */
  stages: StageTimings[];
}

/**
 * A running bot has answered questions before: V8 has optimized the code by then. The
 * warm-up asks questions made from the corpus itself (the first words of every n-th
 * document's first passage), never gold ones.
 */
export async function warmUpEngine(engine: Engine, count = 100): Promise<void> {
  const docs = await engine.store.listDocuments();
  const step = Math.max(1, Math.floor(docs.length / count));
  for (let i = 0; i < docs.length; i += step) {
    const [first] = await engine.store.getChunks(docs[i]!.docId);
    const question = first?.text.split(/\s+/).slice(0, 14).join(" ");
    if (question?.trim()) await engine.ask.ask(`${question}?`);
  }
}

export async function runGold(engine: Engine, files: string[]): Promise<GoldRun[]> {
  await warmUpEngine(engine);
  const runs: GoldRun[] = [];
  for (const file of files) {
    const questions = parseGoldQuestions(readFileSync(file, "utf8"));
    const run: GoldRun = { file, questions, rows: [], times: [], stages: [] };
    for (const q of questions) {
      const timings: StageTimings = {};
      const t0 = performance.now();
      const result = await engine.ask.ask(q.question, { timings });
      run.times.push(performance.now() - t0);
      run.stages.push(timings);
      run.rows.push(toEvalRow(q.id, result));
    }
    runs.push(run);
  }
  return runs;
}

/** Per file, and all `answers-*` files together (the figure the answers bench reports). */
export function splitSummaries(runs: GoldRun[]): Record<string, Record<GoldSplit, EvalSummary>> {
  const out: Record<string, Record<GoldSplit, EvalSummary>> = {};
  for (const run of runs) out[run.file] = summarizeBySplit(run.questions, run.rows);
  const answers = runs.filter((r) => basename(r.file).startsWith("answers-"));
  if (answers.length > 1) {
    out["all answers-*"] = summarizeBySplit(
      answers.flatMap((r) => r.questions),
      answers.flatMap((r) => r.rows),
    );
  }
  return out;
}
