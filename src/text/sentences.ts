/** One sentence of a text: its exact characters and where they are. */
export interface SentenceSpan {
  /** Equal to `input.slice(start, end)`; never empty, never starts or ends with white space. */
  text: string;
  start: number;
  end: number;
}

/**
 * Words that end with a dot without ending the sentence (compared in lower case,
 * without the final dot): TP. Hồ Chí Minh, ThS. Nguyễn, v.v. Đồng thời.
 */
const NON_FINAL_WORDS = new Set([
  "tp",
  "tx",
  "tt",
  "q",
  "p",
  "h",
  "x",
  "ths",
  "th.s",
  "ts",
  "pgs",
  "gs",
  "bs",
  "ks",
  "cn",
  "st",
  "tr",
  "nxb",
  "v.v",
  "vv",
  "mr",
  "mrs",
  "ms",
  "dr",
  "no",
  "vs",
  "etc",
]);

/** Headings whose number ends with a dot: "Điều 5. Phạm vi điều chỉnh". */
const HEADING_WORDS = new Set(["điều", "khoản", "mục", "chương", "phần", "điểm", "tiết", "bước", "phụ lục"]);

/** A list number at the start of a sentence: "1.", "1.1.", "II.", "a.". */
const LIST_NUMBER = /^(?:\d+(?:\.\d+)*|[IVXLCDM]+|[a-zđ])$/u;
const HEADING_NUMBER = /^(?:\d+[a-zđ]?|[IVXLCDM]+|[a-zđ])$/iu;
const SINGLE_UPPER = /^\p{Lu}$/u;
const UPPER_START = /^\p{Lu}/u;
const OPENING_QUOTES = "\"'“‘«„";
const WORD_EDGE = /^[^\p{L}\p{N}]+/u;

/**
 * A run of terminal punctuation, closing quotes/brackets or citation marks ("[5]",
 * as web pages cite), then white space or the end.
 */
const TERMINATOR = /[.?!…]+(?:["'”’»)\]]|\[\d{1,3}\])*(?=\s|$|\((?:\d{1,2}|[a-zđ])\)\s*\p{Lu})/gu;
/** Citation marks separated from the dot: "các cấp. [1][2] Theo đó". */
const CITATIONS = /(?:\[\d{1,3}\])+(?=\s|$)/uy;
const LINE = /[^\r\n\u2028\u2029]+/gu;
/** "…có hiệu lực thi hành.(2) Đồng ý …": a numbered point after a full stop begins a sentence. */
const ENUMERATION_START = /^\((?:\d{1,2}|[a-zđ])\)\s*\p{Lu}/u;
const SPACE = /\s/u;

function isSpace(text: string, i: number): boolean {
  return SPACE.test(text[i]!);
}

function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text, i)) i++;
  return i;
}

function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(text, i - 1)) i--;
  return i;
}

/** Whether the dot run at [dotStart, …) after `word` keeps the sentence going. */
function continuesAfterDot(text: string, sentenceStart: number, dotStart: number): boolean {
  let wordStart = dotStart;
  while (wordStart > sentenceStart && !isSpace(text, wordStart - 1)) wordStart--;
  const rawWord = text.slice(wordStart, dotStart);
  const word = rawWord.replace(WORD_EDGE, "");
  const lower = word.toLowerCase();
  if (NON_FINAL_WORDS.has(lower) || SINGLE_UPPER.test(word)) return true;
  if (wordStart === sentenceStart && LIST_NUMBER.test(word)) return true;
  // "Điều 5." / "Khoản 2." / "Phụ lục II." opening a sentence.
  if (HEADING_NUMBER.test(word)) {
    const before = text.slice(sentenceStart, wordStart).trim().toLowerCase();
    if (HEADING_WORDS.has(before)) return true;
  }
  return false;
}

function splitLine(text: string, lineStart: number, lineEnd: number, out: SentenceSpan[]): void {
  const end = trimEnd(text, lineStart, lineEnd);
  const base = skipSpace(text, lineStart, end);
  if (base >= end) return;
  // Matching inside the line alone keeps the work linear in the text length.
  const line = text.slice(base, end);
  const terminator = new RegExp(TERMINATOR);
  const citations = new RegExp(CITATIONS);
  let start = base;
  for (let m = terminator.exec(line); m !== null; m = terminator.exec(line)) {
    let after = base + m.index + m[0].length;
    if (after >= end) break;
    let next = skipSpace(text, after, end);
    citations.lastIndex = next - base;
    if (citations.test(line)) {
      after = base + citations.lastIndex;
      if (after >= end) break;
      next = skipSpace(text, after, end);
      terminator.lastIndex = after - base;
    }
    const punctuation = m[0];
    if (!punctuation.includes("?") && !punctuation.includes("!")) {
      const nextChar = String.fromCodePoint(text.codePointAt(next)!);
      if (
        !UPPER_START.test(nextChar) &&
        !OPENING_QUOTES.includes(nextChar) &&
        !(nextChar === "(" && ENUMERATION_START.test(text.slice(next, next + 12)))
      )
        continue;
      if (continuesAfterDot(text, start, base + m.index)) continue;
    }
    out.push({ text: text.slice(start, after), start, end: after });
    start = skipSpace(text, after, end);
  }
  if (start < end) out.push({ text: text.slice(start, end), start, end });
}

/**
 * Splits text into sentences for chunking and for quoting an answer. The spans cover
 * the input: between and around them there is only white space, so no text is lost.
 * A line break always ends a sentence. Inside a line a sentence ends after "?" or "!",
 * and after "." or "…" followed by an upper-case letter or an opening quote, except
 * after abbreviations (TP., ThS., PGS., v.v., initials), list numbers opening a line
 * ("1.", "1.1.", "II.", "a.") and headings ("Điều 5.", "Khoản 2.", "Mục 3."). Dots
 * inside numbers and dates ("18.10.2017", "1.000") never split.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const line = new RegExp(LINE);
  for (let m = line.exec(text); m !== null; m = line.exec(text)) {
    splitLine(text, m.index, m.index + m[0].length, out);
  }
  return out;
}
