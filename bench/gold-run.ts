/**
 * The project's gold files asked through an engine's ask service, one question after
 * another, each timed (the full answer path) with its cost per stage, and summarized per
 * split (see `goldSplit`): the measure split is only counted, never tuned on.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { StageTimings } from "../src/answer/ask-service.js";
import type { Engine } from "../src/engine.js";
import { askGoldQuestion } from "../src/eval/ask-gold.js";
import {
  type EvalRow,
  type EvalSummary,
  type GoldQuestion,
  type GoldSplit,
  goldSplit,
  judgeRow,
  parseGoldQuestions,
  ratio,
  summarizeBySplit,
  toEvalRow,
} from "../src/eval/gold.js";
import { type ArchiveAnswer, answersFromArchive } from "./archive-answers.js";

export interface GoldRun {
  file: string;
  questions: GoldQuestion[];
  rows: EvalRow[];
  /** Each question's full answer path, ms, in file order. */
  times: number[];
  /** Each question's cost per stage, ms, in file order. */
  stages: StageTimings[];
  /** The sources each answer cites, in file order (none for a decline). */
  cited: string[][];
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
    const run: GoldRun = { file, questions, rows: [], times: [], stages: [], cited: [] };
    for (const q of questions) {
      const timings: StageTimings = {};
      const { result, ms } = await askGoldQuestion(engine.ask, q, { timings });
      run.times.push(ms);
      run.stages.push(timings);
      run.rows.push(toEvalRow(q.id, result));
      run.cited.push(result.citations.map((c) => c.source));
    }
    runs.push(run);
  }
  return runs;
}

/** Unanswerable questions that got an answer, and how many of those cite only `onlyFrom`'s sources. */
export interface UnanswerableAnswered {
  unanswerable: number;
  answered: number;
  /** Answered citing none but `onlyFrom`'s sources (with the crawl: answered from crawl pages alone). */
  only_from: number;
  /** Of the answered, those the archive's labels hold right (see archive-answers.ts). */
  right_from_archive: number;
  /** The archive answers the question, by its labels (answered or not). */
  archive_answers: number;
  /** Declined, met with a conversational reply, or answered rightly from the archive (share). */
  handled_counting_archive: number;
}

/**
 * Per split, over the runs given: the gold's "unanswerable" means the product's corpus
 * does not answer; behind a 14,000-page archive some are answered from it, rightly or
 * not, and an answer citing only the archive's pages is told apart from one citing the
 * corpus the gold was written on (which is wrong by the gold's own word).
 */
export function unanswerableAnswered(
  runs: readonly GoldRun[],
  onlyFrom: ReadonlySet<string>,
  archiveAnswers: ReadonlyMap<string, ArchiveAnswer> = new Map(),
): Record<GoldSplit, UnanswerableAnswered> {
  const empty = (): UnanswerableAnswered => ({
    unanswerable: 0,
    answered: 0,
    only_from: 0,
    right_from_archive: 0,
    archive_answers: 0,
    handled_counting_archive: 0,
  });
  const out: Record<GoldSplit, UnanswerableAnswered> = { tune: empty(), measure: empty() };
  for (const run of runs) {
    run.questions.forEach((q, i) => {
      if (q.answerable) return;
      const figures = out[goldSplit(q.id)];
      const label = archiveAnswers.get(q.id);
      figures.unanswerable++;
      if (label?.crawl_answers) figures.archive_answers++;
      if (!judgeRow(q, run.rows[i]!).answered) return;
      figures.answered++;
      const cited = run.cited[i] ?? [];
      if (cited.length > 0 && cited.every((source) => onlyFrom.has(source))) figures.only_from++;
      if (answersFromArchive(label, run.rows[i]!.answer)) figures.right_from_archive++;
    });
  }
  for (const figures of Object.values(out)) {
    const handled = figures.unanswerable - figures.answered + figures.right_from_archive;
    figures.handled_counting_archive = ratio(handled, figures.unanswerable, 0);
  }
  return out;
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
