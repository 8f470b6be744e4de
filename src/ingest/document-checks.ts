import { IngestError } from "../errors.js";
import { ingestMessages } from "./messages.js";
import type { SourceFormat } from "./types.js";

/**
 * What makes extracted text a document worth storing, and the bounds every later stage
 * (normalization, cleaning, metadata regexes, chunking) can rely on: no line longer
 * than {@link MAX_LINE_CHARS}, no text longer than {@link MAX_TEXT_CHARS}.
 */

/** Longest line handed to the line-based regexes; longer lines are wrapped first. */
export const MAX_LINE_CHARS = 10_000;
/**
 * Longest text accepted: about six times the Civil Code (some 500,000 characters), some
 * 1,500 pages. Also a bound on the bot's own thread: the store writes a document's
 * passages in one synchronous transaction (a 7.7 million character text, 4,600 passages,
 * held it 0.3–0.5 s).
 */
export const MAX_TEXT_CHARS = 3_000_000;
/** Real words a document needs at the least, and distinct ones among them. */
export const MIN_WORDS = 5;
export const MIN_DISTINCT_WORDS = 3;

type CheckContext = {
  fileName: string;
  format?: SourceFormat;
};

/** @throws IngestError("too_long") for a text past {@link MAX_TEXT_CHARS}. */
export function assertTextLength(text: string, context: CheckContext): void {
  if (text.length > MAX_TEXT_CHARS) {
    throw new IngestError("too_long", ingestMessages.textTooLong(text.length, MAX_TEXT_CHARS), {
      context: { ...context, chars: text.length, limit: MAX_TEXT_CHARS },
    });
  }
}

/**
 * Wraps lines longer than `max` at the last space of the window (or hard, when a line
 * has no space at all), so that no regex of the pipeline ever sees a line of megabytes:
 * V8's regex engine recurses per backtracking step and overflowed its stack on one.
 */
export function capLineLength(text: string, max = MAX_LINE_CHARS): string {
  if (text.length <= max) return text;
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let pos = start;
    while (end - pos > max) {
      const space = text.lastIndexOf(" ", pos + max);
      const cut = space > pos + max / 2 ? space : pos + max;
      out.push(text.slice(pos, cut));
      pos = space === cut ? cut + 1 : cut;
    }
    out.push(text.slice(pos, end));
    start = end + 1;
  }
  return out.join("\n");
}

/** Lines of shell or program code: keywords that start a statement, or its punctuation. */
const CODE_LINE_START =
  /^\s*(?:if|then|else|elif|fi|for|while|do|done|case|esac|function|return|export|local|echo|printf|exit|set|unset|source|alias|cd|rm|mv|cp|chmod|chown|curl|wget|sudo|apt-get|apt|pip|npm|node|python3?|bash|sh|eval|exec|import|from|def|class|const|let|var|public|private|static|void|int|package|using|namespace|require|module\.exports|#include|#define|@echo|powershell|Invoke-\w+)\b/;
const CODE_LINE_SHAPE = /[;{}]\s*$|\$\(|\$\{|&&|=>|==|\)\s*\{|^\s*\w+=\S|^\s*\/\/|^\s*<\?php/;
/** Counts of a character class in a line, without a backtracking regex. */
function countMatches(line: string, test: (code: number) => boolean, enough: number): boolean {
  let n = 0;
  for (let i = 0; i < line.length; i++) if (test(line.charCodeAt(i)) && ++n >= enough) return true;
  return false;
}

/** A table row, in Markdown or as the Markdown reader leaves it ("2 | 1963 | 12 | ||"). */
const isTableRow = (line: string) => countMatches(line, (c) => c === 0x7c, 3);

/** Three letters with Vietnamese marks: a line written in Vietnamese. */
const isVietnameseProse = (line: string) => countMatches(line, (c) => c > 0x7f, 3);

/** True for a script or program: a shebang, or (among 5+ lines) mostly lines of code. */
export function looksLikeScript(text: string): boolean {
  const head = text
    .slice(0, 64_000)
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("#!")) return true;
  const lines = head
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, 300);
  if (lines.length < 5) return false;
  // A Vietnamese list item ends with ";" too ("- Lãnh đạo và điều hành ...;"): a line in
  // Vietnamese words is prose, whatever its punctuation. A Markdown table row ("| a || b |",
  // empty cells of crawled pages) is not code either.
  const code = lines.filter(
    (l) => !isTableRow(l) && !isVietnameseProse(l) && (CODE_LINE_START.test(l) || CODE_LINE_SHAPE.test(l)),
  ).length;
  return code / lines.length >= 0.5;
}

/** A token is a real word when, stripped of punctuation, it is letters only and not absurdly long. */
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const WORD = /^[\p{L}\p{M}]{1,24}$/u;

/** Counts of real words in a text: total, distinct, and the most frequent one's count. */
export function countWords(text: string): { words: number; distinct: number; top: number } {
  const counts = new Map<string, number>();
  let words = 0;
  let top = 0;
  for (const token of text.split(/\s+/)) {
    if (token.length === 0 || token.length > 64) continue;
    const word = token.replace(EDGE_PUNCTUATION, "");
    if (!WORD.test(word)) continue;
    words++;
    const key = word.toLowerCase();
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > top) top = n;
  }
  return { words, distinct: counts.size, top };
}

/**
 * Refuses what is not a document: a script or program under any extension, a text
 * with fewer than {@link MIN_WORDS} real words (a 1-byte file, a line of digits), or
 * one that repeats a single word for most of its length.
 *
 * @throws IngestError "script", "too_few_words" or "repetitive".
 */
export function assertDocumentLike(text: string, context: CheckContext): void {
  if (looksLikeScript(text)) {
    throw new IngestError("script", ingestMessages.script, { context });
  }
  const { words, distinct, top } = countWords(text);
  if (words < MIN_WORDS || distinct < MIN_DISTINCT_WORDS) {
    throw new IngestError("too_few_words", ingestMessages.tooFewWords(MIN_WORDS), {
      context: { ...context, words, distinct },
    });
  }
  if (words >= 50 && top / words > 0.5) {
    throw new IngestError("repetitive", ingestMessages.repetitive, {
      context: { ...context, words, distinct, topShare: Math.round((top / words) * 100) / 100 },
    });
  }
}
