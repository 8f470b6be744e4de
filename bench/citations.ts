/**
 * `npm run bench -- citations`: how the citation check (src/answer/citation-check.ts)
 * does on the labelled set bench/data/citations.jsonl: faithful paraphrases kept,
 * unfaithful sentences (changed number, unit, date, document number, name, body, place;
 * a neighbouring paragraph's claim; generic) rejected, by kind; the phrase threshold
 * measured at several values; the prompt's own rule lines echoed back, rejected.
 */
import { readFileSync } from "node:fs";
import { checkCitations, splitSentences } from "../src/answer/citation-check.js";
import { SUPPORT_MIN_PHRASE_SHARE } from "../src/answer/citation-support.js";
import { answerInstructions } from "../src/answer/llm-answer.js";
import { loadPrompts } from "../src/answer/prompts.js";
import { groupPassage, parseCitationSet, scoreCitationSet } from "../src/eval/citation-set.js";

export const CITATIONS_FILE = "bench/data/citations.jsonl";
/** Thresholds measured around the chosen one. */
const SWEEP = [0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

export interface CitationsBench {
  sentences: number;
  faithful: number;
  unfaithful: number;
  kept_faithful: number;
  rejected_unfaithful: number;
  threshold: number;
  by_kind: Record<string, string>;
  sweep: Array<{ threshold: number; kept_faithful: number; rejected_unfaithful: number }>;
  echo_rejected: string;
  ms_per_sentence: number;
  faithful_removed: string[];
  unfaithful_kept: string[];
}

export async function runCitationsBench(file = CITATIONS_FILE): Promise<CitationsBench> {
  const groups = parseCitationSet(readFileSync(file, "utf8"));
  const prompts = await loadPrompts();
  const instructions = answerInstructions(prompts);
  const t0 = performance.now();
  const score = scoreCitationSet(groups, { instructions });
  const ms = (performance.now() - t0) / score.rows.length;
  const sweep = SWEEP.map((threshold) => {
    const s = scoreCitationSet(groups, { instructions, minPhraseShare: threshold });
    return { threshold, kept_faithful: s.keptFaithful, rejected_unfaithful: s.rejectedUnfaithful };
  });
  // Every rule line of the answer prompt, cited [1], against every paragraph: never an answer.
  const rules = splitSentences(prompts.answerSystem.replace(/\{\{[^}]*\}\}/g, " "))
    .map((l) => l.replace(/^\d+\.\s*/, "").replace(/[.:]?$/, ""))
    .filter((l) => l.split(/\s+/).length >= 5);
  let echoes = 0;
  let echoesRejected = 0;
  for (const group of groups) {
    for (const rule of rules) {
      echoes++;
      const check = checkCitations(`${rule} [1].`, [groupPassage(group)], { instructions });
      if (!check.usable) echoesRejected++;
    }
  }
  return {
    sentences: score.rows.length,
    faithful: score.faithful,
    unfaithful: score.unfaithful,
    kept_faithful: score.keptFaithful,
    rejected_unfaithful: score.rejectedUnfaithful,
    threshold: SUPPORT_MIN_PHRASE_SHARE,
    by_kind: Object.fromEntries(Object.entries(score.byKind).map(([k, [r, n]]) => [k, `${r}/${n}`])),
    sweep,
    echo_rejected: `${echoesRejected}/${echoes}`,
    ms_per_sentence: Math.round(ms * 100) / 100,
    faithful_removed: score.rows
      .filter((r) => r.label === "faithful" && !r.kept)
      .map(
        (r) =>
          `${r.id} ${r.reason}${r.missing.length ? ` ${JSON.stringify(r.missing)}` : ""} ${r.overlap.toFixed(2)}: ${r.text}`,
      ),
    unfaithful_kept: score.rows
      .filter((r) => r.label === "unfaithful" && r.kept)
      .map((r) => `${r.id} ${r.kind} ${r.overlap.toFixed(2)}: ${r.text}`),
  };
}

export function printCitationsTables(result: CitationsBench): void {
  console.log(
    `\n== citations: ${result.sentences} cited sentences (${result.faithful} faithful, ${result.unfaithful} unfaithful) against real paragraphs of the default corpus, phrase threshold ${result.threshold}`,
  );
  console.table({
    "kept faithful": result.kept_faithful,
    "rejected unfaithful": result.rejected_unfaithful,
    "prompt rules echoed, rejected": result.echo_rejected,
    "ms per sentence": result.ms_per_sentence,
  });
  console.log("unfaithful rejected, by kind of change:");
  console.table(result.by_kind);
  console.log("phrase threshold measured:");
  console.table(result.sweep);
  console.log("faithful sentences removed:");
  for (const line of result.faithful_removed) console.log(`  ${line}`);
  console.log("unfaithful sentences kept:");
  for (const line of result.unfaithful_kept) console.log(`  ${line}`);
}
