/**
 * What the crawl answers of the gold's unanswerable questions (`bench/data/archive-answers.jsonl`).
 * The gold's "unanswerable" means the product's corpus does not answer; behind the
 * 13,900-page crawl some are answered by a page (the 2026 election's date, the Tết
 * holidays), and answering them rightly is what a cadre wants. Each label was written by
 * searching the crawl's pages for the question, not from the bot's answers: whether a page
 * states the fact asked, for the same subject, and the phrases a right answer quoting it
 * holds. The bench counts an answer holding one of them as handled, beside the raw figure.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseJsonLines } from "../src/eval/json-lines.js";
import { normalizeForMatch } from "../src/text/index.js";

const ArchiveAnswerSchema = z
  .object({
    id: z.string(),
    crawl_answers: z.boolean(),
    /** Phrases copied from the page, any one of which a right answer holds. */
    answer_any: z.array(z.string()).default([]),
    /** The page that answers (its file name in the crawl). */
    page: z.string().optional(),
    note: z.string().optional(),
  })
  .refine((label) => !label.crawl_answers || label.answer_any.length > 0, {
    message: "a question the crawl answers needs the phrases of its answer",
  });
export type ArchiveAnswer = z.infer<typeof ArchiveAnswerSchema>;

/** The labels by question id; a bad line fails with its line number. */
export function parseArchiveAnswers(text: string): Map<string, ArchiveAnswer> {
  return new Map(parseJsonLines(text, ArchiveAnswerSchema).map((label) => [label.id, label]));
}

export function readArchiveAnswers(path: string): Map<string, ArchiveAnswer> {
  return parseArchiveAnswers(readFileSync(path, "utf8"));
}

/**
 * Whether an answer is the crawl's right answer to the question: it holds one of the
 * label's phrases. A date matches however either side writes it ("15-3-2026" is "ngày
 * 15 tháng 3 năm 2026"): the labels copy one page's way, and another page may answer.
 */
export function answersFromArchive(label: ArchiveAnswer | undefined, answer: string): boolean {
  if (label === undefined || !label.crawl_answers) return false;
  const normalized = writeDatesOneWay(normalizeForMatch(answer));
  return label.answer_any.some((phrase) => normalized.includes(writeDatesOneWay(normalizeForMatch(phrase))));
}

const DATE = /(?<!\d)(\d{1,2})(?:\s*[/.-]\s*|\s+tháng\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)(\d{4})(?!\d)/gu;

/** Dates as "d/m/yyyy" without leading zeros, in a text normalized for matching. */
export function writeDatesOneWay(text: string): string {
  return text.replace(
    DATE,
    (_, day: string, month: string, year: string) => `${Number(day)}/${Number(month)}/${year}`,
  );
}
