/**
 * `npm run bench -- official`: the similarity between a question and an official
 * answer's question (src/answer/official-match.ts), measured on the hand-written set in
 * bench/data/official-paraphrases.json. For each threshold: how many paraphrases get
 * the official answer (recall) and how many other questions wrongly do (same-topic
 * questions asking something else, and off-topic ones). Also how long matching takes
 * against 200 official answers.
 */
import { readFileSync } from "node:fs";
import {
  OFFICIAL_MATCH_THRESHOLD,
  type QuestionSignature,
  questionSignature,
  questionSimilarity,
} from "../src/answer/official-match.js";

interface ParaphraseSet {
  official: Array<{ question: string; paraphrases: string[]; others: string[] }>;
  offTopic: string[];
}

export interface OfficialBench {
  paraphrases: number;
  others: number;
  threshold: number;
  /** Paraphrases whose best match is their own official question, at the threshold. */
  recall: number;
  /** Other questions (same topic or off-topic) matching any official question at the threshold. */
  false_matches: number;
  lowest_paraphrase: number;
  highest_other: number;
  sweep: Array<{ threshold: number; recall: number; false_matches: number }>;
  /** Matching one question against 200 official questions, ms (p50 over 200 questions). */
  match_200_p50_ms: number;
  misses: string[];
}

export function runOfficialBench(file = "bench/data/official-paraphrases.json"): OfficialBench {
  const set = JSON.parse(readFileSync(file, "utf8")) as ParaphraseSet;
  const officials = set.official.map((o) => questionSignature(o.question));
  const best = (q: string): { index: number; score: number } => {
    const s = questionSignature(q);
    let index = -1;
    let score = 0;
    officials.forEach((o, i) => {
      const v = questionSimilarity(s, o);
      if (v > score) {
        score = v;
        index = i;
      }
    });
    return { index, score };
  };
  const positives = set.official.flatMap((o, i) => o.paraphrases.map((q) => ({ q, i, ...best(q) })));
  const negatives = [...set.official.flatMap((o) => o.others), ...set.offTopic].map((q) => ({
    q,
    ...best(q),
  }));
  const at = (t: number) => ({
    threshold: t,
    recall: positives.filter((p) => p.index === p.i && p.score >= t).length / positives.length,
    false_matches: negatives.filter((n) => n.score >= t).length,
  });
  const sweep = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7].map(at);
  const chosen = at(OFFICIAL_MATCH_THRESHOLD);

  const many: QuestionSignature[] = [];
  for (let i = 0; i < 20; i++) many.push(...officials);
  const times: number[] = [];
  for (const p of [...positives, ...negatives].slice(0, 200)) {
    const started = performance.now();
    const s = questionSignature(p.q);
    for (const o of many) questionSimilarity(s, o);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    paraphrases: positives.length,
    others: negatives.length,
    threshold: OFFICIAL_MATCH_THRESHOLD,
    recall: chosen.recall,
    false_matches: chosen.false_matches,
    lowest_paraphrase: Math.min(...positives.map((p) => (p.index === p.i ? p.score : 0))),
    highest_other: Math.max(...negatives.map((n) => n.score)),
    sweep,
    match_200_p50_ms: Math.round((times[Math.floor(times.length / 2)] ?? 0) * 1000) / 1000,
    misses: [
      ...positives
        .filter((p) => p.index !== p.i || p.score < OFFICIAL_MATCH_THRESHOLD)
        .map((p) => `missed ${p.score.toFixed(2)}: ${p.q}`),
      ...negatives
        .filter((n) => n.score >= OFFICIAL_MATCH_THRESHOLD)
        .map((n) => `wrong ${n.score.toFixed(2)}: ${n.q}`),
    ],
  };
}

export function printOfficialTable(r: OfficialBench): void {
  console.log(
    `\n== official answers: ${r.paraphrases} paraphrases, ${r.others} other questions (threshold ${r.threshold})`,
  );
  console.table(r.sweep);
  console.log(
    `recall ${r.recall}, false matches ${r.false_matches}; lowest paraphrase ${r.lowest_paraphrase.toFixed(2)}, ` +
      `highest other ${r.highest_other.toFixed(2)}; one question against 200 official answers p50 ${r.match_200_p50_ms} ms`,
  );
  for (const m of r.misses) console.log(`  ${m}`);
}
