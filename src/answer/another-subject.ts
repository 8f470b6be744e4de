import { mentionsAny } from "../retrieval/mentions.js";
import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { NUMBERED_UNIT_KINDS, placesOf } from "../retrieval/question-situation.js";
import { cachedRegExp, foldDiacritics } from "../text/index.js";
import { levelsNamed, namesOnlyOtherLevels } from "./admin-levels.js";
import { heldDocumentNumbers, namesOnlyOtherDocuments } from "./document-context.js";
import { namesOnlyOtherPlenums, plenumNumbersIn } from "./plenum-numbers.js";
import {
  licenceClassesAsked,
  namesOnlyOtherClasses,
  namesOnlySiblingKinds,
  siblingKindsAsked,
} from "./sibling-kinds.js";
import type { Passage } from "./types.js";

/**
 * A test of whether a sentence speaks of another subject than the one the question names
 * by number, however many of its words it shares: another document when the store lacks
 * the one named ("Kết luận số 157" for 121's signer; when the document is held, sentences
 * on the documents it amends still answer), another plenum ("Hội nghị lần thứ 11" for the
 * 12th), another unit of a numbered kind ("TAND khu vực 9" for khu vực 4), another kind
 * a rule tells apart ("xe đạp" for "xe máy", sibling-kinds.ts), another level of government
 * ("Chủ tịch UBND cấp huyện" for the province's, admin-levels.ts), the country's figure
 * when a place's is counted. Pure.
 */
export function speaksOfAnotherSubject(
  question: QuestionAnalysis | undefined,
  passages: readonly Passage[],
): (sentence: string) => boolean {
  if (question === undefined) return () => false;
  const documents = heldDocumentNumbers(passages, question.documentNumbers) ? [] : question.documentNumbers;
  const plenums = plenumNumbersIn(question.folded);
  const units = numberedUnitsAsked(question);
  const kinds = siblingKindsAsked(question.folded);
  // "GPLX hạng B2": a licence class, told apart like a numbered unit.
  const classes = licenceClassesAsked(question.folded);
  // "Chủ tịch UBND tỉnh do ai bầu": the district's chairman is another office.
  const levels = levelsNamed(question.folded);
  // "Hà Tĩnh sau sáp nhập còn bao nhiêu xã": the country's count is not the province's.
  const places = question.type === "bao_nhieu" ? placesOf(question.situation) : [];
  // "còn viện kiểm sát thì sao?": a sentence that does not name it speaks of what was asked before.
  const shifted = question.shiftedTo === undefined ? [] : question.shiftedTo.flatMap(namesOfShift);
  if (
    documents.length +
      plenums.length +
      units.length +
      kinds.length +
      classes.size +
      levels.size +
      places.length +
      shifted.length ===
    0
  )
    return () => false;
  return (sentence) => {
    if (namesOnlyOtherDocuments(sentence, documents)) return true;
    const folded = foldDiacritics(sentence.toLowerCase());
    return (
      namesOnlyOtherPlenums(folded, plenums) ||
      namesOnlyOtherUnits(folded, units) ||
      namesOnlySiblingKinds(folded, kinds) ||
      namesOnlyOtherClasses(folded, classes) ||
      namesOnlyOtherLevels(folded, levels) ||
      (places.length > 0 && NATIONWIDE.test(folded) && !mentionsAny(folded, places)) ||
      (shifted.length > 0 && !mentionsAny(folded, shifted))
    );
  };
}

/**
 * The ways a sentence names a follow-up's new subject: the subject itself when short
 * ("vien kiem sat"), else any two of its words side by side that are not function words
 * ("duoi 15", "15 km" of "nguoi o duoi 15 km").
 */
function namesOfShift(subject: string): string[] {
  const words = subject.split(" ").filter((w) => !SHIFT_FILLERS.has(w));
  if (words.length <= 3) return words.length === 0 ? [] : [words.join(" ")];
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i++) pairs.push(`${words[i - 1]} ${words[i]}`);
  return pairs;
}
/** Words a subject is named with that name nothing ("các bộ", "những người ở ..."; folded). */
const SHIFT_FILLERS = new Set(["cac", "nhung", "nguoi", "o", "cua", "ve", "viec", "su"]);

/** A figure for the whole country (folded). */
const NATIONWIDE = /\b(?:ca nuoc|nuoc ta|toan quoc)\b/u;

/** Kinds of unit told apart by a number (folded, as the question's situation holds them). */
const NUMBERED_KIND = new RegExp(`^(${NUMBERED_UNIT_KINDS.map(foldDiacritics).join("|")}) (\\d{1,3})$`, "u");

/** A numbered unit the question names: its kind and number ("khu vuc", "4"). */
interface NumberedUnit {
  kind: string;
  number: string;
}

function numberedUnitsAsked(question: QuestionAnalysis): NumberedUnit[] {
  const out: NumberedUnit[] = [];
  for (const phrase of question.situation) {
    const match = NUMBERED_KIND.exec(phrase);
    if (match) out.push({ kind: match[1]!, number: match[2]! });
  }
  return out;
}

/** Whether a folded sentence names units of an asked kind, none of them by the asked number. */
function namesOnlyOtherUnits(folded: string, units: readonly NumberedUnit[]): boolean {
  for (const { kind, number } of units) {
    const named = [...folded.matchAll(cachedRegExp(`\\b${kind}\\s+(\\d{1,3})\\b`, "gu"))].map((m) => m[1]);
    if (named.length > 0 && !named.includes(number)) return true;
  }
  return false;
}
