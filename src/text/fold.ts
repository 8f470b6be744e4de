import { foldDiacritics } from "./normalize.js";

/**
 * Folds text for comparing words whatever their case, tone marks or spacing: lower
 * case, marks dropped, "đ" read as "d", runs of white space as one space. Metadata
 * reading compares header words ("CỘNG HÒA", "Căn cứ") and cue words ("theo", "của")
 * this way, since documents write them in every case and with tones placed either way.
 * For NFC input the folded text keeps one character per letter.
 */
export function fold(text: string): string {
  return foldDiacritics(text.toLocaleLowerCase("vi")).replace(/\s+/gu, " ").trim();
}
