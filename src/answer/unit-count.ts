import { DURATION_UNIT, POPULATION_UNIT } from "../retrieval/counted-unit.js";
import { ABBREVIATIONS, escapeRegExp, foldDiacritics, foldNfc, wordCharacterLength } from "../text/index.js";

/*
 * Whether a sentence counts the unit a "bao nhiêu" question asks ("06 đầu mối", "34
 * tỉnh, thành phố", "15 tháng phụ cấp"). Pure. Every candidate sentence of such a
 * question is read here, and each question brings its own unit: the patterns built per
 * unit have no letter classes, which cost a third of a millisecond or more to compile.
 */

/** "bao nhiêu người" is answered in the people a rule counts: "không quá 03 cán bộ" (folded). */
const PEOPLE_COUNTED = "nguoi|can bo|cong chuc|vien chuc|dong chi|thanh vien|uy vien|dai bieu";

/**
 * Numbers as documents write them, read with their marks: digits, or number words ("hai",
 * not the "Hải" of "Hải Châu"; "một", not the "một số", "một vài" that mean "some", nor the
 * "một cách", "một mình" of manner).
 */
const NUMBER =
  /(?<![\p{L}\p{N}])(?:\d+(?:[.,]\d+)*|một(?!\s+(?:số|vài|ít|chút|cách|mình)(?![\p{L}\p{N}]))|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ|tỉ)(?![\p{L}\p{N}])/gu;

/**
 * Whether the sentence counts `unit` ("06 đầu mối", "34 tỉnh, thành phố"): a number with
 * the unit's first word within three words after it; any number not a year or a document
 * number when the unit is unknown. Numbers are found in the marked text, units in the
 * folded text at the same place (folding keeps every offset).
 */
export function countsUnit(sentence: string, foldedSentence: string, unit: string): boolean {
  const pattern = unit === "" ? null : unitPattern(unit);
  // No number is followed by the unit where the unit is nowhere: most sentences, told
  // apart before the sentence is lowered and folded again (the caller's folded text, when
  // it is offset for offset the sentence's and has no "²" to read as "2", is the text
  // read below).
  if (
    pattern !== null &&
    pattern.other === undefined &&
    foldedSentence.length === sentence.length &&
    !foldedSentence.includes("²") &&
    !foldedSentence.includes("³") &&
    !pattern.named.test(foldedSentence)
  )
    return false;
  const marked = sentence.normalize("NFC").toLowerCase();
  // The caller's folded text is this one's offset for offset (folding keeps lengths);
  // folded again only if the sentence was not in NFC.
  // "83,78 km²" counts the "km2" a question types (one character for one: offsets hold).
  const folded = (foldedSentence.length === marked.length ? foldedSentence : foldNfc(marked)).replace(
    SUPERSCRIPT,
    (digit) => (digit === "²" ? "2" : "3"),
  );
  if (pattern?.other?.test(folded)) return true;
  if (pattern !== null && !pattern.named.test(folded)) return false;
  for (const match of marked.matchAll(NUMBER)) {
    const end = match.index + match[0].length;
    // A document number's parts ("178/2024", "20/2023/TT-BGDĐT") count nothing; a share
    // ("461/465 đại biểu", "15/15 nhiệm vụ") counts.
    const inReference =
      (marked[end] === "/" && REFERENCE_AFTER_SLASH.test(marked.slice(end))) ||
      (marked[match.index - 1] === "/" && (marked[end] === "/" || /^(?:19|20)\d{2}$/u.test(match[0])));
    if (pattern === null) {
      // Nothing named after it, a number word is no amount: "một hình thức", "trong năm".
      if (!/^\d/u.test(match[0])) continue;
      // Nor does a year ("năm 2025", "2020-2025").
      const isYear =
        /^(?:19|20)\d{2}$/u.test(match[0]) || (match[0] === "năm" && /^\s+\d/u.test(marked.slice(end)));
      // Nor an item's number ("(6) Cán bộ ...", "6. ...", "khoản 2 Điều 5").
      if (!isYear && !inReference && !isItemNumber(marked, match.index, end)) return true;
      continue;
    }
    // "năm 2023 của Bộ trưởng" counts no "trường": a year after "năm" is a date.
    if (inReference || /năm\s+$/u.test(marked.slice(Math.max(0, match.index - 5), match.index))) continue;
    if (countedAfter(pattern, folded, end)) return true;
  }
  return false;
}

