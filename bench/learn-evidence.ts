/**
 * `tsx bench/learn-evidence.ts [--crawl <archive>] [--write] [--out <file>]`: learns from
 * the crawl's question-answer pairs (bench/qa-pairs.ts) which words the answers to each
 * kind of question carry, and which answer words go with which question words, by lift
 * over all answers (src/eval/evidence-lift.ts). Prints the top 30 per type; with
 * --write, writes `src/answer/learned-evidence.json`.
 *
 * How the committed src/answer/learned-evidence.json was made:
 *   npx tsx bench/learn-evidence.ts --write && npx biome check --write src/answer/learned-evidence.json
 * from vn-crawl-13k.tar.gz (every pair, not a sample; about 45 s): for each question
 * type, the 40 terms with the highest lift in the answer section's first sentence
 * (`firstSentence`) and, apart, in its first concluding sentence ("Như vậy, ...", "Theo
 * đó, ...": `conclusion`), each in at least 30 answers of the type and with a lift of at
 * least 1.25; then `associations`: for the 40 question words most questions have (in at
 * least 150), the 6 answer words of the concluding sentences with the highest lift after
 * them. Terms the heading itself has are not counted for its answer (an answer repeats
 * its question; what it adds is the evidence), nor terms with digits. Terms are the
 * index's (`f:` folded syllable, `b:` folded bigram), so they compare directly with
 * analyzeForIndex of a sentence. The first sentence is mostly the provision the answer
 * rests on ("Căn cứ khoản 2 Điều 73 ..."), so its terms say more about the topic than
 * about the kind of answer; the concluding sentence states the answer.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  answerSentence,
  associations,
  type EvidenceSentence,
  evidenceTerms,
  type LiftTerm,
  liftByGroup,
} from "../src/eval/evidence-lift.js";
import { type QaPair, QUESTION_TYPES } from "../src/eval/qa-pairs.js";
import { DEFAULT_CRAWL_ARCHIVE, readCrawlPairs, unpackCrawl } from "./qa-pairs.js";

const OUTPUT = "src/answer/learned-evidence.json";
/** A term must be in this many answers of a type (or of a question word) to be learned. */
const MIN_COUNT = 30;
/** Terms stored per type. */
const TOP_STORED = 40;
/** Terms printed per type. */
const TOP_PRINTED = 30;
/** Question words stored, each with its answer words. */
const ASSOCIATION_QUESTIONS = 40;
const ASSOCIATION_ANSWERS = 6;
/** Below this lift a term is hardly over-represented: not stored or printed. */
const MIN_LIFT = 1.25;
/** A question word must be in this many questions to have its associations learned. */
const MIN_QUESTION_COUNT = 150;

/** Per type, the answer terms that are not the heading's own. */
function typeSamples(pairs: readonly QaPair[], which: EvidenceSentence) {
  const out: Array<{ group: string; terms: Set<string> }> = [];
  for (const pair of pairs) {
    const sentence = answerSentence(pair.answer, which);
    if (sentence === "") continue;
    const heading = evidenceTerms(pair.question);
    const terms = new Set([...evidenceTerms(sentence)].filter((t) => !heading.has(t)));
    out.push({ group: pair.type, terms });
  }
  return out;
}

function learnTypes(pairs: readonly QaPair[], which: EvidenceSentence) {
  const samples = typeSamples(pairs, which);
  const lifts = liftByGroup(samples, { minCount: MIN_COUNT, top: TOP_STORED });
  for (const [type, terms] of lifts)
    lifts.set(
      type,
      terms.filter((t) => t.lift >= MIN_LIFT),
    );
  return { samples: samples.length, lifts };
}

