import { ABBREVIATIONS, type AbbreviationEntry } from "./abbreviation-table.js";
import { foldNfc, hasVietnameseDiacritics, normalizeNfc } from "./normalize.js";
import { formsOf, type TokenForms } from "./tokenize.js";

export { ABBREVIATIONS, type AbbreviationEntry } from "./abbreviation-table.js";

/** A known abbreviation with its expansion already split into syllables. */
export interface Abbreviation {
  /** As written in the table, e.g. "UBND", "NĐ-CP". */
  abbr: string;
  /** Lower case, canonical tones: "ủy ban nhân dân". */
  expansion: string;
  /** The expansion's syllables with their folded forms, in order. */
  syllables: readonly TokenForms[];
  caseSensitive: boolean;
}

const exact = new Map<string, Abbreviation>();
const byLower = new Map<string, Abbreviation>();
const byFolded = new Map<string, Abbreviation>();

function toAbbreviation(entry: AbbreviationEntry): Abbreviation {
  const expansion = normalizeNfc(entry.expansion.normalize("NFC").toLowerCase());
  return {
    abbr: entry.abbr.normalize("NFC"),
    expansion,
    syllables: expansion.split(" ").map(formsOf),
    caseSensitive: entry.caseSensitive === true,
  };
}

for (const entry of ABBREVIATIONS) {
  const abbreviation = toAbbreviation(entry);
  if (abbreviation.caseSensitive) {
    exact.set(abbreviation.abbr, abbreviation);
    continue;
  }
  const lower = abbreviation.abbr.toLowerCase();
  byLower.set(lower, abbreviation);
  if (entry.markedOnly) continue;
  const folded = foldNfc(lower);
  // When two spellings fold alike, the one written without diacritics wins ("hd").
  if (!byFolded.has(folded) || folded === lower) byFolded.set(folded, abbreviation);
}

/**
 * Finds the abbreviation a token stands for, if any. `token` is as written in the
 * text, original case kept, NFC; a hyphenated pair ("NĐ-CP", "KT-XH") is looked up
 * as one. Case-sensitive entries ("TƯ", "TU", "CA") match only as written; the others
 * match in any case ("ubnd"), and a token typed without any diacritic also matches by
 * its folded form ("hdnd" → HĐND, "qd" → QĐ), except those that need their marks ("gđ"
 * is giám đốc, "gd" is not). Ordinary syllables never match.
 */
export function findAbbreviation(token: string): Abbreviation | undefined {
  const found = exact.get(token);
  if (found) return found;
  const lower = token.toLowerCase();
  const insensitive = byLower.get(lower);
  if (insensitive) return insensitive;
  if (!hasVietnameseDiacritics(token)) return byFolded.get(lower);
  return undefined;
}

/** "CT" as a chairman's title ("CT UBND", "ct tỉnh"); the table reads it as "chỉ thị". */
const CHAIRMAN = toAbbreviation({ abbr: "CT", expansion: "chủ tịch" });
/** Folded words that "CT" heads as chairman: a body or a place ("CT UBND", "CT xã", "CT nước"). */
const CHAIRED = new Set([
  "ubnd",
  "hdnd",
  "ub",
  "ubmttq",
  "mttq",
  "tinh",
  "huyen",
  "xa",
  "phuong",
  "nuoc",
  "quan",
]);

/**
 * The abbreviation a token stands for given the word after it, where that word decides:
 * "CT UBND phường", "ct tinh" name a chairman, while "Chỉ thị 05/CT-UBND" is joined by
 * its hyphen and read by the table. `nextFolded` is the next word folded, lower case.
 */
export function abbreviationBefore(token: string, nextFolded: string): Abbreviation | undefined {
  return token.toLowerCase() === "ct" && CHAIRED.has(nextFolded) ? CHAIRMAN : undefined;
}

/**
 * The expansion of an abbreviation written as `token` (original case), e.g.
 * "UBND" → "ủy ban nhân dân"; undefined when the token is not a known abbreviation.
 */
export function expandAbbreviation(token: string): string | undefined {
  return findAbbreviation(token.normalize("NFC"))?.expansion;
}
