import type { Abbreviation } from "./abbreviations.js";
import { foldNfc, normalizeNfc } from "./normalize.js";

/** One syllable (or number) of a text, as the index and the query see it. */
export interface Syllable {
  /** Lower case, NFC, canonical tone placement: "hóa", "đức", "2024". */
  text: string;
  /** `text` without diacritics: "hoa", "duc". */
  folded: string;
  /** Offset of the first code unit in the NFC form of the input. */
  start: number;
  /** Offset after the last code unit in the NFC form of the input. */
  end: number;
}

/**
 * The spellings of a token, memoised: a corpus has only a few thousand distinct
 * syllables. The index terms are kept with them so analysis does not rebuild them.
 */
export interface TokenForms {
  text: string;
  folded: string;
  /** "f:" + folded. */
  foldedTerm: string;
  /** "w:" + text when text has diacritics, else undefined. */
  exactTerm: string | undefined;
  /**
   * The abbreviation the raw token is, once analysis has looked it up (null: none); kept
   * here so the lookup by the token's text is made once, not per occurrence.
   */
  abbreviation?: Abbreviation | null;
}

const FORMS_CACHE_LIMIT = 100_000;
const formsCache = new Map<string, TokenForms>();

/** Lower-cased, tone-normalized and folded spellings of one raw NFC token. */
export function formsOf(raw: string): TokenForms {
  let forms = formsCache.get(raw);
  if (forms === undefined) {
    const text = normalizeNfc(raw.toLowerCase());
    const folded = foldNfc(text);
    forms = { text, folded, foldedTerm: `f:${folded}`, exactTerm: text === folded ? undefined : `w:${text}` };
    if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
    formsCache.set(raw, forms);
  }
  return forms;
}

/** A maximal run of letters and digits. Letters from every script count. */
export const TOKEN_PATTERN = /[\p{L}\p{N}]+/gu;

/** One letter or digit, as TOKEN_PATTERN reads a character. */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 code unit outside surrogates: 0 not read yet, 1 a letter or digit, 2 not. */
const wordUnits = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) {
  const ascii =
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  wordUnits[code] = ascii ? 1 : 2;
}

/**
 * How many code units of a letter or digit start at `at` in `text` (2 for a surrogate
 * pair), 0 when what starts there is neither. The tokens TOKEN_PATTERN finds, read without
 * running it: analysis reads every syllable of every sentence an answer weighs.
 */
export function wordCharacterLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdfff) {
    let kind = wordUnits[code]!;
    if (kind === 0) {
      kind = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
      wordUnits[code] = kind;
    }
    return kind === 1 ? 1 : 0;
  }
  // A pair is one code point, read as the pattern reads it; a lone surrogate is no letter.
  const point = text.codePointAt(at)!;
  if (point <= 0xffff) return 0;
  return WORD_CHARACTER.test(String.fromCodePoint(point)) ? 2 : 0;
}

/** Whether the code point that ends just before `at` is a letter or digit (a surrogate pair read whole). */
export function wordCharacterBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1);
  if (at >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return wordCharacterLength(text, at - 2) === 2;
  }
  // A high surrogate just before `at` is half a pair cut there: no character of its own.
  if (low >= 0xd800 && low <= 0xdbff) return false;
  return wordCharacterLength(text, at - 1) === 1;
}

/** Calls `each` with the start and end of every token of `text`, in order (TOKEN_PATTERN's matches). */
export function forEachToken(text: string, each: (start: number, end: number) => void): void {
  const n = text.length;
  let at = 0;
  while (at < n) {
    let size = wordCharacterLength(text, at);
    if (size === 0) {
      at++;
      continue;
    }
    const start = at;
    do {
      at += size;
      size = at < n ? wordCharacterLength(text, at) : 0;
    } while (size > 0);
    each(start, at);
  }
}

/**
 * Splits text into syllables: maximal runs of letters and digits (Unicode aware;
 * Vietnamese writes one syllable per word, so a run is a syllable, and "18", "2024"
 * stay tokens). Everything else separates, including "-" and "/" ("NĐ-CP" gives "nđ",
 * "cp"). Offsets point into `text.normalize("NFC")`; `text` of a syllable may differ
 * in length from its span only for the rare letters whose lower case is longer (İ).
 */
export function toSyllables(s: string): Syllable[] {
  const nfc = s.normalize("NFC");
  const out: Syllable[] = [];
  forEachToken(nfc, (start, end) => {
    const forms = formsOf(nfc.slice(start, end));
    out.push({ text: forms.text, folded: forms.folded, start, end });
  });
  return out;
}

/**
 * How many syllables `toSyllables` would give, counting no further than `upTo`: the
 * same tokens, without building them (the answer stage asks "at least three?" of
 * every candidate sentence).
 */
export function countSyllables(s: string, upTo = Number.POSITIVE_INFINITY): number {
  const nfc = s.normalize("NFC");
  const n = nfc.length;
  let count = 0;
  let inToken = false;
  for (let at = 0; at < n && count < upTo; ) {
    const size = wordCharacterLength(nfc, at);
    if (size > 0 && !inToken) count++;
    inToken = size > 0;
    at += size > 0 ? size : 1;
  }
  return count;
}
