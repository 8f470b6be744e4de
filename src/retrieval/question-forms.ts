import { foldDiacritics } from "../text/index.js";

/*
 * Forms of question that say what is asked whatever their question word: a unit's merger,
 * the origin of a name, a quoted phrase. Read by the question analysis (its focus) and by
 * the answer stage (its evidence). Pure, on folded text unless said otherwise.
 */

/**
 * A question on whether a unit was merged (folded): "xã X có bị sáp nhập không". Where it
 * went ("nhập vào đâu", "nhập về xã nào") is MERGE_TARGET's, which takes no focus.
 */
export const MERGED_UNIT =
  /\b(?:xa|phuong|thi tran|huyen|quan|tinh)\b.*\b(?:bi|da|duoc) (?:sap nhap|nhap|gop)\b/u;

/**
 * A question on the unit an old one was merged into (folded): "xã Lùng Thẩn giờ nhập vào
 * xã mới tên là gì", "Phình Hồ giờ nhập với xã nào", "phường Yết Kiêu sáp nhập vào đâu".
 */
export const MERGE_TARGET =
  /\b(?:nhap|sap nhap|gop|sap xep|hop nhat)(?: [a-z]+){0,3} (?:vao|voi|ve|thanh) (?:dau\b|(?:xa|phuong|thi tran|tinh|huyen|dac khu)(?: moi)? (?:nao|ten (?:la )?gi|gi)\b)/u;

/**
 * A question on what a new unit was made of (folded): "phường An Xuyên mới được sắp xếp từ
 * những đơn vị nào", "xã Bắc Ái mới được hình thành từ đâu", "phường Long An mới gồm những
 * đơn vị nào". Its answer lists the former units (src/answer/former-units.ts).
 */
const FORMER_KIND = "(?:don vi|dia phuong|xa|phuong|thi tran|huyen|quan|tinh)(?: hanh chinh)?(?: cu)?";
export const ASKS_MADE_FROM = new RegExp(
  [
    `\\btu(?: nhung| cac)? ${FORMER_KIND} nao\\b`,
    "\\b(?:hinh thanh|sap xep|sap nhap|hop nhat|thanh lap|lap|gop) tu dau\\b",
    // "gồm" lists what a unit has as well as what it was made of: only a new or merged one's.
    `^(?=.*\\b(?:moi|sap xep|sap nhap|hop nhat|gop|hinh thanh|thanh lap)\\b).*\\b(?:gom|bao gom)(?: nhung| cac)? ${FORMER_KIND} nao\\b`,
  ].join("|"),
  "u",
);

/** The kind of unit a "made from" question asks ("từ những phường nào"), or names first. */
const ASKED_KIND = /\b(?:tu|gom|bao gom)(?: nhung| cac)? (xa|phuong|thi tran|huyen|quan|tinh)\b/u;
// "quận", not the "quan" of "cơ quan".
const UNIT_KIND = /\b(xa|phuong|thi tran|huyen|(?<!co )quan|tinh)\b/u;

/**
 * The former units a "made from" question asks, as the focus the answer stage reads
 * ("phuong cu"): of the kind it asks ("từ những phường nào"), else of its new unit's kind.
 */
export function formerUnitsAsked(folded: string): string {
  if (!ASKS_MADE_FROM.test(folded)) return "";
  const asked = ASKED_KIND.exec(folded)?.[1];
  if (asked !== undefined) return `${asked} cu`;
  // "phường X mới ... từ những đơn vị nào": a unit's; "Cơ quan Tổ chức - Nội vụ huyện Đức
  // Thọ được sáp nhập từ những đơn vị nào" asks an agency's, not a district's former units.
  const named = UNIT_KIND.exec(folded);
  return named !== null && named.index <= FIRST_WORDS ? `${named[1]} cu` : "";
}
/** How far into a question (characters, folded) its subject's kind may come ("Tỉnh", "xã"). */
const FIRST_WORDS = 12;

/**
 * A question on which region's court or tax office a place belongs to (folded): "thuộc
 * thẩm quyền TAND khu vực nào". Not "những khu vực nào", a list.
 */
export const ASKS_REGION = /(?<!\b(?:nhung|cac) )\bkhu vuc nao\b/u;

/**
 * A question asking a telephone number (folded): "số điện thoại", "đường dây nóng",
 * "hotline", "tổng đài", "số máy". Whatever its question word ("cho mình xin số đường
 * dây nóng của Sở Nội vụ", "có tổng đài nào ... không"), only a number to call answers it.
 */
export const ASKS_PHONE = /\b(?:so dien thoai|dien thoai|hotline|duong day nong|tong dai|so may)\b/u;