function learnAssociations(pairs: readonly QaPair[]): Map<string, LiftTerm[]> {
  const samples = pairs
    .map((pair) => ({
      question: evidenceTerms(pair.question),
      sentence: answerSentence(pair.answer, "conclusion"),
    }))
    .filter((x) => x.sentence !== "")
    .map((x) => ({ question: x.question, answer: evidenceTerms(x.sentence) }));
  const all = associations(samples, {
    minCount: MIN_COUNT,
    top: ASSOCIATION_ANSWERS,
    topQuestions: Number.POSITIVE_INFINITY,
  });
  // General associations: question words many questions have, most frequent first.
  const questionCount = new Map<string, number>();
  for (const s of samples) for (const q of s.question) questionCount.set(q, (questionCount.get(q) ?? 0) + 1);
  return new Map(
    [...all]
      .map(([q, list]) => [q, list.filter((t) => t.lift >= MIN_LIFT)] as const)
      .filter(([q, list]) => list.length > 0 && (questionCount.get(q) ?? 0) >= MIN_QUESTION_COUNT)
      .sort((a, b) => questionCount.get(b[0])! - questionCount.get(a[0])! || (a[0] < b[0] ? -1 : 1))
      .slice(0, ASSOCIATION_QUESTIONS),
  );
}

function show(title: string, lifts: Map<string, LiftTerm[]>): void {
  console.log(`\n== ${title}`);
  for (const type of QUESTION_TYPES) {
    const terms = lifts.get(type) ?? [];
    const line = terms
      .slice(0, TOP_PRINTED)
      .map((t) => `${t.term} ${t.lift}`)
      .join(", ");
    console.log(`${type}: ${line || "(none with enough answers)"}`);
  }
}

/** Compact JSON: one term list a line, so the file reads and diffs by type. */
function toJson(value: Record<string, unknown>): string {
  const lines = JSON.stringify(value, null, 2).split("\n");
  return `${lines.join("\n").replace(/\{\n\s+"term": ("[^"]*"),\n\s+"lift": ([\d.]+),\n\s+"count": (\d+)\n\s+\}/gu, '{ "term": $1, "lift": $2, "count": $3 }')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      crawl: { type: "string", default: DEFAULT_CRAWL_ARCHIVE },
      write: { type: "boolean", default: false },
      out: { type: "string", default: OUTPUT },
    },
  });
  const t0 = performance.now();
  const crawl = unpackCrawl(values.crawl);
  let pairs: QaPair[];
  try {
    pairs = readCrawlPairs(crawl.pagesDir).pairs;
  } finally {
    crawl.remove();
  }
  const first = learnTypes(pairs, "first");
  const conclusion = learnTypes(pairs, "conclusion");
  show(`${first.samples} first sentences: terms by lift per question type`, first.lifts);
  show(`${conclusion.samples} concluding sentences: terms by lift per question type`, conclusion.lifts);
  const assoc = learnAssociations(pairs);
  console.log(`\n== question word → answer words (concluding sentences), ${assoc.size} question words`);
  for (const [q, list] of assoc) console.log(`${q} → ${list.map((t) => `${t.term} ${t.lift}`).join(", ")}`);
  if (values.write) {
    const byType = (lifts: Map<string, LiftTerm[]>) =>
      Object.fromEntries(QUESTION_TYPES.map((type) => [type, lifts.get(type) ?? []]));
    const json = {
      about:
        "Learned by bench/learn-evidence.ts from the question-answer pairs of vn-crawl-13k.tar.gz: per question type (src/eval/qa-pairs.ts), answer terms by lift over all answers (in at least 30 answers of the type; terms of the heading itself not counted); question word → answer words likewise. Terms as analyzeForIndex gives them.",
      pairs: pairs.length,
      minCount: MIN_COUNT,
      firstSentence: byType(first.lifts),
      conclusion: byType(conclusion.lifts),
      associations: Object.fromEntries(assoc),
    };
    writeFileSync(values.out, toJson(json));
    console.log(`\nwritten: ${values.out}`);
  }
  console.log(`${Math.round((performance.now() - t0) / 100) / 10} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
