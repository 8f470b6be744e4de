import { findDocumentNumbers } from "../text/document-numbers.js";
import { foldDiacritics, toSyllables } from "../text/index.js";
import { romanValue } from "../text/roman-numerals.js";
import { FUNCTION_WORDS_EXACT, nameFacts, ROMAN, startsSentence, syllableText } from "./citation-names.js";

/**
 * The facts of a sentence that a cited passage must hold word for word: numbers with
 * their unit ("06 đầu mối", "9,4%", "2.000 tỷ đồng"), dates ("14/2/2025", "ngày 3 tháng 8
 * năm 2024", "tháng 3/2025"), document numbers ("18-NQ/TW", "67/2025/NĐ-CP"), term numbers
 * in Roman numerals ("khóa XIII") and proper names (capitalised syllable runs: people,
 * bodies, places, titles). Vietnamese administrative prose shares most of its words
 * across unrelated sentences, so a model that changes one number or adds one name keeps
 * almost every syllable of its source; only these facts tell the sentences apart.
 *
 * Everything is compared folded (lower case, no diacritics, "đ" → "d"), numbers by
 * value ("06" = "6" = "sáu" before a word, "2.000" = "2000"), abbreviations also by their
 * expansion ("UBND" = "Ủy ban nhân dân"). Pure functions.
 */

/** One fact a sentence states, with the words it is shown by in logs. */
export interface Fact {
  kind: "number" | "date" | "document" | "name" | "level";
  /** As written in the sentence. */
  text: string;
}

/** What a set of passages states, indexed for {@link missingFacts}. */
export interface FactIndex {
  /** Number value → the folded syllables written right after it ("" for none). */
  numbers: Map<string, Set<string>>;
  /** "d/m/y", "d/m" and "m/y" of every date. */
  dates: Set<string>;
  /** Folded document numbers without spaces: "18-nq/tw". */
  documents: Set<string>;
  /** Folded syllables joined by single spaces, with spaces at both ends; once as written, once with abbreviations expanded. */
  texts: string[];
  /** The same with marks: names are compared with them when the sentence has any. */
  markedTexts: string[];
}

const DASHES = /[‐‑‒–—−]/g;
/** Folded words after which a number is a time or a rank, not a quantity with a unit. */
const TIME_WORDS = new Set(["nam", "thang", "ngay", "khoa", "thu", "so", "ky", "quy", "tu", "den", "luc"]);
/** Government levels: "cấp xã" where the passage says "cấp tỉnh" is another place. */
const LEVELS = /(?<![a-z])cap (xa|huyen|tinh|trung uong|co so|khu vuc|toi cao|cao|bo)(?![a-z])/g;

/** Number words read as numbers before a word ("sáu đầu mối"); "một" and "năm" have other senses. */
const NUMBER_WORDS: Record<string, number> = {
  hai: 2,
  ba: 3,
  bốn: 4,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
};
const COUNTING_VERBS = new Set(["có", "gồm", "cả", "còn"]);
/** In passages any small number word counts, "một" and "năm" too: reading more there only forgives. */
const PASSAGE_NUMBER_WORDS: Record<string, number> = { ...NUMBER_WORDS, một: 1, năm: 5 };

/** The unit recorded for a number that is part of a date or a document number. */
const PART = "#part";

/** Units written two ways: "tỉ"/"tỷ", "ngàn"/"nghìn". */
const UNIT_SPELLINGS: Record<string, string> = { ti: "ty", ngan: "nghin" };

const ROMAN_CONTEXT = new Set(["khoa", "hoi", "thu", "lan"]);

function fold(text: string): string {
  return foldDiacritics(text.toLowerCase());
}

/** "06" → "6", "2.000" → "2000", "9,4" → "9.4", "1.2" → "1.2". */
export function numberValue(written: string): string {
  const thousands = /^\d{1,3}(?:\.\d{3})+$/.test(written);
  const plain = thousands ? written.replace(/\./g, "") : written.replace(",", ".");
  const value = Number(plain);
  return Number.isFinite(value) ? String(value) : written;
}

interface DateMatch {
  keys: string[];
  start: number;
  end: number;
  text: string;
}

const n = (s: string | undefined) => (s === undefined ? undefined : String(Number(s)));

/**
 * Dates in folded text: each gives its most precise key first ("3/8/2024"), then the
 * coarser ones a passage also states by it ("3/8", "8/2024").
 */
