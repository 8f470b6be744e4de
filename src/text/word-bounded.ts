import { wordCharacterBefore, wordCharacterLength } from "./tokenize.js";

/** Where a match stands in the text: `end` is past its last character. */
export interface MatchSpan {
  index: number;
  end: number;
}

/**
 * The matches of a global `pattern` in `text` that stand as words, with no letter or
 * digit just before or just after them: what `(?<![\p{L}\p{N}])…(?![\p{L}\p{N}])` around
 * the pattern finds. Patterns built from a question's words meet the answer stage once a
 * question, and a letter class makes one costly to compile (2.5 ms with flags "giu",
 * 0.1 ms without): the bounds are read from the tokenizer's table of letters and digits
 * instead. A match refused is looked for again one character on, as the lookbehind
 * would. The pattern must match one length at a given start (fixed words, runs of digits
 * and spaces), or a shorter match the bounds would take is not tried.
 */
export function* wordBoundedMatches(text: string, pattern: RegExp): Generator<MatchSpan> {
  let from = 0;
  while (from <= text.length) {
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (match === null) return;
    const index = match.index;
    const end = index + match[0].length;
    const bounded =
      !wordCharacterBefore(text, index) && (end >= text.length || wordCharacterLength(text, end) === 0);
    if (!bounded) {
      from = index + 1;
      continue;
    }
    yield { index, end };
    from = end > index ? end : end + 1;
  }
}
