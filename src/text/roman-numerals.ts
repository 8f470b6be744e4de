/** Roman numerals as terms of office and congresses are written ("khóa XIV", "Đại hội XIII"). */

const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** The value of a Roman numeral in capitals or lower case ("XIV" → 14). */
export function romanValue(roman: string): number {
  const upper = roman.toUpperCase();
  let total = 0;
  for (let i = 0; i < upper.length; i++) {
    const v = VALUES[upper[i]!]!;
    const next = VALUES[upper[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const NUMERALS: ReadonlyArray<readonly [number, string]> = [
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

/** A number from 1 to 199 as a lower-case Roman numeral (14 → "xiv"). */
export function toRoman(value: number): string {
  let rest = value;
  let out = "";
  for (const [n, numeral] of NUMERALS) {
    while (rest >= n) {
      out += numeral;
      rest -= n;
    }
  }
  return out;
}
