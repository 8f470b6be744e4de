import { cachedRegExp, foldDiacritics } from "../text/index.js";

/*
 * What a "bao nhiêu" / "mấy" question counts ("bao nhiêu đầu mối" → "dau moi"), read on
 * the folded words of the question (see question-analysis.ts).
 */

/** Question words and fillers that never start or make up a focus. */
export const FOCUS_STOP = new Set([
  "co",
  "nhung",
  "cac",
  "la",
  "gi",
  "nao",
  "duoc",
  "khong",
  "ko",
  "thi",
  "ve",
  "vay",
  "mot",
  "sao",
  "ra",
]);

/** Words after "bao nhiêu" / "mấy" that are not what is counted. */
// "Độ tuổi bao nhiêu phải cấp đổi", "diện tích bao nhiêu, gồm các hạng mục nào": a verb or
// the next clause follows the count; what is counted came before it.
const NOT_UNITS = new Set(["la", "thi", "duoc", "co", "vay", "nhi", "a", "the", "phai", "gom"]);

/** Words that link a counted noun to what follows ("năm đến tuổi hưu", "người trong biên chế"). */
const LINK_WORDS = new Set([
  "den",
  "de",
  "cua",
  "o",
  "tai",
  "trong",
  "khi",
  "va",
  "nua",
  "con",
  "sau",
  "tu",
  "cho",
  "voi",
  "nhu",
  "theo",
  "mot",
  "tren",
]);

/** The link words as written with marks, where another word folds the same ("tài", "cửa", "con"). */
const LINK_MARKED: Readonly<Record<string, string>> = {
  den: "đến",
  de: "để",
  cua: "của",
  o: "ở",
  tai: "tại",
  con: "còn",
  tu: "từ",
  mot: "một",
};

/**
 * Whether a question typed with marks counts a noun that folds as a link word: "có mấy tài
 * khoản cấp 2" counts "tài khoản", not "tại"; "bao nhiêu cửa khẩu", "bao nhiêu con".
 */
function namesUnitNotLink(head: string, marked: string): boolean {
  const link = LINK_MARKED[head];
  if (link === undefined) return false;
  const after = [...marked.matchAll(WORD_AFTER_COUNTER)].map((m) => m[1]);
  return after.length > 0 && !after.includes(link);
}
const WORD_AFTER_COUNTER = /(?:bao\s+nhiêu|mấy)\s+(\p{L}+)/gu;

/** Words after a counted noun that qualify it, not name it ("năm gần nhất", "người trở lên"). */
const QUALIFIERS = new Set(["gan", "lien", "toi", "tro", "qua", "cuoi", "dau", "nay"]);
/** What is paid: a "bao nhiêu" about these asks an amount. */
const MONEY_NOUNS = new Set([
  "luong",
  "phu cap",
  "tro cap",
  "tien",
  "kinh phi",
  "muc huong",
  "muc ho tro",
  "le phi",
  "hoc phi",
  "chi phi",
  "muc phat",
]);

/** The unit of a question asking an amount of money. */
export const MONEY_UNIT = "tien";
/** The unit of a population asked ("bao nhiêu dân", "dân số bao nhiêu"): people counted. */
export const POPULATION_UNIT = "dan";

/** The index of the first word at or after `at` that is not "là", "có" or "khoảng" (folded words). */
function pastLinkWords(words: readonly string[], at: number): number {
  let i = at;
  while (words[i] === "la" || words[i] === "co" || words[i] === "khoang") i++;
  return i;
}

/** An area's unit typed with its digit: "km2", "m2" (folded). */
const AREA_UNIT = /^(?:km|m)2$/u;

