import { composeVowel, foldCode, isVowelCode, toneOf, VOWEL_BASES, vowelParts } from "./letters.js";

/**
 * One Vietnamese syllable, spelled without tone, lower case: onset, vowel nucleus
 * (1 to 3 vowel letters, glides included), coda. "gi" and "qu" are onsets when a vowel
 * follows, so their i/u never carry the tone (già, quý); otherwise "g" + "i" (gì, gìn).
 */
const SYLLABLE =
  /^(ngh|gh|kh|ng|nh|ph|th|tr|ch|gi(?=[aăâeêioôơuưy])|qu(?=[aăâeêioôơuưy])|[bcdđghklmnpqrstvxfjwz])?([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?$/;

/** ă â ê ô ơ ư: a vowel with a quality mark takes the tone. */
const QUALITY_VOWELS = "ăâêôơư";

/** Position of the tone inside a nucleus, old-style placement (hóa, ủy, thúy). */
function toneIndexInNucleus(nucleus: string, closed: boolean): number {
  // The last quality vowel: for ươ that is ơ (người, nước).
  for (let i = nucleus.length - 1; i >= 0; i--) {
    if (QUALITY_VOWELS.includes(nucleus[i]!)) return i;
  }
  if (nucleus.length === 3) return 1; // ngoài, khuỷu, xoáy
  if (nucleus.length === 2) return closed ? 1 : 0; // hoàn, toán vs hóa, khỏe, ủy
  return 0;
}

function isVietnameseLetterCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x111 ||
    code === 0x110 ||
    isVowelCode(code)
  );
}

/** Spelling of a run of Vietnamese letters with tones removed, lower case, or undefined. */
function toneless(run: string): string | undefined {
  let base = "";
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    const parts = vowelParts(code);
    if (parts) base += VOWEL_BASES[parts.base];
    else if (code >= 0x41 && code <= 0x5a) base += String.fromCharCode(code + 32);
    else if (code >= 0x61 && code <= 0x7a) base += run[i];
    else if (code === 0x111 || code === 0x110) base += "đ";
    else return undefined;
  }
  return base;
}

/**
 * True when the string, ignoring tone and case, is spelled like one Vietnamese
 * syllable (onset, 1-3 vowel nucleus, coda). Used to decide which abbreviations would
 * collide with ordinary words when matched case-insensitively ("TƯ" vs "tư").
 */
export function isVietnameseSyllable(s: string): boolean {
  const base = toneless(s.normalize("NFC"));
  return base !== undefined && SYLLABLE.test(base);
}

