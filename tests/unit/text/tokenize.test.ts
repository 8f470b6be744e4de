import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countSyllables, foldDiacritics, normalizeVietnamese, toSyllables } from "../../../src/text/index.js";
import { forEachToken, TOKEN_PATTERN, wordCharacterBefore } from "../../../src/text/tokenize.js";
import { someText } from "./arbitraries.js";

describe("toSyllables", () => {
  it("splits on everything but letters and digits, keeping numbers", () => {
    const syllables = toSyllables("Nghị quyết 18-NQ/TW ngày 25/10/2017 của BCH Trung ương");
    expect(syllables.map((s) => s.text)).toEqual([
      "nghị",
      "quyết",
      "18",
      "nq",
      "tw",
      "ngày",
      "25",
      "10",
      "2017",
      "của",
      "bch",
      "trung",
      "ương",
    ]);
  });

  it("lower-cases, normalizes tones and folds", () => {
    const [hoa, uy, duc] = toSyllables("HOÁ, Uỷ; Đức");
    expect(hoa).toEqual({ text: "hóa", folded: "hoa", start: 0, end: 3 });
    expect(uy).toEqual({ text: "ủy", folded: "uy", start: 5, end: 7 });
    expect(duc).toEqual({ text: "đức", folded: "duc", start: 9, end: 12 });
  });

  it("gives offsets into the NFC form of decomposed input", () => {
    const input = "Nhất thể hoá".normalize("NFD");
    const nfc = input.normalize("NFC");
    const syllables = toSyllables(input);
    expect(syllables.map((s) => nfc.slice(s.start, s.end))).toEqual(["Nhất", "thể", "hoá"]);
    expect(syllables[2]!.text).toBe("hóa");
  });

  it("keeps letters of other scripts as tokens", () => {
    expect(toSyllables("Россия и 中文").map((s) => s.text)).toEqual(["россия", "и", "中文"]);
  });

  it("covers every letter and digit exactly once, with consistent forms", () => {
    fc.assert(
      fc.property(someText, (s) => {
        const nfc = s.normalize("NFC");
        const syllables = toSyllables(s);
        let previousEnd = 0;
        for (const syllable of syllables) {
          expect(syllable.start).toBeGreaterThanOrEqual(previousEnd);
          expect(nfc.slice(previousEnd, syllable.start)).not.toMatch(/[\p{L}\p{N}]/u);
          const raw = nfc.slice(syllable.start, syllable.end);
          expect(raw).toMatch(/^[\p{L}\p{N}]+$/u);
          expect(syllable.text).toBe(normalizeVietnamese(raw.toLowerCase()));
          expect(syllable.folded).toBe(foldDiacritics(syllable.text));
          previousEnd = syllable.end;
        }
        expect(nfc.slice(previousEnd)).not.toMatch(/[\p{L}\p{N}]/u);
      }),
      { numRuns: 500 },
    );
  });
});

describe("countSyllables", () => {
  it("counts what toSyllables gives, decomposed marks and numbers too", () => {
    for (const text of [
      "Nghị quyết 18-NQ/TW ngày 25/10/2017 của BCH Trung ương",
      "Đức Thọ".normalize("NFD"),
      "| | - |",
      "NQ18, 06 đầu mối",
      "",
    ])
      expect(countSyllables(text)).toBe(toSyllables(text).length);
  });

  it("stops counting at the bound it is given", () => {
    expect(countSyllables("một hai ba bốn năm", 3)).toBe(3);
    expect(countSyllables("một hai", 3)).toBe(2);
  });
});

describe("forEachToken", () => {
  /** The tokens as the pattern finds them: start and end of each match. */
  const byPattern = (text: string) =>
    [...text.matchAll(TOKEN_PATTERN)].map((m) => [m.index, m.index + m[0].length]);
  const byScan = (text: string) => {
    const spans: number[][] = [];
    forEachToken(text, (start, end) => spans.push([start, end]));
    return spans;
  };

  it("finds the runs of letters and digits of any script, surrogate pairs whole", () => {
    const text = "Đức Thọ-2024 ¼ 𝐀𝐁c 😀x \uD835 lẻ\uDC00 ٣٤ 漢字";
    expect(byScan(text)).toEqual(byPattern(text));
    expect(byScan("𝐀𝐁c")).toEqual([[0, 5]]);
    // Before an offset inside a pair there is half a character, no letter.
    expect([
      wordCharacterBefore("𝐀b", 1),
      wordCharacterBefore("𝐀b", 2),
      wordCharacterBefore("-b", 1),
    ]).toEqual([false, true, false]);
  });

  it("reads every text as TOKEN_PATTERN does", () => {
    const anyUnits = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 })
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(fc.oneof(someText, fc.string({ unit: "grapheme", maxLength: 40 }), anyUnits), (text) => {
        expect(byScan(text)).toEqual(byPattern(text));
        expect(countSyllables(text)).toBe(byPattern(text.normalize("NFC")).length);
        // What precedes each offset, as a look-behind for a letter or digit reads it.
        for (let at = 0; at <= text.length; at++)
          expect(wordCharacterBefore(text, at)).toBe(/(?<=[\p{L}\p{N}])$/u.test(text.slice(0, at)));
      }),
      { numRuns: 2000 },
    );
  });
});
