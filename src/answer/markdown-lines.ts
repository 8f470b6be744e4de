import type { SentenceSpan } from "../text/index.js";

/**
 * Lines of the Markdown that web pages and converted documents are stored as, read for
 * quoting: headings, emphasis, and table rows with their captions.
 */

/** A Markdown heading line ("## Lịch sử"). */
export const MARKDOWN_HEADING_LINE = /^\s*#{1,6}\s/u;
/** Markdown emphasis marks around words ("**Chủ tịch**", "*Thông tin về ...*"). */
export const EMPHASIS = /\*{1,3}|(?<![\p{L}\d])_{1,2}|_{1,2}(?![\p{L}\d])/gu;

/** A caption says what a table holds: a few words, no sentence mark. */
const MAX_CAPTION_WORDS = 6;
const TABLE_LINE = /^\s*\|/u;

/**
 * The caption of the table a row belongs to: the line just above the table's rows
 * ("Trụ sở" above "| |" and "| Địa chỉ | ... |" in an infobox), when it is short and not
 * a sentence. A row that is not in a table, or a table under a paragraph, has none.
 */
export function tableCaption(spans: readonly SentenceSpan[], index: number): string | undefined {
  if (!TABLE_LINE.test(spans[index]!.text)) return brokenRowLabel(spans, index);
  let i = index - 1;
  while (i >= 0 && TABLE_LINE.test(spans[i]!.text)) i--;
  return labelLine(spans[i], MAX_CAPTION_WORDS);
}

/** A line that labels what follows it: short, no sentence mark, no cell, no heading. */
function labelLine(span: SentenceSpan | undefined, maxWords: number): string | undefined {
  if (span === undefined) return undefined;
  const line = span.text.replace(EMPHASIS, "").trim();
  if (line === "" || line.includes("|") || /[.!?:;,…]$/u.test(line) || MARKDOWN_HEADING_LINE.test(line))
    return undefined;
  return line.split(/\s+/u).length <= maxWords ? line : undefined;
}

/** A row's cells after the first, the first having been cut onto lines of its own: "Chuyển về | Bộ Y tế | [34]". */
const ROW_FRAGMENT = /^[^|]*\S\s+\|\s+\S/u;
/** A line holding only a cell's bar. */
const LONE_BAR = /^[\s|]*$/u;
/** The first cell of a broken row is a label of a line: a dozen words, no sentence mark. */
const MAX_LABEL_WORDS = 12;

/**
 * A table copied from an encyclopedia with its rows broken over lines: "Hoạt động quản lý
 * nhà nước về giảm nghèo", then a lone "|", then "Chuyển về | Bộ Nông nghiệp và Môi trường
 * | [35]" (the store keeps the lines, not the lone bars). The row's cells say nothing
 * without its first cell, the label just above; none when the line above is a sentence
 * or another row.
 */
function brokenRowLabel(spans: readonly SentenceSpan[], index: number): string | undefined {
  // (The pattern backtracks over every sentence without a bar: most of them.)
  const text = spans[index]!.text;
  if (!text.includes("|") || !ROW_FRAGMENT.test(text)) return undefined;
  let i = index - 1;
  while (i >= 0 && LONE_BAR.test(spans[i]!.text)) i--;
  return labelLine(spans[i], MAX_LABEL_WORDS);
}

/**
 * A sentence from a Markdown table row reads "| Nhất | 27/01/2016 | Hội nghị bầu ra ... |":
 * quoted, its cells are separated by semicolons; the outer bars and empty cells go.
 */
export function tidyTableCells(text: string): string {
  if (!text.includes("|")) return text;
  return text
    .replace(/\|(?:\s*\|)+/gu, "|")
    .replace(/^\|\s*/u, "")
    .replace(/\s*\|$/u, "")
    .replace(/\s+\|\s+/gu, "; ")
    .trim();
}
