/**
 * Chat shorthands cadres type for question words ("ko", "đc", "ntn", "sđt"): read as the words
 * they stand for, so that a question typed "... có bắt buộc đổi CCCD ko?" searches
 * "không", a question word, instead of a term no document holds (which counted as the
 * rarest of the question's words and lowered the confidence of the right passage).
 * Query side only: documents do not write them. Lower case only: "ĐC", "K" in capitals
 * are abbreviations or codes, not chat (but "Q1", "P5" in capitals are districts and wards).
 */
const SHORTHANDS: ReadonlyArray<readonly [RegExp, string, string]> = [
  // [shorthand, written with marks, folded]
  [/(?<![\p{L}\p{N}/.-])(?:ko|k|hok|khg|hông|khong)(?![\p{L}\p{N}/-])/gu, "không", "khong"],
  [/(?<![\p{L}\p{N}/.-])(?:dc|đc|duoc)(?![\p{L}\p{N}/-])/gu, "được", "duoc"],
  [/(?<![\p{L}\p{N}/.-])ntn(?![\p{L}\p{N}/-])/gu, "như thế nào", "nhu the nao"],
  [/(?<![\p{L}\p{N}/.-])bn(?![\p{L}\p{N}/-])/gu, "bao nhiêu", "bao nhieu"],
  // Not a clause's letter: "điểm j khoản 1".
  [/(?<![\p{L}\p{N}/.-])(?<!(?:điểm|diem|Điểm|Diem) )j(?![\p{L}\p{N}/-])/gu, "gì", "gi"],
  // "sđt của UBND xã ..." asks a telephone number: documents write it out.
  [/(?<![\p{L}\p{N}/.-])(?:sđt|sdt|Sđt|SĐT)(?![\p{L}\p{N}/-])/gu, "số điện thoại", "so dien thoai"],
  // "Q1 cũ", "P5 (Q3)": Hồ Chí Minh City's districts and wards by number, as typed there.
  [/(?<![\p{L}\p{N}/.-])[Qq](?=\d{1,2}(?![\p{L}\p{N}/-]))/gu, "quận ", "quan "],
  [/(?<![\p{L}\p{N}/.-])[Pp](?=\d{1,2}(?![\p{L}\p{N}/-]))/gu, "phường ", "phuong "],
  // "P. Võ Thị Sáu", "Q. Bình Thạnh", "P.5": a ward or district shortened with a point.
  [/(?<![\p{L}\p{N}/.-])P\.\s?(?=\p{Lu}|\d)/gu, "phường ", "phuong "],
  [/(?<![\p{L}\p{N}/.-])Q\.\s?(?=\p{Lu}|\d)/gu, "quận ", "quan "],
];

/**
 * Replaces chat shorthands by their words: with marks when the question is typed with
 * them (`marked`), folded otherwise, so that the text stays written one way.
 */
export function expandShorthands(text: string, marked: boolean): string {
  let out = text;
  for (const [pattern, withMarks, folded] of SHORTHANDS)
    out = out.replace(pattern, marked ? withMarks : folded);
  return out;
}
