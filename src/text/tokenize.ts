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
  const pattern = new RegExp(TOKEN_PATTERN);
  for (let m = pattern.exec(nfc); m !== null; m = pattern.exec(nfc)) {
    const forms = formsOf(m[0]);
    out.push({ text: forms.text, folded: forms.folded, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * How many syllables `toSyllables` would give, counting no further than `upTo`: the
 * same tokens, without building them (the answer stage asks "at least three?" of
 * every candidate sentence).
 */
export function countSyllables(s: string, upTo = Number.POSITIVE_INFINITY): number {
  const nfc = s.normalize("NFC");
  const pattern = new RegExp(TOKEN_PATTERN);
  let count = 0;
  while (count < upTo && pattern.exec(nfc) !== null) count++;
  return count;
}
