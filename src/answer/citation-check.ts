import { toSyllables } from "../text/index.js";
import { formatViDate } from "./build-prompt.js";
import type { Fact } from "./citation-facts.js";
import { judgeSentence, type SupportSource, toSupportSource, type Unsupported } from "./citation-support.js";
import { NOT_FOUND_ANSWER } from "./prompts.js";
import type { Passage } from "./types.js";

/**
 * Checks a model's answer against the passages it was given, sentence by sentence, so
 * that nothing reaches a cadre as cited that the passages do not say.
 *
 * - Markers `[n]`, `[1, 2]`, `[1; 2]`, `[1-3]`, `[1][2]` are parsed; numbers that name no
 *   passage (`[9]` with 5 passages) are dropped, and markers are rewritten as `[1][2]`.
 * - The answer is split into sentences (and lines). A sentence with at least
 *   {@link MIN_CLAIM_TOKENS} content syllables that does not end with ":" is a claim.
 * - A cited sentence is supported when its cited passages state every fact of it and
 *   hold enough of its phrases (citation-support.ts); an uncited claim is judged against
 *   all the passages. A sentence repeating the prompt's own instructions is an echo.
 * - Every claim or nothing: unsupported sentences are removed when what remains still
 *   answers: the main claim (the first) holds, at least {@link MIN_KEPT_SHARE} of the
 *   claims remain, and a supported citation remains. Otherwise the answer must be
 *   replaced (the caller uses the extractive answer).
 * - `isRefusal`: the answer starts with the "not found" sentence, or says it in other
 *   words ("không có thông tin", "không đề cập", ...) without any supported citation.
 */

/** Content syllables that make a sentence a claim that needs a citation. */
export const MIN_CLAIM_TOKENS = 3;
/**
 * Share of an answer's claims that must hold for it to be shown trimmed: an answer that
 * lost more than half of what it says is more the model's than the passages'.
 */
export const MIN_KEPT_SHARE = 0.5;

export interface CitedSentence {
  /** The sentence as it appears in the repaired text, markers included. */
  text: string;
  /** Valid passage numbers cited by this sentence, ascending. */
  citations: number[];
  supported: boolean;
  /** Share of the sentence's content bigrams found in its cited passages (0..1). */
  overlap: number;
  /** Facts the cited passages do not state. */
  missing: Fact[];
}

/** A sentence left out of what the reader gets, and why. */
export interface RemovedSentence {
  text: string;
  reason: Unsupported;
  /** The facts the passages do not state, as written in the sentence. */
  missing: string[];
}

/** Why a model's answer cannot be shown even trimmed. */
export type ReplaceReason = "refusal" | "no_valid_citation" | "unsupported" | "main_claim" | "too_little";

export interface CitationCheck {
  /** The answer with invalid numbers removed and markers written as [1][2]. */
  text: string;
  /** What the reader gets: `text` without the removed sentences (equal to it when none is). */
  kept: string;
  /** Valid passage numbers used anywhere in `kept`, ascending. */
  used: number[];
  /** Numbers that named no passage, ascending. */
  dropped: number[];
  /** Claim sentences without any valid citation. */
  uncitedSentences: string[];
  /** Every sentence with at least one valid citation. */
  cited: CitedSentence[];
  /** Sentences removed from `kept`. */
  removed: RemovedSentence[];
  /** Supported claims over all claims (0 when there are none). */
  supportRatio: number;
  isRefusal: boolean;
  /** "whole": every claim holds; "trimmed": `kept` drops some; "replace": nothing of it may be shown. */
  verdict: "whole" | "trimmed" | "replace";
  replaceReason?: ReplaceReason;
  /** `verdict` is not "replace". */
  usable: boolean;
}

export interface CheckOptions {
  /** The prompt's own instructions: a sentence repeating them is never an answer. */
  instructions?: string;
  /** Overrides SUPPORT_MIN_PHRASE_SHARE (the benchmark measures others). */
  minPhraseShare?: number;
}

const MARKER = /([ \t]*)\[\s*(\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*)\s*\]/g;
const MARKER_STICKY = /\s*\[\s*\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*\s*\]/y;

