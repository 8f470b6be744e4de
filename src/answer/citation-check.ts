import { toSyllables } from "../text/index.js";
import { NOT_FOUND_ANSWER } from "./prompts.js";
import type { Passage } from "./types.js";

/**
 * Checks an LLM answer against the passages it was given, so the caller can fall back to
 * the extractive answer when the model did not really use them.
 *
 * - Markers `[n]`, `[1, 2]`, `[1; 2]`, `[1-3]`, `[1][2]` are parsed; numbers that name no
 *   passage (`[9]` with 5 passages) are dropped, and markers are rewritten as `[1][2]`.
 * - The answer is split into sentences (and lines). A sentence with at least
 *   {@link MIN_CLAIM_TOKENS} content syllables that does not end with ":" is a claim.
 * - A cited sentence is supported when its content syllables (diacritics folded,
 *   stopwords and one-letter tokens removed) are found in the union of the cited
 *   passages (text, title, number, headings): at least {@link SUPPORT_MIN_SHARED}
 *   shared (or all, for a shorter sentence) and at least {@link SUPPORT_MIN_OVERLAP} of
 *   the sentence's content syllables. Paraphrase in Vietnamese reuses most syllables of
 *   its source, while a sentence about something else shares almost none.
 * - `isRefusal`: the answer starts with the "not found" sentence, or says it in other
 *   words ("không có thông tin", "không đề cập", ...) without any supported citation.
 * - `usable`: not a refusal and at least one valid, supported citation.
 */

/** Share of a cited sentence's content syllables that must appear in its cited passages. */
export const SUPPORT_MIN_OVERLAP = 0.3;
/** Content syllables a cited sentence must share with its passages (fewer only if it has fewer). */
export const SUPPORT_MIN_SHARED = 2;
/** Content syllables that make a sentence a claim that needs a citation. */
export const MIN_CLAIM_TOKENS = 3;

export interface CitedSentence {
  /** The sentence as it appears in the repaired text, markers included. */
  text: string;
  /** Valid passage numbers cited by this sentence, ascending. */
  citations: number[];
  supported: boolean;
  /** Share of the sentence's content syllables found in the cited passages (0..1). */
  overlap: number;
}

export interface CitationCheck {
  /** The answer with invalid numbers removed and markers written as [1][2]. */
  text: string;
  /** Valid passage numbers used anywhere, ascending. */
  used: number[];
  /** Numbers that named no passage, ascending. */
  dropped: number[];
  /** Claim sentences without any valid citation. */
  uncitedSentences: string[];
  /** Every sentence with at least one valid citation. */
  cited: CitedSentence[];
  /** Supported cited sentences over all claim and cited sentences (0 when there are none). */
  supportRatio: number;
  isRefusal: boolean;
  usable: boolean;
}

const MARKER = /([ \t]*)\[\s*(\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*)\s*\]/g;
const MARKER_STICKY = /\s*\[\s*\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*\s*\]/y;

export function checkCitations(answerText: string, passages: Passage[]): CitationCheck {
  const count = passages.length;
  const dropped = new Set<number>();
  const used = new Set<number>();

  const text = answerText
    .replace(MARKER, (_m, space: string, body: string) => {
      const valid: number[] = [];
      for (const n of parseMarkerNumbers(body)) {
        if (n >= 1 && n <= count) {
          if (!valid.includes(n)) valid.push(n);
        } else dropped.add(n);
      }
      for (const n of valid) used.add(n);
      return valid.length === 0 ? "" : `${space}${valid.map((n) => `[${n}]`).join("")}`;
    })
    .replace(/[ \t]+([.,;:!?])/g, "$1")
    .trim();

  const passageTokens = passages.map((p) => new Set(contentTokens(passageText(p))));
  const cited: CitedSentence[] = [];
  const uncitedSentences: string[] = [];
  let claims = 0;
  for (const sentence of splitSentences(text)) {
    const citations = [...new Set([...sentence.matchAll(MARKER)].flatMap((m) => parseMarkerNumbers(m[2]!)))]
      .filter((n) => n >= 1 && n <= count)
      .sort((a, b) => a - b);
    const tokens = [...new Set(contentTokens(sentence.replace(MARKER, " ")))];
    const isClaim = tokens.length >= MIN_CLAIM_TOKENS && !/:\s*$/.test(sentence);
    if (citations.length === 0) {
      if (isClaim) {
        claims++;
        uncitedSentences.push(sentence);
      }
      continue;
    }
    claims++;
    const pool = new Set<string>();
    for (const n of citations) for (const t of passageTokens[n - 1] ?? []) pool.add(t);
    const shared = tokens.filter((t) => pool.has(t)).length;
    const overlap = tokens.length === 0 ? 0 : shared / tokens.length;
    const supported =
      tokens.length > 0 &&
      shared >= Math.min(SUPPORT_MIN_SHARED, tokens.length) &&
      overlap >= SUPPORT_MIN_OVERLAP;
    cited.push({ text: sentence, citations, supported, overlap });
  }

  const supportedCount = cited.filter((c) => c.supported).length;
  const isRefusal = detectRefusal(text, supportedCount > 0);
  return {
    text,
    used: [...used].sort((a, b) => a - b),
    dropped: [...dropped].sort((a, b) => a - b),
    uncitedSentences,
    cited,
    supportRatio: claims === 0 ? 0 : supportedCount / claims,
    isRefusal,
    usable: !isRefusal && supportedCount > 0,
  };
}

