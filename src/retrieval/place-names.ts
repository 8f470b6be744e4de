import { foldDiacritics, normalizeVietnamese } from "../text/index.js";

/**
 * Provinces and cities of Việt Nam (the 63 before 2025; the 34 after keep names among
 * them) and the countries cadres compare with. A question typed in lower case or without
 * marks ("chu tich ubnd tinh lao cai moi ...") names its place all the same: the capitals
 * that find names elsewhere are not there, so these are looked for by name.
 */
const PROVINCES = [
  "An Giang",
  "Bà Rịa - Vũng Tàu",
  "Vũng Tàu",
  "Bắc Giang",
  "Bắc Kạn",
  "Bạc Liêu",
  "Bắc Ninh",
  "Bến Tre",
  "Bình Định",
  "Bình Dương",
  "Bình Phước",
  "Bình Thuận",
  "Cà Mau",
  "Cần Thơ",
  "Cao Bằng",
  "Đà Nẵng",
  "Đắk Lắk",
  "Đắk Nông",
  "Điện Biên",
  "Đồng Nai",
  "Đồng Tháp",
  "Gia Lai",
  "Hà Giang",
  "Hà Nam",
  "Hà Nội",
  "Hà Tĩnh",
  "Hải Dương",
  "Hải Phòng",
  "Hậu Giang",
  "Hòa Bình",
  "Hưng Yên",
  "Khánh Hòa",
  "Kiên Giang",
  "Kon Tum",
  "Lai Châu",
  "Lâm Đồng",
  "Lạng Sơn",
  "Lào Cai",
  "Long An",
  "Nam Định",
  "Nghệ An",
  "Ninh Bình",
  "Ninh Thuận",
  "Phú Thọ",
  "Phú Yên",
  "Quảng Bình",
  "Quảng Nam",
  "Quảng Ngãi",
  "Quảng Ninh",
  "Quảng Trị",
  "Sóc Trăng",
  "Sơn La",
  "Tây Ninh",
  "Thái Bình",
  "Thái Nguyên",
  "Thanh Hóa",
  "Thừa Thiên Huế",
  "Tiền Giang",
  "Hồ Chí Minh",
  "Trà Vinh",
  "Tuyên Quang",
  "Vĩnh Long",
  "Vĩnh Phúc",
  "Yên Bái",
];

/** Countries, with the one-syllable ones a capital alone cannot tell from a word. */
const COUNTRIES = [
  "Trung Quốc",
  "Campuchia",
  "Thái Lan",
  "Hàn Quốc",
  "Nhật Bản",
  "Singapore",
  "Liên Xô",
  "Hoa Kỳ",
];
/** One-syllable names, recognised only as written with their marks and capital. */
const SHORT_NAME_LIST = ["Lào", "Huế", "Mỹ", "Pháp", "Nga", "Cuba"];
// "Lào Cai" is a province, not Laos.
const SHORT_NAME_SOURCE = (name: string) => `(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])(?!\\s+Cai\\b)`;
const SHORT_NAMES: ReadonlyArray<readonly [string, RegExp]> = SHORT_NAME_LIST.map((name) => [
  foldDiacritics(name.toLowerCase()),
  new RegExp(SHORT_NAME_SOURCE(name), "u"),
]);
const ANY_SHORT_NAME = new RegExp(SHORT_NAME_LIST.map(SHORT_NAME_SOURCE).join("|"), "gu");
/** The folded keys of the one-syllable names ("lao", "hue"). */
export const SHORT_NAME_KEYS: ReadonlySet<string> = new Set(SHORT_NAMES.map(([key]) => key));
/** The word a text carries, once folded, where it names a one-syllable place as written. */
export const shortNameToken = (key: string): string => `zzplace${key}`;

/**
 * A text with each one-syllable place name as written ("Lào", "Huế") followed by its
 * token: folded, "Lào" is "lao" as in "lao động", and a passage on labour is not about
 * Laos. The situation check looks for the token (`shortNameToken`), not the folded word.
 * "TP.HCM" is followed by the city's name.
 */
export function markPlaceNames(text: string): string {
  return text
    .replace(ANY_SHORT_NAME, (name) => `${name} ${shortNameToken(foldDiacritics(name.toLowerCase()))}`)
    .replace(HCM_ABBREVIATION, (written) => `${written} Hồ Chí Minh`);
}

