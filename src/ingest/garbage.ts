import { IngestError } from "../errors.js";
import { ingestMessages } from "./messages.js";

/** Which legacy Vietnamese encoding a garbled text most resembles. */
export type LegacyEncoding = "TCVN3" | "VNI" | "unknown";

/** What a look at the raw extracted text found. */
export interface TextQuality {
  /** Set when the text is unreadable: the file must be refused. */
  problem:
    | { reason: "control_chars"; count: number }
    | { reason: "replacement_chars"; count: number }
    | { reason: "legacy_encoding"; encoding: LegacyEncoding; words: number; ratio: number }
    | null;
  /** Vietnamese warnings for a readable text with some damaged parts. */
  warnings: string[];
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
/** U+FFFD and private-use code points: glyphs the extractor could not map to Unicode. */
const UNMAPPED = /[\uFFFD\uE000-\uF8FF]/gu;
const NON_SPACE = /\S/gu;

/** A word as legacy-font output spells it: letters plus the Latin-1 symbols those fonts reuse. */
const WORD = /[A-Za-z\u00A1-\u00FF\u0100-\u024F\u1E00-\u1EFF]+/gu;
/**
 * Latin-1 characters that never occur in a Unicode Vietnamese word: the symbols
 * TCVN3 (ABC) fonts use for toned vowels (µ = à, ¸ = á, · = ã, ¹ = ạ, ¬ = ơ, ...) and
 * the foreign letters both TCVN3 and VNI use (Ö, Ü, ñ, ä, ø, û, ...). « » ° are left
 * out: they appear next to words as quotes and degrees.
 */
const TCVN3_SIGN = /[\u00A1-\u00AA\u00AC-\u00AF\u00B1-\u00BA\u00BC-\u00BF\u00D7\u00F7]/u;
const FOREIGN_LETTER =
  /[\u00C4-\u00C7\u00CB\u00CE-\u00D1\u00D6\u00D8\u00DB\u00DC\u00DE\u00DF\u00E4-\u00E7\u00EB\u00EE-\u00F1\u00F6\u00F8\u00FB\u00FC\u00FE\u00FF]/u;
/** VNI: an ASCII vowel followed by the Latin-1 letter that carries its marks (oä = ộ, aø = à, uû = ủ). */
const VNI_PAIR =
  /[aeiouyAEIOUY][\u00E4\u00E5\u00E6\u00EB\u00EF\u00F8\u00FB\u00FC\u00F6\u00F5\u00F9\u00FA\u00E0\u00E1\u00E2\u00E3\u00E8\u00E9\u00EA\u00EC\u00ED\u00F2\u00F3]|^[ñÑ][aeiouAEIOU]/u;
/** UTF-8 read as Windows-1252: "Cá»™ng hÃ²a". */
const MOJIBAKE = /Ã[\u0080-\u00BF]|á»|áº|Æ°|Ä‘|Ä/u;

function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  for (const _ of text.matchAll(pattern)) count++;
  return count;
}

/** Refuse when this share of the words looks like legacy-font output... */
const LEGACY_FATAL_RATIO = 0.08;
/** ...and warn from this share on. */
const LEGACY_WARN_RATIO = 0.002;

/**
 * Looks for signs that extracted text is not readable Vietnamese: control characters,
 * U+FFFD / private-use glyphs (fonts without a Unicode map), and words spelt by the
 * legacy TCVN3 (ABC) or VNI fonts or UTF-8 decoded as Windows-1252. Pure.
 */
export function assessTextQuality(text: string): TextQuality {
  const warnings: string[] = [];
  const chars = Math.max(1, countMatches(text, NON_SPACE));

  const controls = countMatches(text, CONTROL);
  if (controls >= 3 && controls / chars > 0.01) {
    return { problem: { reason: "control_chars", count: controls }, warnings };
  }

  const unmapped = countMatches(text, UNMAPPED);
  if (unmapped >= 5 && unmapped / chars > 0.02) {
    return { problem: { reason: "replacement_chars", count: unmapped }, warnings };
  }
  if (unmapped >= 3) warnings.push(ingestMessages.warnSomeReplacement);

  let words = 0;
  let suspicious = 0;
  let tcvn3 = 0;
  let vni = 0;
  let mojibake = 0;
  for (const [word] of text.matchAll(WORD)) {
    words++;
    // Legacy-font words mix ASCII letters with the symbols; "½" or "©" alone is a symbol.
    if (!/[A-Za-z]/u.test(word)) continue;
    const isTcvn3 = TCVN3_SIGN.test(word);
    const isVni = VNI_PAIR.test(word) && FOREIGN_LETTER.test(word);
    const isMojibake = MOJIBAKE.test(word);
    if (isTcvn3 || isVni || isMojibake || FOREIGN_LETTER.test(word)) {
      suspicious++;
      if (isMojibake) mojibake++;
      else if (isVni) vni++;
      else if (isTcvn3) tcvn3++;
    }
  }
  const ratio = words === 0 ? 0 : suspicious / words;
  if (suspicious >= 3 && ratio >= LEGACY_FATAL_RATIO) {
    const encoding: LegacyEncoding =
      mojibake > Math.max(tcvn3, vni) ? "unknown" : vni > tcvn3 ? "VNI" : tcvn3 > 0 ? "TCVN3" : "unknown";
    return {
      problem: {
        reason: "legacy_encoding",
        encoding,
        words: suspicious,
        ratio: Math.round(ratio * 1000) / 1000,
      },
      warnings,
    };
  }
  if (suspicious >= 5 && ratio >= LEGACY_WARN_RATIO) warnings.push(ingestMessages.warnPartlyLegacy);
  return { problem: null, warnings };
}

/**
 * Throws IngestError("garbled_text") with a Vietnamese explanation when the text is
 * unreadable; otherwise returns the warnings worth showing the admin.
 */
export function assertReadableText(text: string, context: Record<string, unknown> = {}): string[] {
  const quality = assessTextQuality(text);
  const problem = quality.problem;
  if (problem === null) return quality.warnings;
  const message =
    problem.reason === "control_chars"
      ? ingestMessages.garbledControl
      : problem.reason === "replacement_chars"
        ? ingestMessages.garbledReplacement
        : ingestMessages.garbledLegacy(problem.encoding);
  throw new IngestError("garbled_text", message, { context: { ...context, ...problem } });
}