export function checkCitations(
  answerText: string,
  passages: Passage[],
  options: CheckOptions = {},
): CitationCheck {
  const { text, dropped } = repairMarkers(answerText, passages.length);
  const judge = createSentenceJudge(passages, options.instructions, options.minPhraseShare);
  const cited: CitedSentence[] = [];
  const uncitedSentences: string[] = [];
  const removed: Array<RemovedSentence & { start: number; end: number }> = [];
  let claims = 0;
  let supportedClaims = 0;
  let mainClaim: boolean | undefined;
  for (const span of sentenceSpans(text)) {
    const verdict = judge(span.text);
    if (verdict.citations.length > 0) {
      cited.push({
        text: span.text,
        citations: verdict.citations,
        supported: verdict.supported,
        overlap: verdict.overlap,
        missing: verdict.missing,
      });
    } else if (verdict.claim) uncitedSentences.push(span.text);
    if (verdict.claim) {
      claims++;
      if (verdict.supported) supportedClaims++;
      mainClaim ??= verdict.supported;
    }
    if (!verdict.supported && verdict.reason) {
      removed.push({
        text: span.text,
        reason: verdict.reason,
        missing: verdict.missing.map((f) => f.text),
        start: span.start,
        end: span.end,
      });
    }
  }
  const kept = removed.length === 0 ? text : tidy(cutSpans(text, removed));
  const used = citedNumbers(kept);
  const isRefusal = detectRefusal(
    text,
    cited.some((c) => c.supported),
  );
  const replaceReason: ReplaceReason | undefined = isRefusal
    ? "refusal"
    : citedNumbers(text).length === 0
      ? "no_valid_citation"
      : !cited.some((c) => c.supported)
        ? "unsupported"
        : mainClaim === false
          ? "main_claim"
          : supportedClaims < MIN_KEPT_SHARE * claims || used.length === 0
            ? "too_little"
            : undefined;
  const verdict = replaceReason ? "replace" : removed.length > 0 ? "trimmed" : "whole";
  return {
    text,
    kept: replaceReason ? "" : kept,
    used: replaceReason ? citedNumbers(text) : used,
    dropped,
    uncitedSentences,
    cited,
    removed: removed.map(({ start: _s, end: _e, ...r }) => r),
    supportRatio: claims === 0 ? 0 : supportedClaims / claims,
    isRefusal,
    verdict,
    ...(replaceReason ? { replaceReason } : {}),
    usable: verdict !== "replace",
  };
}

/** One sentence's verdict, as {@link createSentenceJudge} gives it. */
export interface SentenceVerdict {
  citations: number[];
  /** Says something of the passages: cited, or long enough to need a citation; not a heading. */
  claim: boolean;
  supported: boolean;
  overlap: number;
  missing: Fact[];
  /** Set when the sentence must not be shown. */
  reason?: Unsupported;
}

const sourceCache = new WeakMap<Passage["chunk"], SupportSource>();
const instructionCache = new Map<string, SupportSource>();

/** A passage made ready for judging, kept while the passage object lives. */
function supportOf(passage: Passage): SupportSource {
  let source = sourceCache.get(passage.chunk);
  if (!source) {
    // What the prompt shows of the passage (build-prompt.ts): title, number, date, section.
    const { doc, chunk } = passage;
    const date = doc.date ? formatViDate(doc.date) : "";
    const head = [doc.title, doc.number ?? "", date, ...chunk.headingPath].join("\n");
    source = toSupportSource(head, passage.chunk.text);
    sourceCache.set(passage.chunk, source);
  }
  return source;
}

/**
 * Judges sentences of an answer (markers repaired or not) against `passages`: a cited
 * sentence against the passages it cites, an uncited claim against all of them, any
 * sentence with facts the passages do not state is not to be shown, nor one that echoes
 * the instructions. A short uncited sentence ("Cụ thể như sau:") is shown as it is.
 */
