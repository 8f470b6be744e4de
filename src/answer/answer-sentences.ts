import { type SentenceSpan, splitSentences } from "../text/index.js";

/**
 * The sentences an answer may quote from a passage: its sentences, with the numbered
 * items a sentence runs into split off. Party conclusions write "(trong đó: (1) Đối với
 * cấp tỉnh: ... trong sắp xếp. (2) Đối với cấp xã: ...": the parenthesis never closes, so
 * the splitter reads one sentence of a hundred words, and trimming it cuts the item that
 * answers. Chunking keeps the plain split (its boundaries are stored).
 */
export function answerSentences(text: string): SentenceSpan[] {
  return splitSentences(text).flatMap(splitAtItems);
}

/**
 * A sentence end followed by an item number: "... sắp xếp. (2) Đối với", "... hải đảo... 2)
 * Xây dựng". Not after ";": "a) ...; b) ..." is one list, quoted whole.
 */
const ITEM_START = /[.…]\s+(?=\((?:\d{1,2}|[a-zđ])\)\s+\S|(?:\d{1,2}|[a-zđ])\)\s+\p{Lu})/gu;

function splitAtItems(span: SentenceSpan): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let from = 0;
  for (const match of span.text.matchAll(ITEM_START)) {
    const end = match.index + 1;
    const next = match.index + match[0].length;
    const piece = span.text.slice(from, end).trim();
    if (piece !== "") out.push({ text: piece, start: span.start + from, end: span.start + end });
    from = next;
  }
  if (from === 0) return [span];
  out.push({ text: span.text.slice(from), start: span.start + from, end: span.end });
  return out;
}
