import { fold } from "../text/fold.js";

/** Table cells and emphasis around a header line: "| Số: 05/2025/TT-BGDĐT |", "**Số hiệu:**". */
export function bareLine(line: string): string {
  return line
    .replace(/\*\*|__/gu, "")
    .replace(/^[\s|]+|[\s|]+$/gu, "")
    .trim();
}

/**
 * The value of a labelled field in a legal database's summary table ("Số hiệu:",
 * "Loại văn bản:", "Nơi ban hành:", "Ngày ban hành:"), written after the colon or on one
 * of the next lines (the table's cells come out one per line). Such a table describes the
 * page's own document, unlike the numbers its text quotes. Looks at the first 60 lines.
 */
export function labelledValue(lines: readonly string[], label: string): string | null {
  const wanted = fold(label);
  const top = lines.slice(0, 60);
  for (let i = 0; i < top.length; i++) {
    const line = bareLine(top[i]!);
    const colon = line.indexOf(":");
    if (colon < 0 || colon > 40 || fold(line.slice(0, colon)) !== wanted) continue;
    const rest = line.slice(colon + 1).trim();
    if (rest.length > 0) return rest.slice(0, 120);
    const next = top
      .slice(i + 1, i + 4)
      .map(bareLine)
      .find((l) => l.length > 0 && !l.endsWith(":"));
    return next ? next.slice(0, 120) : null;
  }
  return null;
}
