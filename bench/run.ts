/**
 * `npm run bench`: retrieval quality and speed on ALQAC and on the project's own gold
 * questions, against MiniSearch and SQLite FTS5 on the same chunks; the answers to the
 * gold files on the reform pages (`answers`, see answers.ts; `--reform <dir>` where the
 * pages lie); hostile uploads while a cadre asks (`hostile`, see hostile.ts); a
 * synthetic scale-up to 100k chunks. Prints a table and writes
 * bench/results/latest.json. Parts by name: `npm run bench -- alqac answers`; also
 * `official` (matching official answers), `chart` (/thongke's chart), `relations`
 * (what documents say of one another, precision on labelled documents) and `ocr` (a
 * 10-page scan: seconds and character accuracy).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { createAskService } from "../src/answer/ask-service.js";
import { syncCorpusDir } from "../src/corpus/corpus-dir.js";
import { askGoldQuestion } from "../src/eval/ask-gold.js";
import {
  firstHitRank,
  type GoldQuestion,
  parseGoldQuestions,
  percentile,
  summarize,
  toEvalRow,
} from "../src/eval/gold.js";
import { createIndexer } from "../src/ingest/indexer.js";
import { createRetriever } from "../src/retrieval/retriever.js";
import { openEmbeddedStore } from "../src/store/embedded-store.js";
import type { DocumentStore } from "../src/store/types.js";
import { foldDiacritics } from "../src/text/index.js";
import { passageIndexText } from "../src/text/passage-terms.js";
import { answersGoldFiles, printAnswersTables, runAnswersBench } from "./answers.js";
import { runBotLoadBench } from "./bot-load.js";
import { printCitationsTables, runCitationsBench } from "./citations.js";
import { printCrawlScale, runCrawlScale } from "./crawl-scale.js";
import { runEvidenceAudit } from "./evidence-audit.js";
import { printHostileTable, runHostileBench } from "./hostile.js";
import { printPdfIngestTable, runPdfIngestBench } from "./ingest-pdf.js";
import { printOcrTable, runOcrBench } from "./ocr.js";
import { printOfficialTable, runOfficialBench } from "./official.js";
import {
  type BenchPassage,
  buildFts5,
  buildFts5Analyzed,
  buildMiniSearch,
  buildMiniSearchAnalyzed,
  type SearchEngine,
} from "./peers.js";
import { qaPairsOptions, runQaPairsBench } from "./qa-pairs.js";
import { printRelationsTable, runRelationsBench } from "./relations.js";
import { printChartTable, runChartBench } from "./stats-chart.js";
import { runSyntheticScale } from "./synthetic.js";

const logger = pino({ level: "silent" });
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
const args = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    reform: { type: "string" },
    crawl: { type: "string" },
    pages: { type: "string" },
    pairs: { type: "string" },
  },
});
const only = args.positionals;
const wants = (name: string) => only.length === 0 || only.includes(name);
/** The 295 reform pages, next to the repository (never copied into it); `--reform <dir>` overrides. */
const reformDir =
  args.values.reform ??
  join(fileURLToPath(new URL("..", import.meta.url)), "..", "shared", "corpus", "reform");

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

async function allPassages(store: DocumentStore): Promise<BenchPassage[]> {
  const out: BenchPassage[] = [];
  for (const doc of await store.listDocuments()) {
    for (const chunk of await store.getChunks(doc.docId)) {
      out.push({
        id: chunk.chunkId,
        source: doc.source,
        indexText: passageIndexText(chunk, doc.title),
        text: chunk.text,
      });
    }
  }
  return out;
}

interface QualityRow {
  engine: string;
  variant: string;
  "recall@1": number;
  "recall@5": number;
  "mrr@10": number;
  p50_ms: number;
  p95_ms: number;
}

function measure(
  engine: SearchEngine,
  questions: GoldQuestion[],
  variant: "diacritics" | "stripped",
): QualityRow {
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  const times: number[] = [];
  const answerable = questions.filter((q) => q.answerable && q.relevant.length > 0);
  for (const q of answerable) {
    const text = variant === "stripped" ? foldDiacritics(q.question) : q.question;
    const t0 = performance.now();
    const hits = engine.search(text, 10);
    times.push(performance.now() - t0);
    const rank = firstHitRank(q, hits, 10);
    if (rank !== null) {
      if (rank === 1) r1++;
      if (rank <= 5) r5++;
      mrr += 1 / rank;
    }
  }
  times.sort((a, b) => a - b);
  const n = answerable.length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    engine: engine.name,
    variant,
    "recall@1": round(r1 / n),
    "recall@5": round(r5 / n),
    "mrr@10": round(mrr / n),
    p50_ms: percentile(times, 0.5),
    p95_ms: percentile(times, 0.95),
  };
}

/** Every question set of the bench; each is measured with the others as its warm-up. */
const QUESTION_FILES = [
  "bench/data/alqac-public.jsonl",
  "bench/data/questions.jsonl",
  "bench/data/declines.jsonl",
];

