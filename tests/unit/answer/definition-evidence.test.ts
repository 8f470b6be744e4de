import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definesTerm } from "../../../src/answer/definition-evidence.js";

/**
 * The definition test as one pattern of the term and what follows it, as it was written
 * before the term and its ending were read apart: the reference the faster form must equal.
 */
function definesTermReference(term: string, folded: string): boolean {
  const words = term.split(" ");
  const shortest = words.length === 1 ? 1 : Math.max(2, Math.ceil(words.length / 2));
  for (let n = words.length; n >= shortest; n--) {
    const phrase = words
      .slice(0, n)
      .map((word) => {
        const small = /^0?(\d)$/u.exec(word);
        const names = ["khong", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin"];
        return small ? `(?:0?${small[1]}|${names[Number(small[1])]})` : word;
      })
      .join("\\s+");
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])(?:[^.;:]{0,40}?:|\\s+(?:[\\p{L}\\p{N}]+\\s+){0,4}?(?:la|duoc hieu(?: la)?|nghia la|tuc la|gom|bao gom|duoc dinh nghia)(?![\\p{L}\\p{N}]))`,
      "gu",
    );
    for (const match of folded.matchAll(pattern)) {
      const clause = folded
        .slice(0, match.index)
        .split(/[,.;:()\n]/u)
        .pop()!
        .trim();
      if (
        clause.split(/\s+/u).filter(Boolean).length <= 2 ||
        /\b(?:khai niem|thuat ngu|dinh nghia|cum tu|tu)$/u.test(clause)
      )
        return true;
    }
  }
  return false;
}

describe("definesTerm", () => {
  it("finds the term said to be something, not named in passing", () => {
    expect(definesTerm("nhat the hoa", "nhat the hoa la viec bi thu dong thoi la chu tich")).toBe(true);
    expect(definesTerm("kiem nhiem", "theo do, kiem nhiem duoc hieu la mot nguoi giu hai chuc vu")).toBe(
      true,
    );
    expect(definesTerm("nhat the hoa", "khi thuc hien mo hinh nhat the hoa con gap kho khan")).toBe(false);
    expect(
      definesTerm("chinh quyen dia phuong 2 cap", "chinh quyen dia phuong hai cap gom cap tinh va cap xa"),
    ).toBe(true);
    // Inside a longer word the term is not there.
    expect(definesTerm("gom", "thugom la viec")).toBe(false);
  });

  it("reads every text as the single pattern it replaced", () => {
    const word = fc.constantFrom(
      "chu",
      "tich",
      "ubnd",
      "xa",
      "2",
      "02",
      "hai",
      "la",
      "gom",
      "viec",
      "cua",
      "khai niem",
      "tu",
      "đa",
      "𝐀",
      "x1",
    );
    const gap = fc.constantFrom(" ", "  ", "\n", ", ", ": ", ". ", " (", ") ", ";", "");
    const text = fc
      .array(fc.tuple(word, gap), { maxLength: 24 })
      .map((parts) => parts.map(([w, g]) => w + g).join(""));
    const term = fc
      .array(fc.constantFrom("chu", "tich", "ubnd", "xa", "2", "hai", "viec"), { minLength: 1, maxLength: 5 })
      .map((w) => w.join(" "));
    fc.assert(
      fc.property(term, text, (t, folded) => {
        expect(definesTerm(t, folded)).toBe(definesTermReference(t, folded));
      }),
      { numRuns: 2000 },
    );
  });
});
