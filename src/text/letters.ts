/**
 * Character tables for Vietnamese letters, built once at load time from Unicode
 * normalization (so no hand-typed table can be wrong). Internal to `src/text/`.
 *
 * A Vietnamese vowel letter is a base (a ă â e ê i o ô ơ u ư y) plus one of six
 * tones (none, huyền, sắc, hỏi, ngã, nặng); every combination has a precomposed
 * code point, so in NFC text a tone moves between letters without changing length.
 */

/** Lower-case vowel bases without tone, in a fixed order used as an index. */
export const VOWEL_BASES = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;

/** Tone marks by tone index: 0 none, 1 grave, 2 acute, 3 hook above, 4 tilde, 5 dot below. */
const TONE_MARKS = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"] as const;

const TONES = TONE_MARKS.length;
const BASES = VOWEL_BASES.length;
const VOWEL_TABLE_SIZE = 0x1f00;

/** 0 = not a vowel letter; else 1 + base + BASES * (tone + TONES * upper). */
const vowelCodes = new Uint8Array(VOWEL_TABLE_SIZE);
/** Char code of (base, tone, upper) at base + BASES * (tone + TONES * upper). */
const composedCodes = new Uint16Array(BASES * TONES * 2);

for (let base = 0; base < BASES; base++) {
  for (let tone = 0; tone < TONES; tone++) {
    const lower = `${VOWEL_BASES[base]}${TONE_MARKS[tone]}`.normalize("NFC");
    const upper = lower.toUpperCase();
    if (lower.length !== 1 || upper.length !== 1) {
      throw new Error(`Vietnamese vowel ${JSON.stringify(lower)} has no single precomposed form`);
    }
    for (const [isUpper, ch] of [
      [0, lower],
      [1, upper],
    ] as const) {
      const slot = base + BASES * (tone + TONES * isUpper);
      composedCodes[slot] = ch.charCodeAt(0);
      vowelCodes[ch.charCodeAt(0)] = 1 + slot;
    }
  }
}

/** What a vowel letter is made of; undefined for any other character. */
export interface VowelParts {
  /** Index into VOWEL_BASES. */
  base: number;
  /** Tone index, 0 = no tone. */
  tone: number;
  upper: boolean;
}

/** Decomposes a vowel letter's char code into base, tone and case. */
export function vowelParts(code: number): VowelParts | undefined {
  const v = code < VOWEL_TABLE_SIZE ? vowelCodes[code]! : 0;
  if (v === 0) return undefined;
  const slot = v - 1;
  return {
    base: slot % BASES,
    tone: Math.floor(slot / BASES) % TONES,
    upper: slot >= BASES * TONES,
  };
}

/** Tone index of a char code (0 when it is not a toned vowel letter). */
export function toneOf(code: number): number {
  const v = code < VOWEL_TABLE_SIZE ? vowelCodes[code]! : 0;
  return v === 0 ? 0 : Math.floor((v - 1) / BASES) % TONES;
}

/** True when the char code is a Vietnamese vowel letter, with or without tone, either case. */
export function isVowelCode(code: number): boolean {
  return code < VOWEL_TABLE_SIZE && vowelCodes[code] !== 0;
}

/** The character for a vowel base with the given tone and case. */
export function composeVowel(base: number, tone: number, upper: boolean): string {
  return String.fromCharCode(composedCodes[base + BASES * (tone + TONES * (upper ? 1 : 0))]!);
}

const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;

/**
 * Combining diacritics blocks. A mark from these that survives NFC is "stray" (no
 * precomposed letter exists for it); folding turns it into a space so that the folded
 * text keeps its length and folding stays idempotent (the bare base letter could
 * otherwise recompose with the mark).
 */
export function isCombiningDiacritic(code: number): boolean {
  return (
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

/** Lazily filled: 0 = not computed yet, else the folded char code. */
const foldedCodes = new Uint16Array(0x10000);

function computeFold(code: number): number {
  switch (code) {
    case 0x111: // đ
    case 0xf0: // ð, sometimes typed for đ
      return 0x64;
    case 0x110: // Đ
    case 0xd0: // Ð, often typed for Đ
      return 0x44;
  }
  if (code >= 0xd800 && code <= 0xdfff) return code;
  if (isCombiningDiacritic(code)) return 0x20;
  const decomposed = String.fromCharCode(code).normalize("NFD");
  if (decomposed.length < 2) return code;
  const first = decomposed.charCodeAt(0);
  if (first >= 0xd800 && first <= 0xdfff) return code;
  if (!LETTER.test(decomposed[0]!)) return code;
  for (let i = 1; i < decomposed.length; i++) {
    if (!MARK.test(decomposed[i]!)) return code;
  }
  return first;
}

/**
 * The char code with its diacritics removed (đ → d), or the same code. Only BMP
 * code units are folded; surrogate halves come back unchanged.
 */
export function foldCode(code: number): number {
  if (code < 0x80) return code;
  let folded = foldedCodes[code]!;
  if (folded === 0) {
    folded = computeFold(code);
    foldedCodes[code] = folded;
  }
  return folded;
}
