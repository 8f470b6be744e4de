/**
 * What kind of money an amount question asks: "đi lại" in "hỗ trợ tiền đi lại bao nhiêu
 * một tháng", "thuê nhà" in "chi phí thuê nhà là bao nhiêu", "kiêm nhiệm" in "phụ cấp
 * kiêm nhiệm bao nhiêu". A page of allowances lists several amounts side by side (living
 * costs, travel, rent), and only the one under the kind asked answers. Folded words in;
 * empty when the question names no kind.
 */
export function moneyKind(words: readonly string[]): string {
  for (let i = 0; i < words.length; i++) {
    const head = MONEY_HEADS.find((h) => h.every((w, k) => words[i + k] === w));
    if (head === undefined) continue;
    const kind: string[] = [];
    for (let j = i + head.length; j < words.length && kind.length < 2; j++) {
      if (ENDS_KIND.has(words[j]!)) break;
      kind.push(words[j]!);
    }
    const phrase = kind.join(" ");
    if (kind.length > 0 && !GENERIC_KINDS.has(phrase) && !GENERIC_KINDS.has(kind[0]!)) return phrase;
  }
  return "";
}

/** Nouns that say "an amount of money for ...". */
const MONEY_HEADS = [["tien"], ["chi", "phi"], ["phu", "cap"], ["tro", "cap"], ["kinh", "phi"]];
/** Words that end the kind: the question's situation or its question words follow. */
const ENDS_KIND = new Set([
  "cho",
  "o",
  "cua",
  "tu",
  "khi",
  "bao",
  "nhieu",
  "la",
  "duoc",
  "moi",
  "mot",
  "hang",
  "trong",
  "neu",
  "thi",
  "theo",
  "va",
  "tai",
  "voi",
  "doi",
  "den",
  "tren",
  "duoi",
  "can",
  "la",
  "gom",
  "co",
  "may",
  "nhu",
  "nao",
]);
/** Words after the head that say nothing of the kind ("tiền hỗ trợ", "tiền phải nộp"). */
const GENERIC_KINDS = new Set(["ho tro", "ho", "phai", "nhan", "thuc", "ma", "nay", "do", "he"]);