/** The run with its one tone moved to the canonical vowel, or the run itself. */
function placeTone(run: string, toneAt: number): string {
  const base = toneless(run);
  if (base === undefined) return run;
  const m = SYLLABLE.exec(base);
  if (!m) return run;
  const onsetLength = m[1]?.length ?? 0;
  const target = onsetLength + toneIndexInNucleus(m[2]!, m[3] !== undefined);
  if (target === toneAt) return run;
  const from = vowelParts(run.charCodeAt(toneAt))!;
  const to = vowelParts(run.charCodeAt(target))!;
  const chars = run.split("");
  chars[toneAt] = composeVowel(from.base, 0, from.upper);
  chars[target] = composeVowel(to.base, from.tone, to.upper);
  return chars.join("");
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

/** Whether the (possibly astral) character ending at or starting at `index` is a letter or mark. */
function isLetterAt(s: string, index: number, before: boolean): boolean {
  const code = s.charCodeAt(index);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  let ch = s[index]!;
  if (before && code >= 0xdc00 && code <= 0xdfff && index > 0) ch = s.slice(index - 1, index + 1);
  else if (!before && code >= 0xd800 && code <= 0xdbff) ch = s.slice(index, index + 2);
  return LETTER_OR_MARK.test(ch);
}

/** normalizeVietnamese on text already in NFC. */
export function normalizeNfc(s: string): string {
  const n = s.length;
  let out = "";
  let last = 0;
  let i = 0;
  while (i < n) {
    if (!isVietnameseLetterCode(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let tones = 0;
    let toneAt = -1;
    let vowels = 0;
    for (; i < n; i++) {
      const code = s.charCodeAt(i);
      if (!isVietnameseLetterCode(code)) break;
      if (isVowelCode(code)) {
        vowels++;
        if (toneOf(code) !== 0) {
          tones++;
          toneAt = i - start;
        }
      }
    }
    // One tone and at least two vowels: the only case where placement can differ.
    if (tones !== 1 || vowels < 2 || i - start > 8) continue;
    // A word that goes on with some other letter (ñ, a stray mark) is not Vietnamese.
    if ((start > 0 && isLetterAt(s, start - 1, true)) || (i < n && isLetterAt(s, i, false))) continue;
    const run = s.slice(start, i);
    const fixed = placeTone(run, toneAt);
    if (fixed !== run) {
      out += s.slice(last, start) + fixed;
      last = i;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * Puts Vietnamese text in one canonical spelling so that the same word always looks
 * the same: Unicode NFC, then the tone mark of each syllable on one vowel, "old style"
 * as most of the corpus writes it (hoá → hóa, uỷ → ủy, thuý → thúy, khoẻ → khỏe;
 * hoàn, quý, già, người, khuỷu stay). Case and every non-letter are kept; only tones
 * move, so the result has exactly the length of the NFC input and offsets stay valid.
 * Words that are not Vietnamese syllables (no tone, several tones, foreign letters,
 * impossible spelling like "café") are left alone.
 */
export function normalizeVietnamese(s: string): string {
  return normalizeNfc(s.normalize("NFC"));
}

/**
 * foldDiacritics on text already in NFC. The folded code units are written into one
 * reused buffer and read out as a string at the end: joining the text piece by piece
 * around each marked letter made a string for every piece (a Vietnamese sentence has
 * dozens), a tenth of what the answer stage allocates.
 */
export function foldNfc(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const code = s.charCodeAt(i);
    if (code >= 0x80 && foldCode(code) !== code) break;
    i++;
  }
  if (i === n) return s;
  if (foldBuffer.length < n) foldBuffer = new Uint16Array(Math.max(n, foldBuffer.length * 2));
  for (let j = 0; j < i; j++) foldBuffer[j] = s.charCodeAt(j);
  for (; i < n; i++) foldBuffer[i] = foldCode(s.charCodeAt(i));
  let out = "";
  for (let at = 0; at < n; at += FOLD_CHUNK)
    out += String.fromCharCode.apply(
      null,
      foldBuffer.subarray(at, Math.min(n, at + FOLD_CHUNK)) as unknown as number[],
    );
  return out;
}

/** The code units `foldNfc` writes, grown to the longest text folded. */
let foldBuffer = new Uint16Array(1024);
/** Code units turned into a string at a time (a call's arguments are bounded). */
const FOLD_CHUNK = 4096;

/**
 * Removes all diacritics, for matching text typed without them ("duc tho" finds
 * "Đức Thọ"): tones and quality marks go, and đ → d, Đ → D (SQLite's and many
 * libraries' diacritic removal keep đ, we must not). Works on the NFC form and keeps
 * its length: a combining mark that NFC cannot attach to a letter (never the case in
 * Vietnamese) becomes a space. Idempotent.
 */
export function foldDiacritics(s: string): string {
  return foldNfc(s.normalize("NFC"));
}

/**
 * True when some letter carries a diacritic (đ included). A query without any is
 * taken as typed without diacritics, so exact-spelling terms are not asked for.
 */
export function hasVietnameseDiacritics(s: string): boolean {
  const nfc = s.normalize("NFC");
  for (let i = 0; i < nfc.length; i++) {
    const code = nfc.charCodeAt(i);
    if (code < 0x80) continue;
    const folded = foldCode(code);
    if (folded !== code && folded !== 0x20) return true;
  }
  return false;
}

const WHITESPACE_RUN = /\s+/gu;

/**
 * The form two strings are compared in when deciding whether a passage "contains" a
 * phrase (the evaluation matcher): NFC, canonical tone placement, lower case, runs
 * of white space folded to one space, trimmed. Diacritics are kept.
 */
export function normalizeForMatch(s: string): string {
  return normalizeVietnamese(s).toLowerCase().replace(WHITESPACE_RUN, " ").trim();
}
