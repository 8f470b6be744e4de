import { splitSentences } from "../text/index.js";
import type { Citation, Passage } from "./types.js";

/** A piece of a sentence shorter than this many words is a remnant, not something to quote. */
const MIN_PIECE_WORDS = 4;
/** A quoted fragment shorter than this is not looked for (it would match too much). */
const MIN_FRAGMENT_WORDS = 4;

/** Passages with what an earlier answer quoted cut out, and how to give citations their text back. */
export interface LeftOut {
  passages: Passage[];
  /** Citations of the composed answer with each passage's own text (as the reader opens it). */
  restore(citations: Citation[]): Citation[];
}

/**
 * The passages without what a previous extractive answer quoted from them, so an answer
 * to "giải thích rõ hơn" goes on where the first stopped. An answer quotes a long
 * sentence cut to its first clauses ("… thiếu sự đồng bộ trong thể chế…"): leaving the
 * whole sentence out would lose its rest ("phương thức lãnh đạo …; khối lượng công việc
 * lớn … gây áp lực"), which is exactly the more that was asked for. So the quoted
 * fragments are cut out of each sentence and what remains is offered as a sentence of
 * its own, marked "…" where something was cut.
 */
export function leaveOutQuoted(passages: Passage[], previousAnswer: string): LeftOut {
  const fragments = quotedFragments(previousAnswer);
  const original = new Map(passages.map((p) => [p.chunk.chunkId, p.chunk.text]));
  const rewritten = passages.map((passage) => {
    const text = withoutFragments(passage.chunk.text, fragments);
    return text === passage.chunk.text ? passage : { ...passage, chunk: { ...passage.chunk, text } };
  });
  return {
    passages: rewritten,
    restore: (citations) => citations.map((c) => ({ ...c, text: original.get(c.chunkId) ?? c.text })),
  };
}

/** The runs of document text an answer quotes: between its [n] marks and "…" gaps. */
export function quotedFragments(answer: string): string[] {
  const out: string[] = [];
  for (const part of answer.normalize("NFC").split(/\s*\[\d+\]\s*|…/u)) {
    const fragment = tidyEdges(part);
    if (wordCount(fragment) >= MIN_FRAGMENT_WORDS) out.push(fragment);
  }
  return out;
}

/** The text with the fragments cut out of its sentences, one sentence a line. */
function withoutFragments(text: string, fragments: readonly string[]): string {
  const spans = splitSentences(text);
  let changed = false;
  const lines: string[] = [];
  for (const span of spans) {
    const left = cutSentence(span.text, fragments);
    if (left === span.text) {
      lines.push(span.text);
      continue;
    }
    changed = true;
    if (left !== "") lines.push(left);
  }
  return changed ? lines.join("\n") : text;
}

/** Marks a cut inside a sentence while pieces are sorted out. */
const CUT = "\u0000";

/**
 * The sentence with the fragments cut out: the pieces left, joined by "…" and marked
 * "…" where they no longer start or end the sentence; "" when nothing worth quoting is left.
 */
function cutSentence(sentence: string, fragments: readonly string[]): string {
  let text = sentence;
  for (const fragment of fragments) {
    // A list the answer joined ("gồm: a; b") or a statement it ended with "." is not in
    // the passage as written; its clauses are.
    const candidates = text.includes(fragment)
      ? [fragment]
      : fragment
          .split(/[;:]\s+/u)
          .map(tidyEdges)
          .filter((c) => wordCount(c) >= MIN_FRAGMENT_WORDS);
    for (const c of candidates) text = text.split(c).join(CUT);
  }
  if (!text.includes(CUT)) return sentence;
  const pieces = text.split(CUT).map((piece, i, all) => {
    const last = i === all.length - 1;
    // The sentence's own end stays ("gồm:" still announces the list after it).
    const text = last ? piece.replace(/^[\s,;:.…]+/u, "").replace(/[\s,;…]+$/u, "") : tidyEdges(piece);
    return { text, first: i === 0, last };
  });
  const kept = pieces.filter((p) => wordCount(p.text) >= MIN_PIECE_WORDS);
  if (kept.length === 0) return "";
  const head = kept[0]!.first ? "" : "…";
  const end = kept[kept.length - 1]!;
  const tail = end.last ? (/[.!?:]$/u.test(end.text) ? "" : ".") : "…";
  return `${head}${kept.map((p) => p.text).join(" … ")}${tail}`;
}

/** A fragment without the punctuation and gaps at its edges (its own final "." too). */
function tidyEdges(text: string): string {
  return text.replace(/^[\s,;:.…]+/u, "").replace(/[\s,;:.…]+$/u, "");
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}
