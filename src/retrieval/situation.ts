import { foldDiacritics } from "../text/index.js";
import { romanValue } from "../text/roman-numerals.js";
import { isProvinceOrCountry, markPlaceNames, SHORT_NAME_KEYS, shortNameToken } from "./place-names.js";
import { mentionsAny } from "./question-analysis.js";

/**
 * Whether a text (a passage with its title and headings, or a whole document) speaks of
 * the question's situation: "Côn Đảo", "2019", "khóa XVI". A question on another place
 * or term is not answered from this one.
 */
export function holdsSituation(situation: readonly string[], text: string): boolean {
  return holdsSituationFolded(situation, foldForSituation(text, situation));
}

/**
 * Common surnames (marked as written): a capitalised name after one is a person's. Fewer
 * than the answer stage's list of surnames (answer-evidence.ts): "Hà", "Hồ", "Hoàng",
 * "Cao", "Lâm", "Mai", "Thái" begin provinces and districts ("Hà Tĩnh", "Hoàng Mai").
 */
export const SURNAMES = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Huỳnh",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Ngô",
  "Đào",
  "Trịnh",
  "Tô",
  "Lưu",
  "Triệu",
  "Kiều",
  "Phùng",
];

/**
 * A text folded for the situation check, with people's names kept apart from places:
 * "Kế nhiệm: Lê Đức Thọ" names a man, not the district of Đức Thọ, so the surname is
 * joined to the name ("leduc tho") and the place is not found in it. A surname that
 * begins a place asked about ("Vũ Thư", "Ngô Quyền") is left as it is.
 */
export function foldForSituation(text: string, situation: readonly string[]): string {
  const asked = askedSurnames(situation);
  const joined = markPlaceNames(text).replace(PERSON_NAME, (name, surname: string) =>
    asked.has(foldDiacritics(surname.toLowerCase())) ? name : surname,
  );
  return foldDiacritics(joined.toLowerCase());
}

/**
 * A surname and the spaces before a capitalised name. One pattern for every question: a
 * pattern per set of surnames asked cost 2 ms to compile (its letter classes), and the
 * surnames a place asked begins with are passed over as the pattern is read.
 */
const PERSON_NAME = new RegExp(`(?<![\\p{L}\\p{N}])(${SURNAMES.join("|")})\\s+(?=\\p{Lu})`, "gu");

/** The folded surnames the situation's names begin with ("vu" for "vu thu"). */
function askedSurnames(situation: readonly string[]): ReadonlySet<string> {
  return new Set(situation.map((name) => name.split(" ")[0]!));
}

/** A term of office as written either way: "khoa xiv" is also "khoa 14". */
function termForms(phrase: string): string[] {
  const term = /^(khoa|lan thu) ([ivxlc]+)$/u.exec(phrase);
  return term === null ? [phrase] : [phrase, `${term[1]} ${romanValue(term[2]!)}`];
}

/** holdsSituation on text folded by foldForSituation. */
export function holdsSituationFolded(situation: readonly string[], folded: string): boolean {
  // A year or a term of office is exact: each one asked must be there.
  const exact = situation.filter((phrase) => /\d|^(?:khoa|lan) /u.test(phrase));
  if (!exact.every((phrase) => mentionsAny(folded, termForms(phrase)))) return false;
  // Several names locate one another ("thị trấn Hoa Thành (Yên Thành, Nghệ An)"): a text
  // naming most of them is about that place. Two names ("Lào Cai" and "Yên Bái") are both
  // asked about: one alone is another place's text.
  const names = situation.filter((phrase) => !exact.includes(phrase));
  if (names.length === 0) return true;
  const missing = names.filter((phrase) => !namesPlace(folded, phrase)).length;
  if (missing > Math.floor((names.length - 1) / 2)) return false;
  // A commune, a district or a person beside the province or country that locates it
  // ("xã Hòa Hội Tây Ninh … giáp Campuchia") is what is asked about: a text naming only
  // the province and the country is about them.
  const subject = names.find((name) => !isProvinceOrCountry(name));
  return subject === undefined || !names.some(isProvinceOrCountry) || namesPlace(folded, subject);
}

/** "Tết Ất Tỵ" is the "Tết Nguyên đán Ất Tỵ" of official texts, and the reverse (folded). */
function nameForms(name: string): string[] {
  const lunar = /^tet (?:nguyen dan )?(.+)$/u.exec(name);
  return lunar === null ? [name] : [`tet ${lunar[1]}`, `tet nguyen dan ${lunar[1]}`];
}

/**
 * Whether the text names the place, whole or in parts of two syllables or more written
 * apart ("ta phin lao cai" in "Xã Tả Phìn, tỉnh Lào Cai").
 */
function namesPlace(folded: string, name: string): boolean {
  // "Lào", "Huế" count only where the text wrote them so (`markPlaceNames`).
  if (SHORT_NAME_KEYS.has(name)) return mentionsAny(folded, [shortNameToken(name)]);
  if (mentionsAny(folded, nameForms(name))) return true;
  const words = name.split(" ");
  if (words.length < 4) return false;
  // reachable[i]: the first i words split into parts the text names.
  const reachable = new Array<boolean>(words.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 2; end <= words.length; end++) {
    for (let start = 0; start <= end - 2 && !reachable[end]; start++) {
      if (reachable[start] && mentionsAny(folded, [words.slice(start, end).join(" ")])) reachable[end] = true;
    }
  }
  return reachable[words.length]!;
}
