import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { foldDiacritics } from "../text/index.js";

/*
 * Codes a question names: a class of driving licence ("hạng B2"), a grade ("A1"). Like a
 * year, a code is exact: a passage on "hạng C, BE" speaks of other classes, however many
 * of the question's words it shares (behind the crawl, the ages for every other class
 * answered the conditions for B2). Pure.
 */

/** One to two letters and one or two digits, standing alone (folded). */
const CODE = /(?<![\p{L}\p{N}/-])[a-z]{1,2}\d{1,2}(?![\p{L}\p{N}/-])/gu;

/** The codes the question names (folded), none for most questions. */
export function askedCodes(question: QuestionAnalysis): string[] {
  const words = question.folded.split(/[^\p{L}\p{N}]+/u);
  // After a number the code ends a document's number ("190/2025/QH15"): not asked.
  const codes = words.filter(
    (w, i) => WHOLE_CODE.test(w) && !UNIT_OF_MEASURE.test(w) && !/^\d+$/u.test(words[i - 1] ?? ""),
  );
  return [...new Set(codes)];
}
const WHOLE_CODE = /^[a-z]{1,2}\d{1,2}$/u;
/** "rộng bao nhiêu km2": an area asked in its unit (written "km²" in the documents), no code. */
const UNIT_OF_MEASURE = /^(?:km|m|cm|ha)[23]$/u;

/** Whether a text (a passage with its title and headings) names every code asked. */
export function holdsCodes(codes: readonly string[], text: string): boolean {
  if (codes.length === 0) return true;
  const folded = foldDiacritics(text.toLowerCase());
  const held = new Set(folded.match(CODE) ?? []);
  return codes.every((code) => held.has(code));
}
