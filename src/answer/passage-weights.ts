import { termsOf } from "./sentence-terms.js";
import type { Passage } from "./types.js";

/*
 * How the extractive composer weighs a passage before its sentences: its document's share
 * of the question, its score against the best passage's, and the question's terms its
 * title and headings already carry. Pure.
 */

/**
 * The share of the question's term value each passage's document holds in the passages
 * read, their titles and headings: a report's paragraph on difficulties says "kiêm nhiệm
 * các chức danh", its opening paragraph "Bí thư Huyện ủy đồng thời là Chủ tịch"; both
 * are about what the question asks.
 */
export function documentCoverages(passages: readonly Passage[], termValues: Map<string, number>): number[] {
  const held = new Map<string, Set<string>>();
  for (const passage of passages) {
    const terms = held.get(passage.doc.docId) ?? new Set<string>();
    if (passage.matchedTerms) {
      // The store already knows which of the question's terms the passage holds.
      for (const term of passage.matchedTerms) if (termValues.has(term)) terms.add(term);
      held.set(passage.doc.docId, terms);
      continue;
    }
    const inText = termsOf(passage.chunk.text);
    const inContext = termsOf(`${passage.doc.title}\n${passage.chunk.headingPath.join("\n")}`);
    for (const term of termValues.keys()) if (inText.has(term) || inContext.has(term)) terms.add(term);
    held.set(passage.doc.docId, terms);
  }
  let total = 0;
  for (const value of termValues.values()) total += value;
  return passages.map((passage) => {
    if (total <= 0) return 1;
    let value = 0;
    for (const term of held.get(passage.doc.docId)!) value += termValues.get(term) ?? 0;
    return value / total;
  });
}

/** A passage's score as a share of the best one's, 0..1 (1 when scores are not comparable). */
export function passageScoreShare(score: number, best: number): number {
  if (!(best > 0) || !(score >= 0)) return 1;
  return Math.min(1, score / best);
}

/** What a query term matching the title or headings is still worth in a sentence. */
const CONTEXT_DISCOUNT = 0.3;

/**
 * Query terms the passage's title or headings already carry ("Đức Thọ" in a report on
 * Đức Thọ) are context: the document answers for them, so the sentence that answers is
 * the one matching the rest of the question ("giảm được", "đầu mối"). Not what the
 * question asks for (`focus`, with its factor): a report titled "Những thuận lợi, khó
 * khăn ..." is asked "Những khó khăn khi ...?" and its sentence on the difficulties answers.
 */
export function discountContext(
  termValues: Map<string, number>,
  context: string,
  focus: ReadonlyMap<string, number>,
): Map<string, number> {
  const contextTerms = termsOf(context);
  const out = new Map<string, number>();
  for (const [term, value] of termValues) {
    const focusFactor = focus.get(term);
    if (focusFactor !== undefined) out.set(term, value * focusFactor);
    else out.set(term, contextTerms.has(term) ? value * CONTEXT_DISCOUNT : value);
  }
  return out;
}
