/**
 * `npx tsx bench/learn-ranker.ts [--reform <dir>] [--crawl <archive>] [--crawl-pages N]
 * [--l2 x] [--write]`: learns the sentence ranker's weights (src/answer/sentence-ranker.ts)
 * from the TUNE split of the answer gold files only (`goldSplit`; the measure split is
 * never read here) and the tune pairs of N crawl pages (1,500 by default; 0 for none),
 * each asked within its own page, a candidate right when it comes from the pair's answer
 * section (`locateQuote`). Each gold question is asked
 * through the engine the CLI builds (default corpus for declines.jsonl; default corpus
 * and the reform pages for answers-*.jsonl, as the answers bench runs them); the
 * composer's candidates are collected through `rankerTrace`, and a candidate is positive
 * when it holds one of the question's expected phrases. Prints the lead accuracy by
 * 5-fold cross-validation (the composer's order against the learned one), on the gold
 * questions and on the crawl's pairs; with --write, learns on both and writes
 * src/answer/sentence-ranker-model.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { RANKER_FEATURES, type RankerTraceRow, rankerTrace } from "../src/answer/sentence-ranker.js";
import { syncCorpusDir } from "../src/corpus/corpus-dir.js";
import { createEngine } from "../src/engine.js";
import { answerContainsAll, type GoldQuestion, goldSplit, parseGoldQuestions } from "../src/eval/gold.js";
import { sampleByHash } from "../src/eval/qa-pairs.js";
import { locateQuote, matchKey, pairSplit } from "../src/eval/qa-score.js";
import {
  crossValidate,
  DEFAULT_TRAINING,
  leadIsRight,
  learnableGroups,
  type RankingGroup,
  trainRanker,
} from "../src/eval/ranker-training.js";
import { sha256 } from "../src/hash.js";
import { docIdForSource } from "../src/ingest/index-chunks.js";
import { answersGoldFiles } from "./answers.js";
import { DEFAULT_CRAWL_ARCHIVE, readCrawlPairs, unpackCrawl } from "./qa-pairs.js";

const OUTPUT = "src/answer/sentence-ranker-model.ts";
const FOLDS = 5;
const logger = pino({ level: "silent" });

const { values } = parseArgs({
  options: {
    reform: { type: "string", default: "../shared/corpus/reform" },
    write: { type: "boolean", default: false },
    l2: { type: "string" },
    "crawl-pages": { type: "string", default: "1500" },
    crawl: { type: "string", default: DEFAULT_CRAWL_ARCHIVE },
  },
});

/** The tune questions of a gold file that set expected phrases. */
function tuneQuestions(file: string): GoldQuestion[] {
  return parseGoldQuestions(readFileSync(file, "utf8")).filter(
    (q) => goldSplit(q.id) === "tune" && q.answerable && q.answer_any.length + q.answer_contains.length > 0,
  );
}