/** "1, 2" → [1, 2]; "1-3" → [1, 2, 3] (short ranges only). */
function parseMarkerNumbers(body: string): number[] {
  const out: number[] = [];
  for (const part of body.split(/[,;]/)) {
    const range = /^\s*(\d+)\s*[–-]\s*(\d+)\s*$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to >= from && to - from <= 20) {
        for (let n = from; n <= to; n++) out.push(n);
      } else out.push(from, to);
      continue;
    }
    const n = Number(part.trim());
    if (Number.isInteger(n) && part.trim() !== "") out.push(n);
  }
  return out;
}

/**
 * Sentences and lines. A sentence ends at . ! ? … followed by whitespace or the end
 * (so "1.2" and "18-NQ/TW." inside text do not split early); markers right after the
 * punctuation ("... hóa. [1]") stay with the sentence they follow.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const push = (end: number) => {
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n") {
      push(i);
      start = i + 1;
      continue;
    }
    if (!".!?…".includes(ch)) continue;
    let j = i + 1;
    while (j < text.length && ".!?…\"'”)".includes(text[j]!)) j++;
    for (;;) {
      MARKER_STICKY.lastIndex = j;
      if (!MARKER_STICKY.test(text)) break;
      j = MARKER_STICKY.lastIndex;
    }
    if (j >= text.length || /\s/.test(text[j]!)) {
      push(j);
      i = j - 1;
    }
  }
  push(text.length);
  return out;
}

// Folded function words. Kept short on purpose: folding merges syllables ("thể"/"thế"
// both give "the", "nhất" gives "nhat"), so words that fold onto domain terms stay out.
const STOPWORDS = new Set(
  (
    "la cua va cac nhung trong cho voi duoc khong mot nay do de thi ma o tai theo ve tu den nhu khi neu " +
    "hoac cung da se dang bi boi ra vao len tren duoi sau truoc moi rat hon phai can nen vi gi nao ay kia " +
    "day co viec lieu doan trich vay toi thuoc"
  ).split(" "),
);

function contentTokens(text: string): string[] {
  return foldSyllables(text).filter((t) => !STOPWORDS.has(t) && (t.length > 1 || /\d/.test(t)));
}

/** Lowercase syllables with diacritics removed (đ → d), as the index folds them. */
export function foldSyllables(text: string): string[] {
  return toSyllables(text).map((s) => s.folded);
}

function passageText(p: Passage): string {
  return [p.doc.title, p.doc.number ?? "", ...p.chunk.headingPath, p.chunk.text].join("\n");
}

const NOT_FOUND_FOLDED = foldSyllables(NOT_FOUND_ANSWER).join(" ");
const REFUSAL_PATTERNS = [
  "khong tim thay",
  "khong co thong tin",
  "khong co du thong tin",
  "khong du thong tin",
  "chua co thong tin",
  "khong de cap",
  "khong duoc de cap",
  "khong neu",
  "khong the tra loi",
  "khong tra loi duoc",
];

function detectRefusal(text: string, anySupported: boolean): boolean {
  const folded = foldSyllables(text.replace(MARKER, " ")).join(" ");
  if (folded === "") return false;
  if (folded.startsWith(NOT_FOUND_FOLDED)) return true;
  return !anySupported && REFUSAL_PATTERNS.some((p) => ` ${folded} `.includes(` ${p} `));
}
