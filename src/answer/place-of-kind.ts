import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { ASKS_REGION } from "../retrieval/question-forms.js";
import { cachedRegExp, foldDiacritics } from "../text/index.js";

/*
 * "Phường Bến Thành thuộc quận nào?" asks for a unit of one kind (a quận). A sentence
 * naming other wards beside Bến Thành names new places, but not the one asked: only a
 * quận written out ("Quận 1", "quận Hoàn Kiếm") answers.
 */

/**
 * The unit a place belongs to, asked by its kind ("thuộc quận nào"; folded), or the region
 * of a court or a tax office ("thuộc TAND khu vực nào": "Tòa án nhân dân khu vực 6"). Not "ở
 * tỉnh nào" (a seat, which a table row answers without its kind) nor "tỉnh nào nhiều xã nhất".
 */
const ASKED_KIND = /\bthuoc (?:ve )?(quan|huyen|tinh|thanh pho|thi xa)\s+nao\b/u;

/** The kind of unit the question asks for ("quan" of "thuộc quận nào"), if any (folded). */
export function askedPlaceKind(question: QuestionAnalysis): string | undefined {
  return ASKED_KIND.exec(question.folded)?.[1] ?? (ASKS_REGION.test(question.folded) ? "khu vuc" : undefined);
}

/** A unit's name after its kind: a number or capitalised syllables ("Quận 1", "huyện Đức Thọ"). */
const UNIT_NAME = /^(?:\d+|\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*)(?![\p{L}\p{N}])/u;

/**
 * Whether the sentence names a unit of `kind` that the question does not name: the kind's
 * word followed by a name, in a sentence naming the unit asked about. The folded sentence
 * keeps every offset of the marked one, so the kind is found folded and its name's
 * capital read marked.
 */
export function namesPlaceOfKind(sentence: string, question: QuestionAnalysis, kind: string): boolean {
  const marked = sentence.normalize("NFC");
  const folded = foldDiacritics(marked.toLowerCase());
  // The unit asked about is named beside it: "Phường 4 (Quận 3)" answers for Phường 4 only.
  if (question.situation.length > 0 && !question.situation.some((place) => folded.includes(place)))
    return false;
  for (const match of folded.matchAll(cachedRegExp(`(?<![\\p{L}\\p{N}])${kind}\\s+`, "gu"))) {
    const start = match.index + match[0].length;
    const written = UNIT_NAME.exec(marked.slice(start));
    if (!written) continue;
    const name = foldDiacritics(written[0].toLowerCase());
    if (!question.folded.includes(name) && !question.situation.some((place) => place.includes(name)))
      return true;
  }
  return false;
}
