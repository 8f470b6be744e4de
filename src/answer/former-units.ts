import { mentionsAny } from "../retrieval/question-analysis.js";

/*
 * "phường X mới gồm những phường cũ nào": the former units a new one was made of. The
 * sentence that answers lists them ("gồm Phường 1, Phường 2, Phường 7 và Phường 17") and
 * never calls them "cũ", so the focus "phường cũ" is named by such a list. Pure.
 */

/** Words that say what a unit was made of (folded). */
const MADE_OF = /\b(?:gom|sap xep|sap nhap|nhap|hop nhat|thanh lap|tren co so)\b/u;
/** A focus on former units: "phường cũ", "xã trước sáp nhập" (folded). */
const FORMER_UNITS = /^(xa|phuong|thi tran|huyen|quan|tinh) (?:cu|truoc day|truoc sap nhap)$/u;
/**
 * Whether the sentence lists units of the kind a focus on former units asks ("gồm những
 * phường cũ nào"): "Phường 1, Phường 2, Phường 7 và Phường 17", "các phường Trần Hưng Đạo,
 * Nhị Châu", in a sentence naming the new one asked. The sentence that answers never calls
 * them "cũ".
 */
export function listsUnits(phrase: string, folded: string, situation: readonly string[]): boolean {
  const unit = FORMER_UNITS.exec(phrase)?.[1];
  // A table of new units ("Thuế cơ sở 9: Phường Hải Dương, Phường Lê Thanh Nghị, ...") lists
  // no former ones: the sentence must say what was made of them.
  if (unit === undefined || !MADE_OF.test(folded)) return false;
  // And the new unit asked: "... thành phường mới có tên gọi là phường Dương Kinh" is not Hải Dương's.
  if (situation.length > 0 && !mentionsAny(folded, situation)) return false;
  const named = folded.split(new RegExp(`\\b${unit} (?=[a-z0-9])`, "u")).length - 1;
  return named >= 2 || new RegExp(`\\bcac ${unit} [a-z0-9 ]+, [a-z0-9]`, "u").test(folded);
}
