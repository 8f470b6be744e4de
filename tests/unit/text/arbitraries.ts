import fc from "fast-check";

/** Syllables in both tone styles and cases, with abbreviations and odd letters mixed in. */
export const WORDS = [
  "hoá",
  "hóa",
  "Hoà",
  "uỷ",
  "Ủy",
  "THUỶ",
  "khoẻ",
  "hoàn",
  "toán",
  "quý",
  "già",
  "gì",
  "người",
  "nước",
  "khuỷu",
  "xoáy",
  "uyển",
  "Đức",
  "Thọ",
  "nhất",
  "thể",
  "chức",
  "danh",
  "ban",
  "UBND",
  "HĐND",
  "NĐ-CP",
  "KT-XH",
  "TƯ",
  "TP.",
  "v.v.",
  "18.10.2017",
  "1.000",
  "2024",
  "café",
  "naïve",
  "ẹ\u0306",
  "e\u0301",
  "o\u0300a",
  "Россия",
  "中文",
  "😀",
];

const PUNCTUATION = [
  " ",
  " ",
  " ",
  "  ",
  ", ",
  ". ",
  "? ",
  "! ",
  "\n",
  "\n\n",
  " - ",
  "/",
  "(",
  ")",
  '"',
  "“",
  "”",
  "…",
  "\t",
];

/** Text that looks like the corpus: words, punctuation, line breaks. */
export const vietnameseText = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...PUNCTUATION)), { maxLength: 40 })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(""));

/** Any Unicode text, combining marks and astral characters included. */
export const anyText = fc.string({ unit: "binary", maxLength: 60 });

/** Either of the above. */
export const someText = fc.oneof(vietnameseText, anyText);
