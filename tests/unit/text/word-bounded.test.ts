import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wordBoundedMatches } from "../../../src/text/index.js";

/** What the bounds stand for: the pattern inside letter and digit look-arounds. */
function byLookarounds(text: string, source: string, flags: string): Array<[number, number]> {
  const bounded = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);
  return [...text.matchAll(bounded)].map((m) => [m.index, m.index + m[0].length]);
}

function byScan(text: string, source: string, flags: string): Array<[number, number]> {
  return [...wordBoundedMatches(text, new RegExp(source, flags))].map((m) => [m.index, m.end]);
}

/** Counts and units with what may touch them: letters, digits, marks, astral letters. */
const PIECES = [
  "12",
  "1.234",
  "3,5",
  " ",
  "  ",
  "xa",
  "Xa",
  "xã",
  "xanh",
  "a",
  "đ",
  "9",
  "-",
  "/",
  "(",
  ")",
  "𝐀",
  "²",
  "\u0301",
  "ủy viên",
  "uy vien",
  "uy  vien",
  "\t",
  ",",
];
const countText = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(""));

describe("wordBoundedMatches", () => {
  it("keeps a count that stands as words and refuses one that runs into a word", () => {
    expect(byScan("a12 xa, 5 xa; 7 xanh, 8 xa", String.raw`\d+\s+xa`, "gu")).toEqual([
      [8, 12],
      [22, 26],
    ]);
    // Refused at "1" (a letter before it), found again at "234" past the point.
    expect(byScan("a1.234 xa", String.raw`\d+(?:[.,]\d+)*\s+xa`, "gu")).toEqual([[3, 9]]);
  });

  it("finds what the pattern inside letter and digit look-arounds finds", () => {
    const patterns: Array<[string, string]> = [
      [String.raw`\d+(?:[.,]\d+)*\s+xa`, "giu"],
      [String.raw`\d+(?:[.,]\d+)*\s+uy\s+vien`, "giu"],
      ["xa", "gu"],
    ];
    fc.assert(
      fc.property(countText, fc.constantFrom(...patterns), (text, [source, flags]) => {
        expect(byScan(text, source, flags)).toEqual(byLookarounds(text, source, flags));
      }),
      { numRuns: 3000 },
    );
  });
});
