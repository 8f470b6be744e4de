import type { QuestionAnalysis } from "../retrieval/question-analysis.js";

/*
 * Dates that date a document, not what it is about: "Ngày 12/10/2025, Bộ trưởng Bộ Nội vụ
 * ban hành Thông tư 21/2025/TT-BNV hướng dẫn ... tổ chức bầu cử ...", "Nghị định số
 * 67/2025/NĐ-CP ngày 15/3/2025", "... thông qua ngày 27 tháng 11 năm 2025". Such a date
 * answers when a document was issued or signed, not when the election it guides is held:
 * behind the crawl, and in the reform pages, the Thông tư's day answered "Bầu cử ... tổ
 * chức vào ngày nào". Pure; works on folded text.
 */

/** A day, with its month and year if written: "15/3/2025", "27 thang 11 nam 2025", "12". */
const DAY = String.raw`\d{1,2}(?:/\d{1,2}(?:/\d{2,4})?|\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?)?`;
/** What issues, signs or adopts a document (folded). */
const ISSUES = "(?:ban hanh|ky|thong qua|cong bo)";
/** "... ký ngày 14/2/2025", "thông qua ngày 27 tháng 11 năm 2025" (folded). */
const ISSUED_ON = String.raw`\b${ISSUES}(?:\s+ban hanh)?\s+(?:vao\s+)?ngay\s+${DAY}`;

const DOCUMENT_DATES: readonly RegExp[] = [
  new RegExp(ISSUED_ON, "gu"),
  // "Nghị định số 67/2025/NĐ-CP ngày 15/3/2025"
  new RegExp(String.raw`\d+/[\p{L}\d/-]+\s+ngay\s+${DAY}`, "gu"),
  // The year in a document's number: "Thông tư 21/2025/TT-BNV"
  /\d+\/(?:19|20)\d{2}\/\p{L}[\p{L}\d-]*/gu,
  // "Ngày 12/10/2025, Bộ trưởng Bộ Nội vụ ban hành Thông tư ...": the clause opening with the
  // day, when its verb issues.
  new RegExp(String.raw`^\W*(?:ngay\s+${DAY}|${DAY})\s*,(?=[^,.;]*\b${ISSUES}\b)`, "u"),
];

/**
 * Questions about a document's own dates ("ban hành ngày nào", "ký khi nào", "có hiệu lực
 * từ", "NQ 190 ... ngày nào"), or about acts done by a document ("thành lập", "sáp nhập",
 * "bổ nhiệm"), which its issue dates answer (folded).
 */
const ASKS_DOCUMENT_DATE =
  /\b(?:ban hanh|ky|thong qua|cong bo|ra doi|hieu luc|ap dung|thanh lap|sap nhap|hop nhat|giai the|bo nhiem|chi dinh|phe duyet|quyet dinh)\b/u;

/**
 * The day a sentence opens with as its setting: "Tại phiên họp ngày 28/2/2025, ...",
 * "Ngày 14/2/2025, ..." (folded). Documents cited further on do not date it.
 */
export const OPENING_DAY = new RegExp(
  String.raw`^\W*(?:tai (?:phien hop|hoi nghi|ky hop|cuoc hop)[^,]{0,40}?\s+|vao\s+)?ngay\s+${DAY}\s*,`,
  "u",
);

/** When a document was signed or issued, as documents write it (folded). */
const ISSUE_DATES: readonly RegExp[] = [
  new RegExp(ISSUED_ON, "u"),
  // "Nghị định số 67/2025/NĐ-CP ngày 15/3/2025", "Kết luận số 126-KL/TW ngày 14/02/2025"
  new RegExp(String.raw`\d+(?:/[\p{L}\d/-]+|-[\p{L}]+/[\p{L}\d/-]+),?\s+ngay\s+${DAY}`, "u"),
  // "Ngày 12/10/2025, Bộ trưởng ... ban hành Thông tư ...", "Vào ngày 22 tháng 12 năm 2024, ... đã ký"
  new RegExp(String.raw`^\W*(?:(?:vao\s+)?ngay\s+${DAY}|${DAY})\s*,(?=[^,.;]*\b${ISSUES}\b)`, "u"),
  OPENING_DAY,
];

/** Whether a question asks when a document it names was signed, issued or adopted ("KL 127 ký ngày nào"). */
export function asksIssueDate(question: QuestionAnalysis): boolean {
  return question.documentNumbers.length > 0 && ASKS_ISSUE.test(question.folded);
}
const ASKS_ISSUE =
  /\b(?:ky|ban hanh|thong qua)(?: ban hanh)?[\s,]+(?:vao\s+)?(?:ngay nao|khi nao|bao gio|luc nao|nam nao|thang nao|hom nao)\b|\b(?:ngay nao|khi nao|bao gio)\s+(?:duoc\s+)?(?:ky|ban hanh|thong qua)\b/u;

/**
 * Whether a folded sentence dates a document's signing or issue, or opens with a day as
 * its setting ("Tại phiên họp ngày 28/2/2025, ...", "Ngày 14/2/2025, ..."): a deadline the
 * document sets further on ("chậm nhất ngày 09/3/2025") does not say when it was signed.
 */
export function givesIssueDate(folded: string): boolean {
  return ISSUE_DATES.some((pattern) => pattern.test(folded));
}

/** Whether the question asks the date of something other than a document. */
export function asksEventDate(question: QuestionAnalysis): boolean {
  return question.documentNumbers.length === 0 && !ASKS_DOCUMENT_DATE.test(question.folded);
}

/** The folded sentence with the dates of documents taken out. */
export function withoutDocumentDates(folded: string): string {
  let out = folded;
  for (const pattern of DOCUMENT_DATES) out = out.replace(pattern, " ");
  return out;
}