function findDates(folded: string): DateMatch[] {
  const out: DateMatch[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (m: RegExpMatchArray, d?: string, mo?: string, y?: string) => {
    const start = m.index!;
    const end = start + m[0].length;
    if (!free(start, end)) return;
    const [dd, mm, yy] = [n(d), n(mo), y];
    if (mm !== undefined && (Number(mm) < 1 || Number(mm) > 12)) return;
    const keys: string[] = [];
    if (dd && mm && yy) keys.push(`${dd}/${mm}/${yy}`, `${dd}/${mm}`, `${mm}/${yy}`);
    else if (dd && mm) keys.push(`${dd}/${mm}`);
    else if (mm && yy) keys.push(`${mm}/${yy}`);
    if (keys.length === 0) return;
    taken.push([start, end]);
    out.push({ keys, start, end, text: m[0] });
  };
  for (const m of folded.matchAll(/(?<![\d/.])(\d{1,2})\s*([/.])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])/g))
    add(m, m[1], m[3], m[4]);
  for (const m of folded.matchAll(
    /(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:,\s*)?(?:nam\s+|\/\s*)(\d{4}))?/g,
  ))
    add(m, m[1], m[2], m[3]);
  for (const m of folded.matchAll(/thang\s+(\d{1,2})\s*(?:nam\s+|\/\s*)(\d{4})/g))
    add(m, undefined, m[1], m[2]);
  for (const m of folded.matchAll(/(?<=(?:ngay|truoc|tu|den|sau)\s+)(\d{1,2})\/(\d{1,2})(?![\d/])/g))
    add(m, m[1], m[2]);
  for (const m of folded.matchAll(/(?<![\d/.])(\d{1,2})\/(\d{4})(?![\d/])/g)) add(m, undefined, m[1], m[2]);
  return out;
}

function documentKey(number: string): string {
  return fold(number)
    .replace(/\s+/g, "")
    .replace(/^0+(?=\d)/, "");
}

/**
 * The unit written right after a number ending at `end` in `lower` (lower-case NFC
 * text): "%", or the next word folded ("06 đầu mối" → "dau"), or "" when none follows
 * or the next word is a function word ("năm 2015 và ..."). Compared as written, since
 * folding merges "có" with "cơ" and "vì" with "vị".
 */
function unitAfter(lower: string, end: number): string {
  const rest = lower.slice(end, end + 40);
  if (/^\s*%/.test(rest)) return "%";
  const m = /^\s+(\p{L}+)/u.exec(rest);
  if (!m || FUNCTION_WORDS_EXACT.has(m[1]!)) return "";
  const unit = fold(m[1]!);
  return UNIT_SPELLINGS[unit] ?? unit;
}

