import { foldDiacritics } from "../text/index.js";
import { toRoman } from "../text/roman-numerals.js";
import { mentionsAny } from "./mentions.js";
import { isProvinceOrCountry, placeNamesIn, splitAtPlaceNames } from "./place-names.js";

/*
 * A question's situation as `analyzeQuestion` reads it: the places and people it names,
 * its years and terms of office. Pure.
 */

/**
 * Syllables that are capitalised in questions as titles, bodies and document kinds, not
 * as names of a place or person (folded): "Chủ tịch UBND", "Bộ Nội vụ" is a body, but
 * "Bộ" alone is not a name.
 */
const TITLE_WORDS = new Set(
  (
    "chu tich pho bi thu tong bo truong thu tuong uy ban nhan dan hoi dong ban chap hanh thuong vu " +
    "trung uong dang nha nuoc chinh phu quoc hoi tinh huyen xa phuong thi tran thanh pho giam doc " +
    "so cuc vu vien nghi dinh quyet luan thong tu ke hoach huong dan cong luat hien phap viet nam " +
    "ubnd hdnd mttq btv tw nq nd kl tt qd cp bcd to chuc mat tran chi dao dai hoi dai bieu hoi nghi " +
    "doan the can cong vien chuc khoa lan thu nhiem ky dac khu theo sau truoc khi neu cho hoi toi em " +
    "anh chi ong ba ai gi nao sao bao nhieu may the nhu la co duoc khong ko va hay hoac cua o tai"
  ).split(" "),
);

/**
 * Names (two or more capitalised syllables, one at least not a title word; a province or
 * country however typed), years, terms of office. Punctuation ends a name: "Hoa Thành
 * (Yên Thành, Nghệ An)" names three places, each of which a passage may write alone.
 */
export function situationOf(question: string, hasMarks: boolean): string[] {
  const out = new Set<string>();
  const add = (folded: string[], afterUnit: boolean) => {
    // Leading title words ("Đặc khu Côn Đảo", "Tỉnh Nghệ An", "Luật Tiếp cận") are not
    // part of the name; a name is two syllables or more ("Côn Đảo", "Hải Phòng"). What
    // follows a unit's word is its name whatever its syllables: "phường Bà Rịa", "Phường
    // Thủ Dầu Một" ("bà" and "thủ" are title words elsewhere).
    let start = 0;
    if (!afterUnit) {
      while (start < folded.length && TITLE_WORDS.has(folded[start]!)) {
        start++;
        if (UNIT_WORDS.has(folded[start - 1]!)) break;
      }
    }
    const name = folded.slice(start);
    if (name.length >= 2 && name.some((w) => !TITLE_WORDS.has(w))) out.add(name.join(" "));
  };
  for (const segment of question.split(/[^\p{L}\p{N}\s]+/u)) {
    const words = segment.split(/\s+/u).filter(Boolean);
    const atStart = segment === question.split(/[^\p{L}\p{N}\s]+/u)[0];
    let run: string[] = [];
    let runAfterUnit = false;
    const foldedWords = () => run.map((w) => foldDiacritics(w.toLowerCase()));
    const foldedRun = () => foldedWords().join(" ");
    const flush = () => {
      for (const [i, part] of splitAtPlaceNames(foldedWords()).entries()) add(part, runAfterUnit && i === 0);
      run = [];
    };
    words.forEach((word, i) => {
      // The question's first word is capitalised as the sentence's start: a name only with the next.
      const capitalised = CAPITALISED.test(word) && (!atStart || i > 0 || CAPITALISED.test(words[1] ?? ""));
      if (capitalised) {
        if (run.length === 0)
          runAfterUnit = i > 0 && UNIT_WORDS.has(foldDiacritics(words[i - 1]!.toLowerCase()));
        run.push(word);
      } else if (runAfterUnit && /^\d{1,2}$/u.test(word) && isProvinceOrCountry(foldedRun())) {
        // "phường Hà Giang 2": a ward named after its province, with a number, is one name
        // (exact, like a year), not the province.
        out.add(`${foldedRun()} ${word}`);
        run = [];
      } else flush();
    });
    flush();
  }
  for (const place of placeNamesIn(question, hasMarks)) {
    // A province inside a longer name already taken ("thanh pho ho chi minh") adds nothing.
    if (![...out].some((name) => name === place || mentionsAny(name, [place]))) out.add(place);
  }
  // A unit named by its number ("Quận 5", "Quân khu 7", "Thuế cơ sở 12", "TAND khu vực 9"):
  // exact, like a year; another district's or hospital's figures do not answer.
  for (const pattern of [NUMBERED_UNIT, NUMBERED_UNIT_CAPITALISED])
    for (const match of question.matchAll(pattern))
      out.add(foldDiacritics(match[0].toLowerCase()).replace(/\s+/gu, " "));
  // A year, alone or in a term ("2026-2031"), not inside a document number ("178/2024").
  for (const match of question.matchAll(/(?<![\p{L}\p{N}/])(?:19|20)\d{2}(?![\p{L}\p{N}/])/gu))
    out.add(match[0]);
  // A date's year ("từ 1/7/2027"): the time the answer must be about.
  for (const match of question.matchAll(
    /(?<![\p{L}\p{N}/])\d{1,2}[/.-]\d{1,2}[/.-]((?:19|20)\d{2})(?![\p{L}\p{N}/])/gu,
  ))
    out.add(match[1]!);
  // "khoá 14" is "khóa XIV", as terms are mostly written (situation.ts reads both).
  for (const match of question.matchAll(
    /\b(?:khóa|khoá|khoa|lần thứ|lan thu)\s+([IVXLC]+|[ivxlc]+|\d{1,2})\b/gu,
  )) {
    const term = /\d/u.test(match[1]!) ? toRoman(Number(match[1])) : match[1]!.toLowerCase();
    // "lần thứ XIV" is written so in the text: "lan thu xiv", not "lan xiv".
    const kind = foldDiacritics(match[0].toLowerCase())
      .replace(/\s+\S+$/u, "")
      .replace(/\s+/gu, " ");
    out.add(`${kind} ${term}`);
  }
  return [...out];
}

