import { analyzeForIndex } from "./analyze.js";

/** What a passage is indexed from: its heading path and its own text. */
export interface PassageText {
  headingPath: readonly string[];
  text: string;
}

/**
 * The text a passage is indexed under: its document title and heading path, then its
 * own text. Headings carry the topic ("Điều 3. Giải thích từ ngữ", the law's name) that
 * the passage body often leaves implicit, so both the index and the confidence check
 * read them.
 */
export function passageIndexText(chunk: PassageText, title: string): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const part of [title, ...chunk.headingPath]) {
    const key = part.trim().toLowerCase();
    if (!key || seen.has(key) || chunk.text.toLowerCase().startsWith(key)) continue;
    seen.add(key);
    parts.push(part.trim());
  }
  parts.push(chunk.text);
  return parts.join("\n");
}

/**
 * Heading terms count extra: a passage under "Điều 194. Bản án sơ thẩm" is about
 * "bản án" even where its body says it once. Equivalent to a boosted title field.
 */
export const HEADING_BOOST = 1;

/**
 * A passage's index terms and length, as ingestion writes them and as a migration of the
 * index recomputes them: one definition, so both always agree.
 */
export function passageTerms(
  draft: PassageText,
  title: string,
): { terms: Record<string, number>; length: number } {
  const full = analyzeForIndex(passageIndexText(draft, title));
  if (HEADING_BOOST <= 0) return full;
  const headingOnly = passageIndexText({ headingPath: draft.headingPath, text: "" }, title);
  const heading = analyzeForIndex(headingOnly).terms;
  for (const [term, tf] of Object.entries(heading))
    full.terms[term] = (full.terms[term] ?? 0) + tf * HEADING_BOOST;
  return full;
}
