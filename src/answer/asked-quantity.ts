import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { cachedRegExp } from "../text/index.js";
import { perQuestion } from "./per-question.js";

/*
 * A quantity the question states as its case ("Chi cục có 2 phòng thì được mấy phó?",
 * "trường 30 lớp"), and whether a sentence's condition leaves that case out: a rule "từ
 * 04 phòng trở lên" or "không có phòng" is another case's, while "từ 01 đến 03 phòng" is
 * the one asked. Pure; folded text (lower case, no marks).
 */

/** A number the question gives, with the first word of what it counts ("phong", "lop"). */
export interface AskedQuantity {
  value: number;
  unit: string;
}

/** A number and the word after it; not a document's number, a year, an article or a term. */
const QUANTITY =
  /(?<![\p{L}\p{N}/.-])(?<!\b(?:so|nd|nq|tt|qd|cv|kl|ct|dieu|khoan|diem|khoa|muc|chuong|phuong|quan|thang|ngay|nam|tu|tren|duoi|qua|hon|den|vung|loai|nhom|hang|cap|bac|khu|phan|dot|ky|lan)\s)(\d{1,4})\s+([a-z]{2,})\b/gu;
/**
 * Words after a number that count no case: time and money are asked, not given, in these;
 * a label's number ("vùng 2 thì") is followed by any word.
 */
const NOT_A_CASE = new Set([
  ...["nam", "thang", "ngay", "gio", "phut", "dong", "trieu", "ty", "nghin", "lan"],
  ...["thi", "va", "hoac", "hay", "la", "co", "cua", "o", "de", "ma", "khi", "neu", "roi", "ko", "khong"],
]);

/** The quantities a question states as its case, read once per analysis. */
export const askedQuantities = perQuestion(({ folded, type }): AskedQuantity[] => {
  // "có ... không": a threshold that leaves the case out answers it ("từ 10 người lao động
  // trở lên" for 8): only what is asked by amount or manner is held to the case.
  if (type === "co_khong") return [];
  const out: AskedQuantity[] = [];
  for (const match of folded.matchAll(QUANTITY)) {
    const value = Number(match[1]);
    const unit = match[2]!;
    if (NOT_A_CASE.has(unit) || value >= 1900) continue;
    out.push({ value, unit });
  }
  return out;
});

/** A condition on a count of `unit`: the values it admits, both ends included. */
interface Range {
  min: number;
  max: number;
}

/** How many words may stand between the unit and "trở lên" ("04 phòng và tương đương trở lên"). */
const UNIT_TAIL = "(?:\\s+[a-z]+){0,4}?";

/** The conditions a sentence puts on counts of `unit` (folded sentence). */
export function conditionsOn(unit: string, folded: string): Range[] {
  const ranges: Range[] = [];
  const n = "(\\d{1,4})";
  const u = `\\s+${unit}\\b`;
  const add = (pattern: string, range: (a: number, b: number) => Range) => {
    for (const m of folded.matchAll(cachedRegExp(pattern, "gu")))
      ranges.push(range(Number(m[1]), Number(m[2])));
  };
  add(`\\btu ${n}(?:${u})? (?:den|toi|-) ${n}${u}`, (a, b) => ({ min: a, max: b }));
  add(`\\btu ${n}${u}${UNIT_TAIL}\\s+tro len\\b`, (a) => ({ min: a, max: Infinity }));
  add(`\\btu ${n}${u}${UNIT_TAIL}\\s+tro xuong\\b`, (a) => ({ min: -Infinity, max: a }));
  add(`\\b(?:duoi|it hon) ${n}${u}`, (a) => ({ min: -Infinity, max: a - 1 }));
  add(`\\b(?:tren|nhieu hon|hon) ${n}${u}`, (a) => ({ min: a + 1, max: Infinity }));
  add(`\\b(?:it nhat|toi thieu) ${n}${u}`, (a) => ({ min: a, max: Infinity }));
  if (cachedRegExp(`\\bkhong co${u}`, "u").test(folded)) ranges.push({ min: 0, max: 0 });
  return ranges;
}

/**
 * Whether the sentence sets a condition on a quantity the question gives, and none of its
 * conditions admits the question's value: the rule of another case.
 */
export function leavesOutAskedCase(question: QuestionAnalysis, folded: string): boolean {
  for (const { value, unit } of askedQuantities(question)) {
    const ranges = conditionsOn(unit, folded);
    if (ranges.length > 0 && !ranges.some((r) => value >= r.min && value <= r.max)) return true;
  }
  return false;
}