/** Whether the number at [start, end) numbers an item or a provision, not an amount. */
function isItemNumber(marked: string, start: number, end: number): boolean {
  const before = marked.slice(0, start);
  if (/^\s*\(?$/u.test(before) && /^[.)]/u.test(marked.slice(end))) return true;
  return /(?:khoản|điều|điểm|mục|phần|chương|phụ lục|bước|câu)\s+$/u.test(before);
}

const SUPERSCRIPT = /[²³]/gu;
/** After a number, the rest of a document's number: "/2024", "/NQ-CP" (a share goes on in digits). */
const REFERENCE_AFTER_SLASH = /^\/(?:(?:19|20)\d{2}(?!\d)|\p{L})/u;

/** What follows a number that counts the unit; other forms that state it (a share, a coefficient). */
export interface UnitPattern {
  /** The unit's names at a place (sticky): what `countedAfter` looks for after a number. */
  head: RegExp;
  /** The whole test as one pattern, `countedAfter`'s meaning: read only where a name of the unit runs on into a word. */
  exact: () => RegExp;
  /** The unit anywhere, even inside a word: what `head` needs after a number, looked for once a sentence. */
  named: RegExp;
  other?: RegExp;
}

/**
 * Whether the unit follows the number ending at `end` in the folded sentence: "03 (ba)
 * nhân viên" (laws spell a number out in brackets after it), within two words ("34 tỉnh,
 * thành phố", "11 TAND khu vực"), but not past a plural word ("lớp 11 các trường THPT",
 * "Điều 5 những người": the number counts nothing that follows). Read step by step, as
 * `exact` would match it: the unit's name must end where a word ends.
 */
export function countedAfter(pattern: UnitPattern, folded: string, end: number): boolean {
  BRACKETED.lastIndex = end;
  BRACKETED.test(folded);
  let at = BRACKETED.lastIndex;
  for (let words = 0; ; words++) {
    pattern.head.lastIndex = at;
    if (pattern.head.test(folded)) {
      const after = pattern.head.lastIndex;
      if (after >= folded.length || wordCharacterLength(folded, after) === 0) return true;
      // Another of the unit's names may match here and end with the word: the pattern decides.
      return pattern.exact().test(folded.slice(end));
    }
    if (words === 2) return false;
    WORD_BEFORE_UNIT.lastIndex = at;
    if (!WORD_BEFORE_UNIT.test(folded)) return false;
    at = WORD_BEFORE_UNIT.lastIndex;
  }
}

/** Spaces, then a number spelled out in brackets and the spaces after it, if there is one. */
const BRACKETED = /\s*(?:\([^)]{1,25}\)\s*)?/uy;
/** A word between a number and its unit, with the spaces after it: not "các", "những". */
const WORD_BEFORE_UNIT = /(?!(?:cac|nhung)\s)[\p{L}\d]+\s+/uy;

/**
 * The abbreviations a counted unit is written as, folded: "11 TAND khu vực" counts the
 * "tòa án" a question spells out.
 */
function abbreviationsOf(unit: string): string[] {
  return ABBREVIATIONS.filter(
    (entry) => !entry.caseSensitive && `${foldDiacritics(entry.expansion)} `.startsWith(`${unit} `),
  ).map((entry) => foldDiacritics(entry.abbr.toLowerCase()));
}

/** One pattern per unit, kept: a question's unit is tested against every candidate sentence. */
const unitPatterns = new Map<string, UnitPattern>();
/** The level of an administrative unit (folded first word), by which they are counted together. */
const UNIT_LEVEL: Record<string, string> = {
  xa: "xa",
  phuong: "xa",
  dac: "xa",
  thi: "xa",
  huyen: "huyen",
  quan: "huyen",
  tinh: "tinh",
};

/** "bao nhiêu xã" is also counted as "16 đơn vị hành chính cấp xã" (of its level only). */
function countedAsUnitsOf(first: string): string[] {
  const level = UNIT_LEVEL[first];
  return level === undefined ? [] : [`don vi hanh chinh cap ${level}`, `dvhc cap ${level}`];
}