const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

/** The number that names a unit: not a decimal ("khu vực 0,7"), a date or a document's number. */
const UNIT_NUMBER = String.raw`\s+\d{1,3}(?![\p{L}\p{N}/-]|[.,]\d)`;

/** The places and names of a situation, less its years and terms of office (folded). */
export function placesOf(situation: readonly string[]): string[] {
  return situation.filter((phrase) => !NOT_A_PLACE.test(phrase));
}
const NOT_A_PLACE = /^(?:\d|khoa |nhiem ky )/u;

/** Kinds of unit told apart by a number ("Quân khu 7", "Thuế cơ sở 12", "Quận 5"), as written. */
export const NUMBERED_UNIT_KINDS = [
  "quân khu",
  "quân y",
  "khu vực",
  "thuế cơ sở",
  "sư đoàn",
  "khu phố",
  "tổ dân phố",
  "quận",
  "phường",
  "thôn",
  "ấp",
] as const;
/** Kinds whose unmarked form is a common word ("liên quan 2", "đổi 2 lần"), typed so only capitalised. */
const COMMON_UNMARKED = new Set<string>(["quận", "thôn", "ấp"]);

/** Units named by a number, as typed with or without marks. */
const NUMBERED_UNIT = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${[
    ...NUMBERED_UNIT_KINDS,
    ...NUMBERED_UNIT_KINDS.filter((kind) => !COMMON_UNMARKED.has(kind)).map(foldDiacritics),
  ].join("|")})${UNIT_NUMBER}`,
  "giu",
);
/** Those whose unmarked form is also a common word ("liên quan 2", "đổi 2 lần"): capitalised only. */
const NUMBERED_UNIT_CAPITALISED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:Quan|Đồi|Doi)${UNIT_NUMBER}`,
  "gu",
);

/**
 * The last word of an administrative unit's kind (folded): "tỉnh", "huyện", "quận", "xã",
 * "phường", "thị trấn", "thành phố", "đặc khu". The capitalised words after one name it.
 */
const UNIT_WORDS = new Set(["tinh", "huyen", "quan", "xa", "phuong", "tran", "pho", "khu"]);