function wordBefore(folded: string, start: number): string {
  const m = /([a-z]+)[\s(]*$/.exec(folded.slice(Math.max(0, start - 20), start));
  return m ? m[1]! : "";
}

function prepare(text: string): string {
  return text.normalize("NFC").replace(DASHES, "-");
}

/** Indexes what the passages (their title, number, headings and text, joined) state. */
export function indexFacts(passageText: string): FactIndex {
  const nfc = prepare(passageText);
  const folded = fold(nfc);
  const numbers = new Map<string, Set<string>>();
  const addNumber = (value: string, unit: string) => {
    const units = numbers.get(value) ?? new Set<string>();
    units.add(unit);
    numbers.set(value, units);
  };
  const dates = new Set<string>();
  // Numbers inside a date or a document number are there, but not written alone: they
  // lend no unit to a sentence's number ("tháng 3/2020" does not state "3 chức danh").
  const inside: Array<[number, number]> = [];
  for (const d of findDates(folded)) {
    for (const key of d.keys) dates.add(key);
    inside.push([d.start, d.end]);
  }
  const documentNumbers = findDocumentNumbers(nfc);
  const documents = new Set(documentNumbers.map(documentKey));
  for (const number of documentNumbers)
    for (let at = nfc.indexOf(number); at >= 0; at = nfc.indexOf(number, at + 1))
      inside.push([at, at + number.length]);
  const lower = nfc.toLowerCase();
  for (const m of folded.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const within = inside.some(([a, b]) => m.index >= a && m.index < b);
    addNumber(numberValue(m[0]), within ? PART : unitAfter(lower, m.index + m[0].length));
  }
  const syllables = toSyllables(nfc);
  for (let i = 0; i < syllables.length; i++) {
    const s = syllables[i]!;
    const word = PASSAGE_NUMBER_WORDS[s.text];
    const next = syllables[i + 1];
    if (word !== undefined && next && !/\d/.test(next.folded)) addNumber(String(word), next.folded);
    const raw = nfc.slice(s.start, s.end);
    if (ROMAN.test(raw)) addNumber(String(romanValue(raw)), "");
  }
  return {
    numbers,
    dates,
    documents,
    texts: [syllableText(nfc, false, false), syllableText(nfc, true, false)],
    markedTexts: [syllableText(nfc, false, true), syllableText(nfc, true, true)],
  };
}

/**
 * The facts of a sentence (markers already removed). Names are the capitalised runs
 * that do not merely start the sentence: a run at a sentence start counts without its
 * first word when the whole run is not found (see {@link missingFacts}).
 */
export function sentenceFacts(sentence: string): Array<Fact & { keys: string[] }> {
  // Citation markers are no numbers of the sentence.
  const nfc = prepare(sentence).replace(/\[\s*\d[\d\s,;-]*\]/g, (m) => " ".repeat(m.length));
  const out: Array<Fact & { keys: string[] }> = [];
  let masked = nfc;
  const mask = (start: number, end: number) => {
    masked = masked.slice(0, start) + " ".repeat(end - start) + masked.slice(end);
  };
  for (const number of findDocumentNumbers(nfc)) {
    out.push({ kind: "document", text: number, keys: [documentKey(number)] });
    for (let at = masked.indexOf(number); at >= 0; at = masked.indexOf(number, at + 1))
      mask(at, at + number.length);
  }
  // Folding keeps one character per letter for NFC text, so offsets carry over.
  for (const d of findDates(fold(masked))) {
    out.push({ kind: "date", text: nfc.slice(d.start, d.end), keys: [d.keys[0]!] });
    mask(d.start, d.end);
  }
  const folded = fold(masked);
  const lower = masked.toLowerCase();
  for (const m of folded.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const before = wordBefore(folded, m.index);
    const unit = TIME_WORDS.has(before) ? "" : unitAfter(lower, m.index + m[0].length);
    out.push({
      kind: "number",
      text: nfc.slice(m.index, m.index + m[0].length + (unit === "%" ? 1 : 0)),
      keys: [`${numberValue(m[0])}|${unit}`],
    });
  }
  const syllables = toSyllables(masked);
  for (let i = 0; i < syllables.length; i++) {
    const s = syllables[i]!;
    const raw = masked.slice(s.start, s.end);
    const next = syllables[i + 1];
    const previous = syllables[i - 1]?.folded ?? "";
    // "năm" counts five only after a verb of counting: "có năm trường hợp"; else it is a year.
    const five =
      raw.toLowerCase() === "năm" && COUNTING_VERBS.has(syllables[i - 1]?.text ?? "") ? 5 : undefined;
    const word =
      five ??
      NUMBER_WORDS[raw] ??
      (i === 0 || startsSentence(masked, s.start) ? NUMBER_WORDS[raw.toLowerCase()] : undefined);
    if (word !== undefined && previous === "thu") {
      // An ordinal: "huyện thứ ba".
      out.push({ kind: "number", text: `thứ ${raw}`, keys: [`${word}|`] });
    } else if (
      word !== undefined &&
      next &&
      !/\p{Lu}/u.test(masked[next.start]!) &&
      !/\d/.test(next.folded) &&
      !FUNCTION_WORDS_EXACT.has(next.text)
    ) {
      out.push({
        kind: "number",
        text: `${raw} ${masked.slice(next.start, next.end)}`,
        keys: [`${word}|${UNIT_SPELLINGS[next.folded] ?? next.folded}`],
      });
    }
    if (ROMAN.test(raw) && (raw.length > 1 || ROMAN_CONTEXT.has(previous))) {
      out.push({ kind: "number", text: raw, keys: [`${romanValue(raw)}|`] });
    }
  }
  for (const m of folded.matchAll(LEVELS)) {
    out.push({ kind: "level", text: nfc.slice(m.index, m.index + m[0].length), keys: [m[0]] });
  }
  out.push(...nameFacts(masked, syllables));
  return out;
}

/**
 * The facts of a sentence that the passages do not state. A number's unit must follow
 * the same number in the passages when the sentence gives one; a name must occur as a
 * run of the same syllables (as written or with abbreviations expanded); a run that
 * starts the sentence may drop its first word, which may be capitalised only because
 * it starts the sentence ("Theo Bộ Chính trị").
 */
export function missingFacts(sentence: string, index: FactIndex): Fact[] {
  const missing: Fact[] = [];
  const inTexts = (key: string) => key !== "" && index.texts.some((t) => t.includes(` ${key} `));
  for (const fact of sentenceFacts(sentence)) {
    let found: boolean;
    switch (fact.kind) {
      case "document":
        found =
          index.documents.has(fact.keys[0]!) || inTexts(fact.keys[0]!.replace(/[^a-z0-9]+/g, " ").trim());
        break;
      case "date":
        found = index.dates.has(fact.keys[0]!);
        break;
      case "number": {
        const [value, unit] = fact.keys[0]!.split("|") as [string, string];
        const units = index.numbers.get(value);
        // A number the passage writes alone ("Ủy viên nữ: 17") may take the sentence's unit.
        found = units !== undefined && (unit === "" || units.has(unit) || units.has(""));
        break;
      }
      case "name":
        found = fact.keys.some(
          (key) => key !== "" && [...index.texts, ...index.markedTexts].some((t) => t.includes(` ${key} `)),
        );
        break;
      case "level":
        // "báo chí cấp tỉnh" for "báo chí các tỉnh": the level named without "cấp" counts.
        found = fact.keys.some((key) => inTexts(key) || inTexts(key.replace(/^cap /, "")));
        break;
    }
    if (!found) missing.push({ kind: fact.kind, text: fact.text });
  }
  return missing;
}