/**
 * Questions for warming up a process, never the measured ones: 150 made from the corpus
 * itself (the first words of every n-th passage), then the questions of the bench's
 * other sets, which exercise the code real questions take ("đúng hay sai", options,
 * abbreviations) and that corpus text does not: without them the first twenty measured
 * questions ran at twice their later speed.
 */
function warmUpQuestions(passages: readonly BenchPassage[], measuredFile: string, count = 150): string[] {
  const texts = passages.map((p) => p.text);
  const step = Math.max(1, Math.floor(texts.length / count));
  const out: string[] = [];
  for (let i = 0; i < texts.length && out.length < count; i += step) {
    out.push(`${texts[i]!.split(/\s+/).slice(0, 14).join(" ")}?`);
  }
  for (const file of QUESTION_FILES) {
    if (file === measuredFile) continue;
    for (const q of parseGoldQuestions(readFileSync(file, "utf8"))) out.push(q.question);
  }
  return out;
}

/** Our retriever behind the same synchronous-looking interface (awaited per query). */
async function measureOurs(
  store: DocumentStore,
  questions: GoldQuestion[],
  variant: "diacritics" | "stripped",
  warmUp: readonly string[],
): Promise<QualityRow> {
  const retriever = createRetriever({ store, logger });
  const cache = new Map<string, BenchPassage[]>();
  // A served process has answered other questions before: V8 has optimized the code by
  // then (a fresh process's first hundred questions are several times slower while it
  // does). Warm up on other questions (see warmUpQuestions), never the measured ones, so
  // each measured question is timed the first time it is asked.
  if (variant === "diacritics") {
    for (const question of warmUp) await retriever.search(question, { limit: 10 });
  }
  const times: number[] = [];
  for (const q of questions) {
    const text = variant === "stripped" ? foldDiacritics(q.question) : q.question;
    const t0 = performance.now();
    const result = await retriever.search(text, { limit: 10 });
    times.push(performance.now() - t0);
    cache.set(
      text,
      result.hits.map((h) => ({
        id: h.chunk.chunkId,
        source: h.doc.source,
        indexText: "",
        text: h.chunk.text,
      })),
    );
  }
  const row = measure(
    { name: "nhatthe-bot (ours)", search: (text) => cache.get(text) ?? [] },
    questions,
    variant,
  );
  times.sort((a, b) => a - b);
  return { ...row, p50_ms: percentile(times, 0.5), p95_ms: percentile(times, 0.95) };
}