/** The one or two words after "bao nhiêu" / "mấy": what is counted. */
export function countedUnit(
  words: readonly string[],
  marked: string,
  hasMarks: boolean,
  /** Indices of the words that end a question or sentence of the message. */
  ends: ReadonlySet<number>,
  /** Indices of the words before a comma or any end: a unit does not run past them. */
  pauses: ReadonlySet<number> = ends,
): string {
  let counted = false;
  // "Ký hiệu mẫu số ... thu thuế, phí, lệ phí là số mấy?": which number, not an amount.
  let numbered = false;
  for (let i = 0; i < words.length; i++) {
    if (!isCounterAt(words, i, marked, hasMarks)) continue;
    counted = true;
    if (asksWhichNumber(words, i, marked, hasMarks)) numbered = true;
    const start = words[i] === "bao" ? i + 2 : i + 1;
    // "bao nhiêu %" counts a share; "bao nhiêu/tháng" asks an amount per month.
    if (PERCENT_AFTER_COUNTER.test(marked)) return PERCENT_UNIT;
    if (RATE_AFTER_COUNTER.test(marked)) break;
    // "... bị xử phạt bao nhiêu? Chủ tịch UBND ... có thẩm quyền không?": what follows the
    // question mark is the next question, not what is counted.
    if (ends.has(start - 1)) continue;
    const head = words[start];
    // An area typed with its digit ("bao nhiêu km2", "m2") is counted in it.
    if (head !== undefined && AREA_UNIT.test(head)) return head;
    // "bao nhiêu lâu" is "bao lâu": a span of time.
    if (head === "lau") return DURATION_UNIT;
    if (head === undefined || NOT_UNITS.has(head) || /\d/u.test(head)) continue;
    if (LINK_WORDS.has(head) && !(hasMarks && namesUnitNotLink(head, marked))) continue;
    // "bao nhiêu tỉnh thành", "mấy năm đến tuổi hưu"; "bao nhiêu xã, dân số ..." ends at the comma.
    return unitAt(words, start, marked, hasMarks, ends.has(start) || pauses.has(start));
  }
  // "dân số (là) bao nhiêu": people counted, as "bao nhiêu dân" is (a population).
  const countedAfter = (at: number) => isCounterAt(words, pastLinkWords(words, at), marked, hasMarks);
  if (counted && words.some((w, i) => w === "dan" && words[i + 1] === "so" && countedAfter(i + 2)))
    return POPULATION_UNIT;
  // "Số lượng Phó Chủ tịch UBND tỉnh tối đa là bao nhiêu": what "số lượng" names is counted.
  const quantity = words.findIndex((w, i) => w === "so" && words[i + 1] === "luong");
  const quantityHead = quantity >= 0 ? words[quantity + 2] : undefined;
  if (counted && quantityHead !== undefined && !NOT_UNITS.has(quantityHead) && !/\d/u.test(quantityHead))
    return unitAt(words, quantity + 2, marked, hasMarks, false);
  // "Thời gian đóng bảo hiểm xã hội tối thiểu để hưởng lương hưu là bao nhiêu?": a span of
  // time, whatever is paid at its end.
  if (counted && words[0] === "thoi" && (words[1] === "gian" || words[1] === "han")) return DURATION_UNIT;
  // "lương bao nhiêu 1 tháng", "phụ cấp ... là bao nhiêu": an amount of money; not a
  // question with no counter ("bộ máy" folds as "bộ mấy": "... có phải nộp lệ phí ko").
  // ("số lượng" counts: its "lượng" folds as the "lương" that is paid.)
  return counted &&
    !numbered &&
    words.some(
      (w, i) =>
        (MONEY_NOUNS.has(w) && !foldsFromAnotherWord(words, i, marked, hasMarks)) ||
        MONEY_NOUNS.has(`${w} ${words[i + 1]}`),
    )
    ? MONEY_UNIT
    : "";
}

/**
 * The unit that starts at word `start`: that word, and the next unless it links on or
 * qualifies ("bao nhiêu tỉnh thành", "mấy năm gần nhất"), is another count's question word
 * ("bao nhiêu chương bao nhiêu điều"), or the unit ends there (`endsHere`: "bao nhiêu xã,
 * dân số ...").
 */
function unitAt(
  words: readonly string[],
  start: number,
  marked: string,
  hasMarks: boolean,
  endsHere: boolean,
): string {
  const head = words[start]!;
  const second = endsHere ? undefined : words[start + 1];
  return second === undefined ||
    isCounterAt(words, start + 1, marked, hasMarks) ||
    NOT_UNITS.has(second) ||
    LINK_WORDS.has(second) ||
    FOCUS_STOP.has(second) ||
    QUALIFIERS.has(second)
    ? head
    : `${head} ${second}`;
}

/** "là số mấy", "số bao nhiêu" at word `i`; not the "sở" of "lương cơ sở bao nhiêu". */
function asksWhichNumber(words: readonly string[], i: number, marked: string, hasMarks: boolean): boolean {
  if (hasMarks) return writesWord(marked, "số\\s+(?:mấy|bao\\s+nhiêu)");
  return words[i - 1] === "so" && words[i - 2] !== "co";
}

/**
 * The money nouns that fold like other words: the marked word that pays, and the neighbours
 * of the folded one that make it another word. "luong" is also the "lượng" of a quantity
 * ("số lượng", "lưu lượng nước phun ra là bao nhiêu", "khối lượng"); "tien" the "tiện" of
 * "phương tiện" or the "tiến" of "tiến độ", "ưu tiên" ("Nồng độ cồn bao nhiêu thì không được
 * điều khiển phương tiện" asks no amount).
 */
const AMBIGUOUS_MONEY = new Map<
  string,
  { paid: string; before: ReadonlySet<string>; after: ReadonlySet<string> }
>([
  [
    "luong",
    {
      paid: "lương",
      before: new Set(["so", "luu", "khoi", "trong", "dung", "san", "nang", "chat", "ham"]),
      after: new Set(),
    },
  ],
  [
    "tien",
    {
      paid: "tiền",
      before: new Set(["phuong", "cai", "uu", "tien", "thuan"]),
      after: new Set(["do", "hanh", "trinh", "bo", "si", "te", "hoa"]),
    },
  ],
]);

/**
 * Whether the money noun at word `i` is another word folded alike: typed with marks, the
 * question does not write the word that pays; or a neighbour makes it another word.
 */
