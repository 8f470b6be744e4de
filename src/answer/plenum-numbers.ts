/**
 * Which plenum ("Hội nghị Trung ương lần thứ 12", "HNTW 7", "Hội nghị lần thứ sáu") a text
 * speaks of: a question about the 12th is not answered by a sentence on the 11th, however
 * many of its words the sentence shares. Folded text in, numbers out. Pure.
 */

const UNITS = ["", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin"];

/** "sau" → 6, "muoi hai" → 12, "12" → 12; undefined for anything else. */
function numberOf(word: string): number | undefined {
  if (/^\d{1,2}$/u.test(word)) return Number(word);
  const [first, second] = word.split(" ");
  if (first === "muoi") return 10 + (second === undefined ? 0 : second === "lam" ? 5 : UNITS.indexOf(second));
  const unit = UNITS.indexOf(first!);
  return unit > 0 ? unit : undefined;
}

const NUMBER_WORD = `\\d{1,2}|muoi(?: (?:mot|hai|ba|bon|lam|nam|sau|bay|tam|chin))?|mot|hai|ba|bon|nam(?! \\d)|sau|bay|tam|chin`;
/** A plenum and its number, as documents and cadres write it (folded). */
const PLENUM = new RegExp(
  `\\b(?:hntw |hoi nghi (?:ban chap hanh )?(?:trung uong |tw )?(?:dang (?:cong san viet nam )?)?(?:lan thu )?)(${NUMBER_WORD})\\b`,
  "gu",
);

/** The plenum numbers a folded text names. */
export function plenumNumbersIn(folded: string): number[] {
  const out = new Set<number>();
  for (const match of folded.matchAll(PLENUM)) {
    const n = numberOf(match[1]!);
    if (n !== undefined && n > 0) out.add(n);
  }
  return [...out];
}

/** Whether a folded sentence names plenums, none of them one asked about. */
export function namesOnlyOtherPlenums(folded: string, asked: readonly number[]): boolean {
  if (asked.length === 0) return false;
  const named = plenumNumbersIn(folded);
  return named.length > 0 && !named.some((n) => asked.includes(n));
}