/** Asks each question on a fresh store of `dirs` and returns its candidates as groups. */
async function collect(dirs: string[], questions: GoldQuestion[]): Promise<RankingGroup[]> {
  const storeDir = mkdtempSync(join(tmpdir(), "nhatthe-ranker-"));
  const engine = await createEngine({ STORE_DIR: storeDir }, logger);
  const groups: RankingGroup[] = [];
  try {
    for (const dir of dirs)
      await syncCorpusDir({ dir, store: engine.store, indexer: engine.indexer, logger });
    for (const q of questions) {
      const rows: RankerTraceRow[] = [];
      rankerTrace.observe = (row) => rows.push(row);
      await engine.ask.ask(q.question);
      rankerTrace.observe = undefined;
      // A question asked in parts is composed once a part: each part a group.
      rows.forEach((row, i) => {
        groups.push({
          id: `${q.id}#${i}`,
          candidates: row.candidates.map((c) => ({
            features: c.features,
            answers: c.answers,
            positive: answerContainsAll(q, c.text),
          })),
        });
      });
    }
  } finally {
    await engine.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
  return groups;
}

/**
 * The crawl's legal Q&A pages (a sample of `pages`), each tune-split pair asked within its
 * own page: a candidate is positive when it comes from the pair's answer section.
 */
async function collectCrawl(pages: number): Promise<RankingGroup[]> {
  const crawl = unpackCrawl(values.crawl);
  const work = mkdtempSync(join(tmpdir(), "nhatthe-ranker-crawl-"));
  const engine = await createEngine({ STORE_DIR: join(work, "store") }, logger);
  const groups: RankingGroup[] = [];
  try {
    const all = readCrawlPairs(crawl.pagesDir);
    const names = sampleByHash([...all.texts.keys()], (name) => name, pages);
    const corpusDir = join(work, "corpus");
    mkdirSync(corpusDir);
    for (const name of names) writeFileSync(join(corpusDir, name), all.texts.get(name)!);
    await syncCorpusDir({ dir: corpusDir, store: engine.store, indexer: engine.indexer, logger });
    const chosen = new Set(names);
    const pairs = all.pairs.filter(
      (p) => chosen.has(p.source) && p.questionCount === 1 && pairSplit(p.id) === "tune",
    );
    for (const pair of pairs) {
      const texts = {
        answer: matchKey(pair.answer),
        heading: matchKey(pair.question),
        page: matchKey(all.texts.get(pair.source)!),
      };
      const rows: RankerTraceRow[] = [];
      rankerTrace.observe = (row) => rows.push(row);
      await engine.ask.ask(pair.question, { filter: { docIds: [docIdForSource(pair.source)] } });
      rankerTrace.observe = undefined;
      for (const row of rows.slice(0, 1))
        groups.push({
          id: `crawl:${pair.id}`,
          candidates: row.candidates.map((c) => ({
            features: c.features,
            answers: c.answers,
            positive: locateQuote(c.text, texts) === "answer",
          })),
        });
    }
  } finally {
    await engine.close();
    crawl.remove();
    rmSync(work, { recursive: true, force: true });
  }
  return groups;
}

const files = answersGoldFiles("bench/data");
const groups = [
  ...(await collect(["data/corpus"], tuneQuestions("bench/data/declines.jsonl"))),
  ...(await collect(["data/corpus", values.reform], files.flatMap(tuneQuestions))),
];
const crawlPages = Number(values["crawl-pages"]);
const crawlGroups = crawlPages > 0 ? await collectCrawl(crawlPages) : [];
const options = { ...DEFAULT_TRAINING, ...(values.l2 ? { l2: Number(values.l2) } : {}) };
// Folds by question, so that the parts of one question stay together.
const foldOf = (id: string) => Number.parseInt(sha256(id.split("#")[0]!).slice(0, 8), 16) % FOLDS;
const withAnswer = groups.filter((g) => g.candidates.some((c) => c.positive));
const crawlWithAnswer = crawlGroups.filter((g) => g.candidates.some((c) => c.positive));
const report = (label: string, cv: ReturnType<typeof crossValidate>) =>
  console.log(
    `${label}: ${cv.questions} questions with a candidate holding the answer; lead right, ` +
      `${FOLDS}-fold: composer's order ${cv.given.toFixed(3)}, learned ${cv.learned.toFixed(3)}`,
  );
report("gold tune questions", crossValidate(withAnswer, RANKER_FEATURES.length, FOLDS, foldOf, options));
if (crawlWithAnswer.length > 0) {
  report("crawl tune pairs", crossValidate(crawlWithAnswer, RANKER_FEATURES.length, FOLDS, foldOf, options));
  // Learned on the crawl alone, judged on every gold tune question: does it carry over?
  const fromCrawl = trainRanker(learnableGroups(crawlWithAnswer), RANKER_FEATURES.length, options);
  const carried = withAnswer.filter((g) => leadIsRight(g, fromCrawl)).length / Math.max(1, withAnswer.length);
  console.log(`learned on the crawl only, gold tune lead right: ${carried.toFixed(3)}`);
  report(
    "gold tune questions, the crawl's pairs learned with the other folds",
    crossValidate(withAnswer, RANKER_FEATURES.length, FOLDS, foldOf, options, crawlWithAnswer),
  );
}
const weights = trainRanker(
  learnableGroups([...withAnswer, ...crawlWithAnswer]),
  RANKER_FEATURES.length,
  options,
);
console.table(RANKER_FEATURES.map((name, i) => ({ feature: name, weight: Number(weights[i]!.toFixed(3)) })));
if (values.write) {
  const model = { features: [...RANKER_FEATURES], weights: weights.map((w) => Number(w.toFixed(4))) };
  writeFileSync(
    OUTPUT,
    `/*
 * Written by \`npx tsx bench/learn-ranker.ts --write\`: the sentence ranker's weights
 * (src/answer/sentence-ranker.ts), learned on the tune split of the answer gold files
 * (${withAnswer.length} questions) and the tune pairs of ${crawlPages} crawl pages
 * (${crawlWithAnswer.length} pairs), l2 ${options.l2}. Do not edit by hand; learn again instead.
 */
import type { RankerModel } from "./sentence-ranker.js";

export const LEARNED_RANKER: RankerModel = ${JSON.stringify(model, null, 2)};
`,
  );
  console.log(`written: ${OUTPUT}`);
}
