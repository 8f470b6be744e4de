import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { foldDiacritics } from "../text/index.js";
import { heldDocumentNumbers, namesOnlyOtherDocuments } from "./document-context.js";
import { namesOnlyOtherPlenums, plenumNumbersIn } from "./plenum-numbers.js";
import type { Passage } from "./types.js";

/**
 * A test of whether a sentence speaks of another subject than the one the question names
 * by number, however many of its words it shares: another document when the store lacks
 * the one named ("Kết luận số 157" for 121's signer; when the document is held, sentences
 * on the documents it amends still answer), another plenum ("Hội nghị lần thứ 11" for the
 * 12th). Pure.
 */
export function speaksOfAnotherSubject(
  question: QuestionAnalysis | undefined,
  passages: readonly Passage[],
): (sentence: string) => boolean {
  if (question === undefined) return () => false;
  const documents = heldDocumentNumbers(passages, question.documentNumbers) ? [] : question.documentNumbers;
  const plenums = plenumNumbersIn(question.folded);
  if (documents.length === 0 && plenums.length === 0) return () => false;
  return (sentence) =>
    namesOnlyOtherDocuments(sentence, documents) ||
    namesOnlyOtherPlenums(foldDiacritics(sentence.toLowerCase()), plenums);
}