async function benchCorpus(
  label: string,
  corpusDir: string,
  questionsFile: string,
): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "nhatthe-bench-"));
  try {
    const store = openEmbeddedStore(dir);
    const indexer = createIndexer({ store, logger });
    let bytes = 0;
    const t0 = performance.now();
    const summary = await syncCorpusDir({
      dir: corpusDir,
      store,
      indexer,
      logger,
      onProgress: () => {},
    });
    const buildMs = performance.now() - t0;
    for (const doc of await store.listDocuments())
      bytes += (await store.getChunks(doc.docId)).reduce((s, c) => s + Buffer.byteLength(c.text), 0);
    const stats = await store.stats();
    const questions = parseGoldQuestions(readFileSync(questionsFile, "utf8"));
    const passages = await allPassages(store);
    const peers = [
      buildMiniSearch(passages),
      buildFts5(passages),
      ...buildMiniSearchAnalyzed(passages),
      buildFts5Analyzed(passages),
    ];
    // The peers get the same warm-up as ours (see measureOurs).
    const warmUp = warmUpQuestions(passages, questionsFile);
    for (const peer of peers) for (const question of warmUp) peer.search(question, 10);
    const rows: QualityRow[] = [];
    for (const variant of ["diacritics", "stripped"] as const) {
      rows.push(await measureOurs(store, questions, variant, warmUp));
      for (const peer of peers) rows.push(measure(peer, questions, variant));
    }
    for (const peer of peers) peer.close?.();

    // Full answers (retrieval + confidence + extractive composition), as `eval` runs them.
    const ask = createAskService({ retriever: createRetriever({ store, logger }), documents: store });
    const evalRows = [];
    for (const q of questions) evalRows.push(toEvalRow(q.id, (await askGoldQuestion(ask, q)).result));
    const answers = summarize(questions, evalRows);
    await store.close();

    // Start-up: reopen the store and answer one question.
    const s0 = performance.now();
    const reopened = openEmbeddedStore(dir);
    await createRetriever({ store: reopened, logger }).search(questions[0]!.question, { limit: 10 });
    const startupMs = performance.now() - s0;
    await reopened.close();

    const out = {
      label,
      documents: stats.documents,
      chunks: stats.chunks,
      failed: summary.failed.length,
      build_ms: Math.round(buildMs),
      ingest_mb_per_s: Math.round((bytes / 1024 / 1024 / (buildMs / 1000)) * 100) / 100,
      startup_first_query_ms: Math.round(startupMs),
      rss_mb: mb(process.memoryUsage().rss),
      retrieval: rows,
      answers,
    };
    console.log(
      `\n== ${label}: ${stats.documents} documents, ${stats.chunks} chunks, built in ${out.build_ms} ms (${out.ingest_mb_per_s} MB/s of text), start-up + first query ${out.startup_first_query_ms} ms`,
    );
    console.table(rows);
    console.log("answers:", answers);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (wants("alqac")) {
    results.alqac = await benchCorpus(
      "ALQAC public (2,249 law articles)",
      "bench/data/alqac-articles",
      "bench/data/alqac-public.jsonl",
    );
  }
  if (wants("gold")) {
    results.gold = await benchCorpus(
      "questions.jsonl (default corpus)",
      "data/corpus",
      "bench/data/questions.jsonl",
    );
  }
  if (wants("gold")) {
    // Written for this project: 32 questions the default corpus answers and 26 it does
    // not (prices, traffic fines, other procedures), typed as cadres type. Checks declines.
    results.declines = await benchCorpus(
      "declines.jsonl (default corpus, hand-written)",
      "data/corpus",
      "bench/data/declines.jsonl",
    );
  }
  if (wants("answers")) {
    const answers = await runAnswersBench({
      corpusDir: "data/corpus",
      reformDir,
      reformFiles: answersGoldFiles("bench/data"),
      defaultFiles: ["bench/data/declines.jsonl"],
    });
    printAnswersTables(answers);
    results.answers = answers;
  }
  if (wants("relations")) {
    const relations = await runRelationsBench(fileURLToPath(new URL("..", import.meta.url)), reformDir);
    printRelationsTable(relations);
    results.relations = relations;
  }
  if (wants("official")) {
    const official = runOfficialBench();
    printOfficialTable(official);
    const heldOut = runOfficialBench("bench/data/official-paraphrases-heldout.json");
    printOfficialTable(heldOut);
    results.official = { tune: official, held_out: heldOut };
  }
  if (wants("citations")) {
    const citations = await runCitationsBench();
    printCitationsTables(citations);
    results.citations = citations;
  }
  if (wants("chart")) {
    const chart = runChartBench();
    printChartTable(chart);
    results.chart = chart;
  }
  if (wants("ocr")) {
    const ocr = await runOcrBench();
    printOcrTable(ocr);
    results.ocr = ocr;
  }
  if (wants("pdf")) {
    const pdf = await runPdfIngestBench();
    printPdfIngestTable(pdf);
    results.pdf_ingest = pdf;
  }
  if (wants("bot")) {
    const load = await runBotLoadBench();
    console.log("\n== end-to-end through the Bot API emulator: 50 users × 10 questions, extractive answers");
    console.table({ "users wait for answers": load.users_shape, "all 500 at once": load.burst_shape });
    results.bot_load = load;
  }
  if (wants("hostile")) {
    const hostile = await runHostileBench();
    printHostileTable(hostile);
    results.hostile = hostile;
  }
  // The store at an archive's size: the real crawl (`--pages N` for a sample; skipped in
  // a full run when the crawl is not there, like qa-pairs below), then the synthetic
  // scale-up beside it.
  const crawlArchive = qaPairsOptions(args.values).archive;
  if (
    only.includes("scale") ||
    only.includes("crawl-scale") ||
    (only.length === 0 && existsSync(crawlArchive))
  ) {
    const crawlScale = await runCrawlScale({
      archive: crawlArchive,
      pages: args.values.pages === undefined ? undefined : qaPairsOptions(args.values).pages,
      corpusDir: "data/corpus",
      reformDir,
      goldFiles: [...answersGoldFiles("bench/data"), "bench/data/declines.jsonl"],
      archiveAnswersFile: "bench/data/archive-answers.jsonl",
    });
    printCrawlScale(crawlScale);
    results.crawl_scale = crawlScale;
  }
  if (wants("scale")) {
    results.scale = await runSyntheticScale(100_000);
  }
  // `npm run bench -- qa-pairs [--crawl <archive>] [--pages N] [--pairs N]`: the crawl
  // lies outside the repository. Named, it must be there; in a full run it is measured
  // when it is there (1 to 2.5 minutes on two shared cores) and skipped when not.
  const qaPairs = qaPairsOptions(args.values);
  if (only.includes("qa-pairs") || (only.length === 0 && existsSync(qaPairs.archive))) {
    results.qa_pairs = await runQaPairsBench(qaPairs);
  } else if (only.length === 0) {
    console.log(`\n== qa-pairs skipped: no crawl at ${qaPairs.archive} (--crawl <archive>)`);
  }
  // `npm run bench -- evidence`: the answer stage's evidence rules read on every crawl pair
  // (about 15 s); in a full run when the crawl is there.
  if (only.includes("evidence") || (only.length === 0 && existsSync(qaPairs.archive))) {
    results.evidence = runEvidenceAudit(qaPairs.archive);
  }
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/latest.json", `${JSON.stringify(results, null, 2)}\n`);
  console.log("\nwritten: bench/results/latest.json");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
