import type { ChunkRecord, DocumentRecord } from "../store/types.js";
import { truncate } from "../telegram/format/index.js";
import { foldedWords, splitSentences, toSyllables } from "../text/index.js";

/**
 * Picking readable sentences out of stored passages, for the digest's one- or
 * two-sentence summaries and its "Bạn có biết?" excerpt. Pure; the text is quoted as it
 * stands (extractive), only markup left over from web pages is dropped.
 */

/** A short extract of a document with the passage it came from (the citation target). */
export interface PassageExtract {
  text: string;
  chunkId: string;
  /** Heading path joined with " › ", or "". */
  section: string;
}

export interface ExtractOptions {
  /** At most this many sentences (default 2). */
  maxSentences?: number;
  /** At most this many characters in all (default 320); a single longer sentence is cut. */
  maxChars?: number;
  /** Passages read, in order (default 3). */
  maxChunks?: number;
}

const MIN_SYLLABLES = 8;

/** Wiki edit links, markdown tables, headings and emphasis: noise in an excerpt. */
function cleanPassage(text: string): string {
  return (
    text
      .replace(/\[sửa(?:\s*\|\s*sửa mã nguồn)?\]/giu, " ")
      // A web page's own footnote marks would read like the digest's citations.
      .replace(/\[\d{1,3}\]/g, "")
      .split(/\r?\n/)
      .filter((line) => !/^\s*\|/.test(line) && !/^\s*[-|: ]{3,}\s*$/.test(line))
      .map((line) =>
        line
          .replace(/^\s*#{1,6}\s+/, "")
          .replace(/\*\*?([^*\n]+)\*\*?/g, "$1")
          .replace(/!?\[([^\]\n]*)\]\([^)\s]*\)/g, "$1"),
      )
      .join("\n")
  );
}

/** Lower case, folded, letters and digits only: for "is this line just the title?". */
const key = foldedWords;

function isInformative(sentence: string, skipKeys: readonly string[]): boolean {
  if (/\||https?:\/\/|www\./i.test(sentence)) return false;
  const syllables = toSyllables(sentence);
  if (syllables.length < MIN_SYLLABLES) return false;
  const words = syllables.filter((s) => /\p{L}/u.test(s.text)).length;
  if (words < syllables.length * 0.6) return false; // mostly numbers: a date line, a table
  const k = key(sentence);
  for (const skip of skipKeys) {
    if (!skip) continue;
    if (k === skip || skip.startsWith(k) || (skip.length >= 40 && k.startsWith(skip))) return false;
  }
  return true;
}

/** A passage's heading path for a citation, without a first heading that only repeats the title. */
export function sectionOf(title: string, headingPath: readonly string[]): string {
  const path =
    headingPath[0] !== undefined && key(headingPath[0]) === key(title) ? headingPath.slice(1) : headingPath;
  return path.join(" › ");
}

/** The informative sentences of one passage, in order, headings and title lines skipped. */
export function informativeSentences(text: string, skip: readonly string[] = []): string[] {
  const skipKeys = skip.map((s) => key(s.replace(/…$/, "")));
  return splitSentences(cleanPassage(text))
    .map((span) => span.text.replace(/\s+/g, " ").trim())
    .filter((sentence) => isInformative(sentence, skipKeys));
}

function joinSentences(sentences: readonly string[], maxSentences: number, maxChars: number): string {
  const first = sentences[0];
  if (first === undefined) return "";
  let out = truncate(first, maxChars);
  for (const next of sentences.slice(1, maxSentences)) {
    if (out.endsWith("…") || out.length + 1 + next.length > maxChars) break;
    out = `${out} ${next}`;
  }
  return out;
}

/**
 * The default summary of a new or updated document: the first informative sentences of
 * its first passages (one or two, within `maxChars`), and the passage they come from.
 * Null when no passage has a readable sentence.
 */
export function extractiveSummary(
  doc: Pick<DocumentRecord, "title">,
  chunks: readonly Pick<ChunkRecord, "chunkId" | "headingPath" | "text">[],
  options: ExtractOptions = {},
): PassageExtract | null {
  const maxSentences = options.maxSentences ?? 2;
  const maxChars = options.maxChars ?? 320;
  for (const chunk of chunks.slice(0, options.maxChunks ?? 3)) {
    const sentences = informativeSentences(chunk.text, [doc.title, ...chunk.headingPath]);
    if (sentences.length === 0) continue;
    return {
      text: joinSentences(sentences, maxSentences, maxChars),
      chunkId: chunk.chunkId,
      section: sectionOf(doc.title, chunk.headingPath),
    };
  }
  return null;
}

/** The excerpt of one passage shown under "Bạn có biết?", or null when it has none. */
export function passageExcerpt(
  title: string,
  chunk: Pick<ChunkRecord, "headingPath" | "text">,
  options: Omit<ExtractOptions, "maxChunks"> = {},
): string | null {
  const sentences = informativeSentences(chunk.text, [title, ...chunk.headingPath]);
  if (sentences.length === 0) return null;
  return joinSentences(sentences, options.maxSentences ?? 2, options.maxChars ?? 360);
}
