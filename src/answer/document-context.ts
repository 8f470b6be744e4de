import { documentNumbersIn } from "../retrieval/document-references.js";
import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import type { ChunkRecord } from "../store/types.js";
import { foldDiacritics } from "../text/index.js";
import { holdsEvidence, namesFocus } from "./answer-evidence.js";
import { SPECIFIC_TYPES } from "./answer-types.js";
import type { Passage } from "./types.js";

/** How many of the first documents are read beyond their retrieved passages. */
export const CONTEXT_DOCUMENTS = 2;
/** A document longer than this is a code or a decree: its other passages are not read. */
export const MAX_CONTEXT_CHUNKS = 40;
/** What a passage found this way weighs against its document's last retrieved passage. */
const CONTEXT_SCORE_SHARE = 0.9;
/** The largest share of a document's passages that may name the focus for it to point anywhere. */
const MAX_NAMING_SHARE = 0.6;
/** At most this many passages are added a document. */
const MAX_ADDED_A_DOCUMENT = 2;

/**
 * The documents whose other passages are worth reading: the first `CONTEXT_DOCUMENTS`
 * documents among the hits, in rank order (their ids).
 */
export function contextDocuments(passages: readonly Passage[]): string[] {
  const ids: string[] = [];
  // A question about a place reads the documents about it first ("Điện Biên ... còn mấy
  // phường": the province's own resolution, ranked under others that list more wards).
  for (const aboutIt of [true, false]) {
    for (const p of passages) {
      if ((p.docInSituation === true) !== aboutIt || ids.includes(p.doc.docId)) continue;
      ids.push(p.doc.docId);
      if (ids.length === CONTEXT_DOCUMENTS) return ids;
    }
  }
  return ids;
}

/**
 * A report states its situation in its opening ("Bí thư Huyện ủy đồng thời là Chủ tịch
 * UBND huyện" at Đức Thọ) and its difficulties two paragraphs on, in a passage that shares
 * none of the question's situation words: retrieval ranks that passage far down, behind
 * other documents that share the situation's words. When the question names what it asks
 * (its focus), the passages of the first documents that name it are read too, each placed
 * after its document's last retrieved passage and scored a little under it.
 */
export function withFocusPassages(
  passages: readonly Passage[],
  question: QuestionAnalysis | undefined,
  chunksOf: ReadonlyMap<string, readonly ChunkRecord[]>,
): Passage[] {
  if (question === undefined || question.focusPhrases.length === 0) return [...passages];
  const present = new Set(passages.map((p) => p.chunk.chunkId));
  const out = [...passages];
  for (const [docId, chunks] of chunksOf) {
    const own = out.filter((p) => p.doc.docId === docId);
    if (own.length === 0 || chunks.length > MAX_CONTEXT_CHUNKS) continue;
    const best = own[0]!;
    // Under every passage retrieval found in it: a found passage is read first.
    const score = Math.min(...own.map((p) => p.score)) * CONTEXT_SCORE_SHARE;
    let naming = chunks.filter((c) => namesFocus(question, foldDiacritics(c.text.toLowerCase())) > 0);
    // A focus most of the document names ("trường hợp" in a decree, "phường" in a
    // resolution merging wards) points to no passage, unless the document is about the
    // place asked and few of those passages also hold what a count or a date asks
    // ("Điện Biên ... còn mấy phường": "gồm 42 xã và 03 phường").
    const limit = Math.max(MAX_ADDED_A_DOCUMENT, chunks.length * MAX_NAMING_SHARE);
    if (naming.length > limit && best.docInSituation === true && SPECIFIC_TYPES.has(question.type)) {
      naming = naming.filter((c) => holdsEvidence(question, c.text, foldDiacritics(c.text.toLowerCase())));
    }
    if (naming.length > limit) continue;
    const added = naming
      .filter((c) => !present.has(c.chunkId))
      .slice(0, MAX_ADDED_A_DOCUMENT)
      .map(
        (chunk): Passage => ({
          chunk,
          doc: best.doc,
          score,
          docInSituation: best.docInSituation,
          docOpening: best.docOpening,
          superseded: best.superseded,
          fromDocument: true,
        }),
      );
    if (added.length === 0) continue;
    const after = out.lastIndexOf(own[own.length - 1]!);
    out.splice(after + 1, 0, ...added);
  }
  return out;
}

/** Whether one of the passages is of a document asked about (its own number leads with one). */
export function heldDocumentNumbers(passages: readonly Passage[], numbers: readonly string[]): boolean {
  return passages.some((p) => {
    const own = /^\d+/u.exec(p.doc.number ?? "")?.[0];
    return own !== undefined && numbers.includes(String(Number(own)));
  });
}

/**
 * Whether a sentence names documents, none of them one asked about ("Kết luận số
 * 157-KL/TW" when 121 is asked): it speaks of another document.
 */
export function namesOnlyOtherDocuments(sentence: string, numbers: readonly string[]): boolean {
  if (numbers.length === 0) return false;
  const named = documentNumbersIn(sentence);
  return named.length > 0 && !named.some((n) => numbers.includes(n));
}

/**
 * Whether a passage of another document than those a question names still speaks of
 * them ("Kết luận 126 yêu cầu gì về ..."): it names one of them. A page on the reform that
 * never names it says what others required.
 */
export function namesDocuments(passageText: string, numbers: readonly string[]): boolean {
  // Most passages hold none of the digits: no need to read their document references.
  if (!numbers.some((n) => passageText.includes(n))) return false;
  return documentNumbersIn(passageText).some((n) => numbers.includes(n));
}