export function unitPattern(unit: string): UnitPattern {
  const known = unitPatterns.get(unit);
  if (known) return known;
  const first = unit.split(" ")[0]!;
  // Money is counted in "đồng", "tỷ đồng"; a question asks "bao nhiêu tiền".
  // An amount is also paid in months of pay ("15 tháng phụ cấp"), in multiples of the base
  // pay ("1,5 lần mức lương cơ sở"), as a coefficient ("hệ số 0,2") or a share ("30%").
  const money = MONEY_UNIT.test(unit);
  const share = first === "phan" || first === "ty" || first === "ti";
  // "đồng" that is not money: "Đồng bằng", "đồng chí", "đồng thời".
  const head = money
    ? `(?:dong(?!\\s+(?:${NOT_MONEY_DONG}))|ty|trieu|nghin|usd|thang (?:luong|tien luong|phu cap|tro cap)|lan muc luong)`
    : share
      ? "(?:%|phan tram)"
      : unit === DURATION_UNIT
        ? `(?:${DURATION_UNIT})`
        : first === "nguoi" || unit === POPULATION_UNIT
          ? // "129 người/km²" is a density, not people counted.
            `(?:${PEOPLE_COUNTED})(?!\\s*/)`
          : [first, ...abbreviationsOf(unit), ...countedAsUnitsOf(first)].map(escapeRegExp).join("|");
  let exact: RegExp | undefined;
  const pattern: UnitPattern = {
    head: new RegExp(`(?:${head})`, "uy"),
    exact: () =>
      // The steps' own patterns, as one: what `countedAfter` reads step by step.
      (exact ??= new RegExp(
        `^${BRACKETED.source}(?:${WORD_BEFORE_UNIT.source}){0,2}(?:${head})(?![\\p{L}\\p{N}])`,
        "u",
      )),
    // No letter class: one costs a sixth of a millisecond to compile, and this is a filter.
    named: new RegExp(head, "u"),
    other: money ? PAID_SHARE : share ? PERCENT : unit === POPULATION_UNIT ? POPULATION : undefined,
  };
  if (unitPatterns.size > 256) unitPatterns.clear();
  unitPatterns.set(unit, pattern);
  return pattern;
}

/**
 * An amount paid as a coefficient or a share of something paid (folded): "hệ số 0,2",
 * "hưởng 50%", "hỗ trợ thêm 30%", "100% phụ cấp", "70% mức lương". A share that changes
 * something ("thu nhập giảm từ 10% đến 12%") pays nothing.
 */
const PAID_SHARE =
  /\bhe so \d|\b(?:huong|ho tro|bang|them|tra|cap|chi|muc)\s+(?:[\p{L}]+\s+){0,2}\d+(?:[.,]\d+)?\s*%|\b\d+(?:[.,]\d+)?\s*%\s+(?:cua\s+)?(?:muc|tien|luong|phu cap|tro cap|chi phi|kinh phi|hoc phi|dinh muc)/u;

/**
 * "bao nhiêu dân" is answered by a population: "dân số ... là 14.395" (folded), as well
 * as by people counted ("14.395 người"); not by numbers past a comma or a colon ("quy mô
 * dân số của các phường: ..., các khu phố: 5, 6").
 */
const POPULATION = /\bdan so\b[^.;:,]{0,80}?\d/u;

/** A share: "20%", "50 phần trăm" (folded). */
const PERCENT = /\b\d+(?:[.,]\d+)?\s*(?:%|phan tram)/u;
/** Words after "đồng" that make it no currency (folded). */
const NOT_MONEY_DONG =
  "bang|chi|thoi|bo|y|nai|thap|hoi|nghiep|loat|deu|dang|tam|luc|bao|thuan|tinh|van|nhat|phuc|cam|doi|khoi|xu|hanh|gop|minh|song|trach|dao|nhan";

/**
 * Units that are money, folded: "tiền", "kinh phí", "ngân sách", "chi" (spending),
 * "đồng". Read by their first two syllables: a "chi nhánh", "chi cục" or "chi bộ" is
 * counted, not paid ("703 Chi nhánh"), and so are "đồng chí" and "kinh tế".
 */
export const MONEY_UNIT =
  /^(?:tien|kinh phi|ngan sach|chi(?! (?:nhanh|cuc|bo|hoi|doan|tiet|so|huy))|dong(?! (?:chi|bang|thoi|bao|nghiep|doi|ho|y|nai)))(?: |$)/u;
