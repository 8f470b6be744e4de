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

/**
 * Folds text to its words alone: lower case, marks dropped, every run of characters other
 * than letters and digits (punctuation, dashes, white space) one space, trimmed. The key
 * under which two spellings of a title, a question or a name are the same.
 */
export function foldedWords(text: string): string {
  return foldDiacritics(text.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