/** A number to call asked for: "xin số đường dây nóng", "số điện thoại ... là bao nhiêu", "tổng đài nào" (folded). */
const ASKS_FOR_PHONE =
  /\b(?:xin|cho biet|tra cuu|tim|lien he)\b(?: [a-z0-9]+){0,3} (?:so dien thoai|so|hotline|duong day nong|tong dai)\b|\b(?:so dien thoai|dien thoai|hotline|duong day nong|tong dai|so may)\b.*\b(?:la gi|bao nhieu|so may|so nao|nao|la so)\b/u;
/** A fine or a payment asked, which a telephone in the question only sets ("sử dụng điện thoại ... bị phạt bao nhiêu") (folded). */
const ASKS_AMOUNT = /\b(?:phat|xu phat|muc phat|phi|le phi|cuoc phi|gia cuoc)\b/u;

/**
 * Whether a question asks a number to call: "cho mình xin số đường dây nóng ...", "số điện
 * thoại của phường là bao nhiêu", "BNV có tổng đài nào ... ko". Not one that only names a
 * telephone: "có cần số điện thoại chính chủ không", "sử dụng điện thoại khi lái xe bị
 * phạt bao nhiêu", "cài đặt camera trên điện thoại".
 */
export function asksPhoneNumber(folded: string): boolean {
  return ASKS_PHONE.test(folded) && ASKS_FOR_PHONE.test(folded) && !ASKS_AMOUNT.test(folded);
}

/** A "why" question on a name given (folded): "vì sao đặt tên là ...", "lấy tên này". */
export const ASKS_NAMING = /\b(?:dat ten|lay ten|mang ten|co ten|ten goi)\b/u;

/**
 * A phrase a question quotes, in straight or curly quotes, up to eight words; not the
 * apostrophes inside names ("H'Mông", "Đắk R'Lấp").
 */
const QUOTED = /(?<!\p{L})["“'‘]([^"”'’]{2,60})["”'’](?!\p{L})/u;

/** The folded phrase a question quotes ("ban dan toc"), or "". */
export function quotedPhrase(question: string): string {
  const quoted = QUOTED.exec(question.normalize("NFC"))?.[1];
  if (quoted === undefined) return "";
  const folded = foldDiacritics(quoted.toLowerCase())
    .replace(/[^a-z0-9]+/gu, " ")
    .trim();
  return folded.split(" ").length <= 8 ? folded : "";
}

/**
 * What an article of a document provides, asked by its number: "Điều 5 quy định về nội
 * dung gì", "điều 12 nói gì" (folded). Its focus is the article ("dieu 5"): the sentence
 * that answers names it ("Điều 5, Quốc hội quyết nghị về giám sát và kiểm toán ...").
 */
const ASKS_ARTICLE =
  /\b(dieu \d{1,3})\b(?: [a-z]+){0,6} (?:quy dinh|noi|de cap|co noi dung) (?:ve )?(?:noi dung )?(?:gi|nhung gi)\b/u;

/** The article a question asks the content of ("dieu 5"), or "". */
export function articleAsked(folded: string): string {
  return ASKS_ARTICLE.exec(folded)?.[1] ?? "";
}

/**
 * A question copied from a quiz or a list keeps its number: "Câu 7: Trong cuộc Tổng tuyển
 * cử ...", "(1) Máy tính tiền là gì?", "Câu hỏi 9. ...". The number asks nothing, and as
 * a term it would be searched ("7", "câu 7") and read as part of the question.
 */
export function withoutItemNumber(question: string): string {
  const stripped = question.replace(ITEM_NUMBER, "");
  return stripped.trim() === "" ? question : stripped;
}
const ITEM_NUMBER =
  /^\s*(?:(?:câu|cau|Câu|Cau|CÂU)(?:\s+(?:hỏi|hoi))?\s*\d{1,3}\s*[:.)-]|\(\d{1,3}\)|\d{1,3}[.)](?!\d))\s*/u;

/** A question asking a form's number: "mẫu số mấy", "theo mẫu nào" (folded). */
export const ASKS_FORM_NUMBER = /\bmau (?:so (?:may|bao nhieu)|nao)\b/u;
/** A question opening with the form it wants: "Mẫu đơn ...?", "Tải mẫu ... ở đâu" (folded). */
const OPENS_WITH_FORM = /^(?:tai |download )?mau\b/u;

/** Whether a question asks for a form itself, or which form to use. */
export function asksForForm(folded: string): boolean {
  return OPENS_WITH_FORM.test(folded) || ASKS_FORM_NUMBER.test(folded);
}
