/*
 * Whole-word matching of folded text: "dieu 5" is named in "dieu 5, quoc hoi", not in
 * "dieu 50". Pure.
 */

/** Whether folded sentence text names one of the phrases (whole words). */
export function mentionsAny(foldedText: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => firstMention(foldedText, phrase) >= 0);
}

/** Where folded text first names the phrase as whole words, or -1. */
export function firstMention(foldedText: string, phrase: string): number {
  for (let at = foldedText.indexOf(phrase); at >= 0; at = foldedText.indexOf(phrase, at + 1)) {
    const before = at === 0 ? " " : foldedText[at - 1]!;
    const after = foldedText[at + phrase.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return at;
  }
  return -1;
}
