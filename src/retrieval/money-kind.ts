/**
 * What kind of money an amount question asks: "đi lại" in "hỗ trợ tiền đi lại bao nhiêu
 * một tháng", "thuê nhà" in "chi phí thuê nhà là bao nhiêu", "kiêm nhiệm" in "phụ cấp
 * kiêm nhiệm bao nhiêu". A page of allowances lists several amounts side by side (living
 * costs, travel, rent), and only the one under the kind asked answers. Folded words in;
 * empty when the question names no kind.
 */
export function moneyKind(words: readonly string[]): string {
  return askedMoneyKind(words)?.kind ?? "";
}

/** The first money noun the question names with a kind ("trợ cấp" + "thất nghiệp"), if any. */
export function askedMoneyKind(questionWords: readonly string[]): MoneyKind | undefined {
  return moneyKindsIn(questionWords).find((k) => !isGenericKind(k.kind));
}

/** A money noun and the words that follow it ("tro cap" + "that nghiep"); kind "" when none do. */
export interface MoneyKind {
  head: string;
  kind: string;
}

/** Every money noun in the words, each with up to two words of kind after it (folded words in). */
export function moneyKindsIn(words: readonly string[]): MoneyKind[] {
  const out: MoneyKind[] = [];
  for (let i = 0; i < words.length; i++) {
    const head = MONEY_HEADS.find((h) => h.every((w, k) => words[i + k] === w));
    if (head === undefined) continue;
    const kind: string[] = [];
    for (let j = i + head.length; j < words.length && kind.length < 2; j++) {
      if (ENDS_KIND.has(words[j]!)) break;
      kind.push(words[j]!);
    }
    out.push({ head: head.join(" "), kind: kind.join(" ") });
  }
  return out;
}

function isGenericKind(kind: string): boolean {
  return kind === "" || GENERIC_KINDS.has(kind) || GENERIC_KINDS.has(kind.split(" ")[0]!);
}

/**
 * Whether a sentence speaks of another kind of the money asked: "phụ cấp tăng thêm" or
 * "trợ cấp 04 tháng tiền lương" when "phụ cấp thu hút" or "trợ cấp thất nghiệp" is asked,
 * and the asked kind nowhere (`asked`: see `askedMoneyKind`). A sentence naming no such
 * money may still give its amount ("5 triệu đồng/tháng" under a heading). Folded words in.
 */
export function namesOtherMoneyKind(asked: MoneyKind, sentenceWords: readonly string[]): boolean {
  const named = moneyKindsIn(sentenceWords).filter((k) => k.head === asked.head);
  if (named.length === 0) return false;
  if (
    ` ${spelledNumbers(sentenceWords).join(" ")} `.includes(
      ` ${spelledNumbers(asked.kind.split(" ")).join(" ")} `,
    )
  )
    return false;
  return named.some((k) => !isGenericKind(k.kind));
}

/** Digits as the words documents write them ("trợ cấp 1 lần" is "trợ cấp một lần"; folded). */
const NUMBER_WORDS = ["khong", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi"];
function spelledNumbers(words: readonly string[]): string[] {
  return words.map((w) => (/^(?:10|\d)$/u.test(w) ? NUMBER_WORDS[Number(w)]! : w));
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
