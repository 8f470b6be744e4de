import { z } from "zod";
import { normalizeForMatch } from "../text/index.js";

/** One gold question (format of the project's eval files). */
export const GoldQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  relevant: z.array(z.object({ source: z.string(), contains: z.string().default("") })).default([]),
  answer_contains: z.array(z.string()).default([]),
  answerable: z.boolean().default(true),
});
export type GoldQuestion = z.infer<typeof GoldQuestionSchema>;

/** Parses JSON Lines; a bad line fails with its line number. */
export function parseGoldQuestions(text: string): GoldQuestion[] {
  const out: GoldQuestion[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = GoldQuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new Error(`line ${i + 1}: ${parsed.error.issues.map((x) => x.message).join("; ")}`);
    out.push(parsed.data);
  });
  return out;
}

/** 1-based rank of the first retrieved passage that satisfies a relevance rule, or null. */
export function firstHitRank(
  question: GoldQuestion,
  retrieved: Array<{ source: string; text: string }>,
  depth = 10,
): number | null {
  const rules = question.relevant.map((r) => ({ source: r.source, contains: normalizeForMatch(r.contains) }));
  for (let i = 0; i < Math.min(depth, retrieved.length); i++) {
    const passage = retrieved[i]!;
    const text = normalizeForMatch(passage.text);
    if (rules.some((r) => r.source === passage.source && (r.contains === "" || text.includes(r.contains)))) {
      return i + 1;
    }
  }
  return null;
}

export function answerContainsAll(question: GoldQuestion, answer: string): boolean {
  const normalized = normalizeForMatch(answer);
  return question.answer_contains.every((phrase) => normalized.includes(normalizeForMatch(phrase)));
}

export interface EvalRow {
  id: string;
  retrieved: Array<{ source: string; text: string }>;
  answer: string;
  declined: boolean;
  ms: number;
}

export interface EvalSummary {
  "recall@1": number;
  "recall@5": number;
  "mrr@10": number;
  answer_hit: number;
  decline_accuracy: number;
  /** Answerable questions the bot wrongly declined (share of answerable ones). */
  false_decline_rate: number;
  p50_ms: number;
  p95_ms: number;
  n: number;
}

/** The metrics of the eval format: recall over answerable questions, decline accuracy over the others. */
export function summarize(questions: GoldQuestion[], rows: EvalRow[]): EvalSummary {
  const byId = new Map(rows.map((r) => [r.id, r]));
  let answerable = 0;
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  let withPhrases = 0;
  let phraseHits = 0;
  let unanswerable = 0;
  let correctDeclines = 0;
  let falseDeclines = 0;
  for (const q of questions) {
    const row = byId.get(q.id);
    if (!row) continue;
    if (!q.answerable) {
      unanswerable++;
      if (row.declined) correctDeclines++;
      continue;
    }
    answerable++;
    if (row.declined) falseDeclines++;
    const rank = firstHitRank(q, row.retrieved, 10);
    if (rank !== null) {
      if (rank <= 1) r1++;
      if (rank <= 5) r5++;
      mrr += 1 / rank;
    }
    if (q.answer_contains.length > 0) {
      withPhrases++;
      if (!row.declined && answerContainsAll(q, row.answer)) phraseHits++;
    }
  }
  const latencies = rows.map((r) => r.ms).sort((a, b) => a - b);
  return {
    "recall@1": ratio(r1, answerable),
    "recall@5": ratio(r5, answerable),
    "mrr@10": ratio(mrr, answerable),
    answer_hit: ratio(phraseHits, withPhrases),
    decline_accuracy: ratio(correctDeclines, unanswerable),
    false_decline_rate: ratio(falseDeclines, answerable),
    p50_ms: percentile(latencies, 0.5),
    p95_ms: percentile(latencies, 0.95),
    n: rows.length,
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : Math.round((a / b) * 10000) / 10000;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round(sorted[index]! * 1000) / 1000;
}
