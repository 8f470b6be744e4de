import { documentNumbersIn } from "../retrieval/document-references.js";
import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { GenerationCache } from "../store/generation-cache.js";
import { findDocumentNumbers } from "../text/document-numbers.js";
import { OPENING_DAY } from "./document-dates.js";

/**
 * Whether a sentence only names a document: a header's "Số 07-KL/VPTW", "(Ban hành kèm
 * theo Quyết định số 26/2025/QĐ-UBND ngày 21 tháng 11 năm 2025)", a cut "Căn cứ Thông tư
 * số". It answers nothing but which document, and led answers to "là kết luận của ai",
 * "có hiệu lực từ ngày nào" because it holds the number the question names.
 */
export function onlyNamesDocument(sentence: string): boolean {
  // Every sentence is asked this: a long one always says something, and is not read.
  if (sentence.length > MAX_REFERENCE_CHARS) return false;
  // The best passages recur across questions: each short sentence is read once.
  return namesOnlyDocument.getOrCompute(sentence, readsAsReference);
}

/** What `onlyNamesDocument` found for the short sentences read in the last two generations. */
const namesOnlyDocument = new GenerationCache<string, boolean>(10_000);

function readsAsReference(sentence: string): boolean {
  let rest = sentence.normalize("NFC").replace(PLACE_AND_DATE, "ngày");
  for (const number of findDocumentNumbers(rest)) rest = rest.split(number).join(" ");
  rest = rest.replace(DATE, " ").replace(REFERENCE_WORDS, " ");
  const syllables = rest.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "" && !/^\d+$/u.test(w));
  return syllables.length < 2;
}

/** Whether the question asks which document (then a reference is the answer). */
export function asksWhichDocument(question: QuestionAnalysis | undefined): boolean {
  return question !== undefined && WHICH_DOCUMENT.test(question.folded);
}

/** A reference with its date is a line: "(Ban hành kèm theo Quyết định số ... ngày ...)". */
const MAX_REFERENCE_CHARS = 160;
/** A header's place and date: "Hà Nội, ngày 01 tháng 12 năm 2025". */
const PLACE_AND_DATE = /^[\p{L}\s*_]{1,24},\s*ngày/u;
const DATE = /ngày\s*\d{1,2}\s*(?:tháng|\/|-)\s*\d{1,2}\s*(?:năm|\/|-)\s*\d{4}/giu;
const REFERENCE_WORDS =
  /(?<![\p{L}\p{N}])(?:số|ban hành|kèm theo|căn cứ|của|và|hiến pháp|bộ luật|luật|pháp lệnh|nghị quyết|nghị định|kết luận|quy định|quyết định|hướng dẫn|chỉ thị|thông tư liên tịch|thông tư|thông báo|công văn|kế hoạch)(?![\p{L}\p{N}])/giu;
const WHICH_DOCUMENT =
  /\b(?:van ban nao|quyet dinh nao|nghi dinh nao|nghi quyet nao|thong tu nao|ket luan nao|luat nao|so may|so hieu|so bao nhieu|kem theo)\b/u;

/**
 * A folded sentence without the dates of the documents it cites that the question does
 * not name: "Quyết định số 06/2021/QĐ-UBND ngày 22 tháng 01 năm 2021" dates that decision,
 * and does not say when the Quyết định 26/2025 asked about takes effect. Dates of a
 * document the question names are kept ("ký Kết luận số 126-KL/TW ngày 14/2/2025"), and
 * all of them when it names none.
 */
export function withoutCitedDocumentDates(
  questionNumbers: readonly string[],
  folded: string,
  sentence: string,
): string {
  // A question naming no document ("Bộ Chính trị ban hành kết luận về ... khi nào") is
  // answered by the date a document was issued.
  if (questionNumbers.length === 0) return folded;
  // "Luật số 22/2008/QH12 ... hết hiệu lực kể từ ngày ...": a sentence naming other
  // documents and not the one asked dates them, not it ("Luật này có hiệu lực từ ..." does).
  // The day it opens with is the sentence's own setting ("Tại phiên họp ngày 28/2/2025,
  // ... (Công văn số 8011-CV/BTCTW, ngày 27/02/2025)"): that one stays.
  const named = documentNumbersIn(sentence);
  if (named.length > 0 && !named.some((n) => questionNumbers.includes(n)))
    return OPENING_DAY.exec(folded)?.[0] ?? "";
  return folded.replace(CITED_DATE, (whole, leadA: string | undefined, leadB: string | undefined) => {
    const lead = String(Number(leadA ?? leadB));
    return questionNumbers.includes(lead) ? whole : " ";
  });
}

/** A document number (folded) and the date right after it: "06/2021/qd-ubnd ngay 22 thang 01 nam 2021". */
const CITED_DATE =
  /\b(?:(\d{1,5})(?:\/\d{4})?\/[a-z]{1,8}(?:-[a-z0-9]{1,10})*|(\d{1,5})-[a-z]{1,4}\/[a-z]{1,8})\s+ngay\s+\d{1,2}(?:\s+thang\s+\d{1,2}\s+nam\s+\d{4}|\/\d{1,2}\/\d{4})/gu;

/** Whether the question asks a document's number ("... là văn bản số mấy", "số hiệu"), folded. */
export function asksDocumentNumber(questionFolded: string): boolean {
  return ASKS_DOCUMENT_NUMBER.test(questionFolded);
}

/** Whether a sentence gives a document's number ("Hướng dẫn 02-HD/TWH ngày 27/6/2025"). */
export function givesDocumentNumber(sentence: string): boolean {
  return findDocumentNumbers(sentence.normalize("NFC")).length > 0;
}

/**
 * "số mấy" is also a telephone's extension: only after a kind of document it asks its number
 * (typed short too, right before it: "theo NQ số mấy").
 */
const ASKS_DOCUMENT_NUMBER =
  /\b(?:van ban|quyet dinh|nghi dinh|nghi quyet|thong tu|ket luan|huong dan|cong van|ke hoach|chi thi|luat)\b.*\bso (?:may|hieu|bao nhieu)\b|\b(?:nq|nd|qd|kl) so may\b|\bso hieu\b/u;

/**
 * Whether the passage's document is one the question names by number ("QĐ 2920 về ... Sở
 * Nội vụ Hà Tĩnh ai ký"): it is the situation asked, whether or not the passage repeats
 * the place.
 */
export function isNamedDocument(question: QuestionAnalysis, docNumber: string | null | undefined): boolean {
  if (!docNumber || question.documentNumbers.length === 0) return false;
  const lead = /^0*(\d+)/u.exec(docNumber)?.[1];
  return lead !== undefined && question.documentNumbers.includes(lead);
}

/**
 * For a question asking which document ("... để thực hiện kết luận nào", "NĐ 67 sửa đổi
 * nghị định nào"): whether the sentence names a document other than those the question
 * names ("Thực hiện Kết luận số 210-KL/TW ...").
 */
export function namesAnotherDocument(question: QuestionAnalysis, sentence: string): boolean {
  return documentNumbersIn(sentence).some((n) => !question.documentNumbers.includes(n));
}