/** "TP.HCM", "TPHCM", "TP HCM", "HCM": how the city is most often written, in news and by cadres. */
const HCM_ABBREVIATION = /(?<![\p{L}\p{N}])(?:tp\.?\s?)?hcm(?![\p{L}\p{N}])/giu;

/** Folded names, split on spaces; dashes and "Thừa Thiên" variants reduced to words. */
const FOLDED_NAMES: readonly string[] = [...PROVINCES, ...COUNTRIES].map((name) =>
  foldDiacritics(name.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim(),
);

/** The names as written, lower case, in the canonical spelling ("hoà" → "hòa"). */
const MARKED_NAMES: readonly string[] = [...PROVINCES, ...COUNTRIES].map((name) =>
  normalizeVietnamese(name)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim(),
);

const LOCATING_NAMES: ReadonlySet<string> = new Set([...FOLDED_NAMES, "ho chi minh"]);

/**
 * Whether a folded name is a province or a country ("tay ninh", "campuchia", "lao"): in a
 * question that also names a commune or a person, it locates them and is not the subject.
 */
export function isProvinceOrCountry(folded: string): boolean {
  return LOCATING_NAMES.has(folded) || SHORT_NAME_KEYS.has(folded);
}

/**
 * The provinces and countries a question names, folded ("lao cai", "yen bai"): found in
 * the folded question whatever its capitals, and the one-syllable ones ("Lào") as written.
 * A name typed with marks must match with them ("năm định kỳ" is not "Nam Định").
 */
export function placeNamesIn(question: string, hasMarks: boolean): string[] {
  const written = normalizeVietnamese(question);
  const marked = written.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");
  const folded = ` ${foldDiacritics(marked)} `;
  const out: string[] = [];
  FOLDED_NAMES.forEach((key, i) => {
    if (!folded.includes(` ${key} `)) return;
    if (hasMarks && !` ${marked} `.includes(` ${MARKED_NAMES[i]} `)) return;
    out.push(key);
  });
  for (const [key, pattern] of SHORT_NAMES) if (pattern.test(written)) out.push(key);
  // (`search` reads a global pattern from its start, whatever its lastIndex.)
  if (!out.includes("ho chi minh") && written.search(HCM_ABBREVIATION) >= 0) out.push("ho chi minh");
  for (const [key, pattern] of CITY_ABBREVIATIONS)
    if (!out.includes(key) && pattern.test(written)) out.push(key);
  return out;
}

/**
 * "HN", "HP": Hà Nội and Hải Phòng as cadres type them ("phường Kim Liên HN", "phường Lê
 * Chân (HP)"), in capitals only. "HN" is also a conference ("HN lần thứ 11", "HN Trung
 * ương"); "HP" is the Constitution ("theo HP sửa đổi 2025") unless it stands in brackets or
 * after "TP".
 */
const CITY_ABBREVIATIONS: ReadonlyArray<readonly [string, RegExp]> = [
  ["ha noi", /(?<![\p{L}\p{N}])HN(?![\p{L}\p{N}])(?!\s*(?:lần|lan|thứ|thu|TW|[Tt]rung [Uu]ương|BCH|\d))/u],
  ["hai phong", /\(\s*HP\s*\)|(?<![\p{L}\p{N}])(?:TP|[Tt]hành phố)\.?\s?HP(?![\p{L}\p{N}])/u],
];

/**
 * A run of capitalised syllables split where a known place begins or ends: "Tả Phìn Lào
 * Cai" is the commune "ta phin" in the province "lao cai", two names a passage may write
 * apart ("Xã Tả Phìn, tỉnh Lào Cai").
 */
export function splitAtPlaceNames(foldedWords: readonly string[]): string[][] {
  const parts: string[][] = [];
  let current: string[] = [];
  for (let i = 0; i < foldedWords.length; ) {
    const place = FOLDED_NAME_WORDS.find(
      (words) => words.length >= 2 && words.every((w, k) => foldedWords[i + k] === w),
    );
    if (place) {
      if (current.length > 0) parts.push(current);
      parts.push(foldedWords.slice(i, i + place.length));
      current = [];
      i += place.length;
    } else {
      current.push(foldedWords[i]!);
      i++;
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

const FOLDED_NAME_WORDS: readonly string[][] = FOLDED_NAMES.map((name) => name.split(" "));