export function createSentenceJudge(
  passages: Passage[],
  instructions?: string,
  minPhraseShare?: number,
): (sentence: string) => SentenceVerdict {
  const sources = passages.map(supportOf);
  let echoSource: SupportSource | undefined;
  if (instructions) {
    echoSource = instructionCache.get(instructions);
    if (!echoSource) {
      echoSource = toSupportSource("", instructions);
      if (instructionCache.size > 20) instructionCache.clear();
      instructionCache.set(instructions, echoSource);
    }
  }
  return (sentence) => {
    const citations = [...new Set([...sentence.matchAll(MARKER)].flatMap((m) => parseMarkerNumbers(m[2]!)))]
      .filter((n) => n >= 1 && n <= passages.length)
      .sort((a, b) => a - b);
    const bare = sentence.replace(MARKER, " ");
    // A heading ("Các khó khăn gồm [1]:") introduces claims; "Tài liệu không đề cập thời
    // hạn." says what the passages lack: neither is a claim, cited or not.
    const heading = /:\s*$/.test(sentence);
    const claim =
      !heading &&
      !saysNotFound(bare) &&
      (citations.length > 0 || countContentTokens(bare) >= MIN_CLAIM_TOKENS);
    const cited = citations.length > 0 ? citations.map((n) => sources[n - 1]!) : sources;
    const support = judgeSentence(bare, cited, echoSource, minPhraseShare);
    if (claim || support.reason === "echo" || support.reason === "missing_fact") {
      return { citations, claim, ...support };
    }
    // No claim, stating nothing the passages lack and not echoing the prompt: shown.
    return { citations, claim, supported: true, overlap: support.overlap, missing: [] };
  };
}

function repairMarkers(answerText: string, count: number): { text: string; dropped: number[] } {
  const dropped = new Set<number>();
  const text = answerText
    .replace(MARKER, (_m, space: string, body: string) => {
      const valid: number[] = [];
      for (const n of parseMarkerNumbers(body)) {
        if (n >= 1 && n <= count) {
          if (!valid.includes(n)) valid.push(n);
        } else dropped.add(n);
      }
      return valid.length === 0 ? "" : `${space}${valid.map((n) => `[${n}]`).join("")}`;
    })
    .replace(/[ \t]+([.,;:!?])/g, "$1")
    .trim();
  return { text, dropped: [...dropped].sort((a, b) => a - b) };
}

function citedNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(/\[(\d{1,4})\]/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/** Removes spans (ascending, not overlapping) from a text. */
function cutSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let out = "";
  let at = 0;
  for (const { start, end } of spans) {
    out += text.slice(at, start);
    at = end;
  }
  return out + text.slice(at);
}

/** After cutting: no empty list items or blank runs, no heading left introducing nothing. */
function tidy(text: string): string {
  const lines = text
    .split("\n")
    .map((l) =>
      l
        .replace(/[ \t]+/g, " ")
        .replace(/^ /, "")
        .trimEnd(),
    )
    .filter((l) => !/^\s*(?:[-•*+]|\d{1,2}[.)])?\s*$/.test(l) || l === "");
  const out = lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return out.replace(/(?:^|\n)[^\n]*:\s*$/, "").trim();
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
 * Sentences and lines with their offsets. A sentence ends at . ! ? … followed by
 * whitespace or the end (so "1.2" and "18-NQ/TW." inside text do not split early);
 * markers right after the punctuation ("... hóa. [1]") stay with the sentence they follow.
 */
export function sentenceSpans(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed) {
      const from = start + raw.indexOf(trimmed);
      out.push({ text: trimmed, start: from, end: from + trimmed.length });
    }
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

/** The sentences of {@link sentenceSpans}, as text. */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((s) => s.text);
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

function countContentTokens(text: string): number {
  return new Set(foldSyllables(text).filter((t) => !STOPWORDS.has(t) && (t.length > 1 || /\d/.test(t)))).size;
}

/** Lowercase syllables with diacritics removed (đ → d), as the index folds them. */
export function foldSyllables(text: string): string[] {
  return toSyllables(text).map((s) => s.folded);
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

function saysNotFound(text: string): boolean {
  const folded = ` ${foldSyllables(text).join(" ")} `;
  return REFUSAL_PATTERNS.some((p) => folded.includes(` ${p} `));
}

function detectRefusal(text: string, anySupported: boolean): boolean {
  const bare = text.replace(MARKER, " ");
  const folded = foldSyllables(bare).join(" ");
  if (folded === "") return false;
  if (folded.startsWith(NOT_FOUND_FOLDED)) return true;
  return !anySupported && saysNotFound(bare);
}