function foldsFromAnotherWord(
  words: readonly string[],
  i: number,
  marked: string,
  hasMarks: boolean,
): boolean {
  const ambiguous = AMBIGUOUS_MONEY.get(words[i]!);
  if (ambiguous === undefined) return false;
  if (hasMarks && !writesWord(marked, ambiguous.paid)) return true;
  return ambiguous.before.has(words[i - 1] ?? "") || ambiguous.after.has(words[i + 1] ?? "");
}

/** Whether the marked text writes `word` (a pattern source: a marked word or phrase) as a whole word. */
function writesWord(marked: string, word: string): boolean {
  return cachedRegExp(`(?:^|[^\\p{L}])${word}(?:[^\\p{L}]|$)`, "u").test(marked);
}

/**
 * Whether a counter starts at word `i`: "bao nhiêu", or "mấy" as typed ("may" folded is
 * also "máy" of "bộ máy": with marks, only a written "mấy" counts); "thứ mấy" asks a rank
 * ("huyện đầu tiên"), not a count.
 */
function isCounterAt(words: readonly string[], i: number, marked: string, hasMarks: boolean): boolean {
  const w = words[i];
  const counter =
    (w === "bao" && words[i + 1] === "nhieu") ||
    (w === "may" && (!hasMarks || writesMayAs(words, i, marked)));
  return counter && !(words[i - 1] === "thu" && asksRank(marked, hasMarks));
}

/**
 * Whether the folded "may" at word `i` was written "mấy": the k-th folded "may" is the k-th
 * marked word that folds so ("Người chạy xe máy điện được chở mấy người" counts people, not
 * "máy điện"). When the two do not line up, any "mấy" in the question.
 */
function writesMayAs(words: readonly string[], i: number, marked: string): boolean {
  // The marked words that fold to "may" ("máy", "mấy", "may"), in order: a question is short.
  const written = marked.split(/[^\p{L}\p{N}]+/u).filter((w) => foldDiacritics(w) === "may");
  const folded = words.filter((w) => w === "may").length;
  if (folded !== written.length) return writesWord(marked, "mấy");
  let k = 0;
  for (let j = 0; j < i; j++) if (words[j] === "may") k++;
  return written[k] === "mấy";
}

/**
 * Whether a question asks a rank ("thứ mấy": "huyện thứ mấy"), which no count answers.
 * Typed with marks, "thu mấy %" (collects how many percent) is a count.
 */
export function asksRank(marked: string, hasMarks: boolean): boolean {
  return hasMarks ? writesWord(marked, "thứ\\s+mấy") : /\bthu\s+may\b/u.test(marked);
}

/**
 * The indices of the words (as `analyzeQuestion` splits them) that end a clause: "?", "!",
 * ";", ". "; with `atCommas`, also a comma and a parenthesis ("mấy cấp (QĐ 213)").
 */
export function clauseEnds(folded: string, atCommas = false): Set<number> {
  const ends = new Set<number>();
  let count = 0;
  for (const clause of folded.split(atCommas ? /[?!;,()]+|\.(?=\s|$)/u : /[?!;]+|\.(?=\s|$)/u)) {
    count += clause.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
    if (count > 0) ends.add(count - 1);
  }
  return ends;
}

/** The units a span of time is counted in: "bao lâu", "thời gian ... là bao nhiêu" (an alternation). */
export const DURATION_UNIT = "nam|thang|ngay|tuan|gio";

/** The unit of a question asking a share ("bao nhiêu %", "tỷ lệ bao nhiêu"). */
export const PERCENT_UNIT = "phan tram";
const PERCENT_AFTER_COUNTER = /(?:bao nhiêu|bao nhieu|mấy|may)\s*(?:%|phần trăm|phan tram)/u;
const RATE_AFTER_COUNTER = /(?:bao nhiêu|bao nhieu|mấy)\s*\/\s*\p{L}/u;

/**
 * What a share is asked of, its first two words folded ("tong muc" of "bao nhiêu % tổng
 * mức đầu tư", "gdp" of "bao nhiêu % GDP"); "" when the question names nothing after the
 * share ("phụ cấp bao nhiêu %?") or links on ("bao nhiêu % so với mức trợ cấp"). `words`:
 * the folded words of the question as `countedUnit` reads them (the "%" has gone), whose
 * counter this reads on from.
 */
export function shareBase(words: readonly string[], marked: string, hasMarks: boolean): string {
  const at = words.findIndex((_, i) => isCounterAt(words, i, marked, hasMarks));
  if (at < 0) return "";
  let i = at + (words[at] === "bao" ? 2 : 1);
  if (words[i] === "phan" && words[i + 1] === "tram") i += 2;
  if (words[i] === "cua") i++;
  const base: string[] = [];
  for (; i < words.length && base.length < 2; i++) {
    const w = words[i]!;
    if (NOT_UNITS.has(w) || LINK_WORDS.has(w) || FOCUS_STOP.has(w) || /\d/u.test(w)) break;
    if (w === "so" && words[i + 1] === "voi") break;
    base.push(w);
  }
  return base.join(" ");
}
