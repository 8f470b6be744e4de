/**
 * Recognizes the structure lines of Vietnamese documents and Markdown. A heading's
 * rank orders nesting: a heading closes every open heading of equal or greater rank.
 */

/** What kind of structure line a heading is. */
export type HeadingKind =
  | "title"
  | "markdown"
  | "upper"
  | "part"
  | "chapter"
  | "section"
  | "article"
  | "roman"
  | "numbered";

export interface HeadingMatch {
  kind: HeadingKind;
  /** Smaller is outer. */
  rank: number;
  /** The heading as shown in a heading path (Markdown marks removed). */
  text: string;
  /** A label with no title of its own ("Chương II"), which the next line may complete. */
  bare: boolean;
}

/** Ranks, outermost first. */
export const RANK = {
  title: 0,
  markdown: 1, // + level - 1 (1..6)
  upper: 8,
  part: 10,
  chapter: 20,
  section: 30,
  article: 40,
  roman: 50,
  numbered: 60, // + depth - 1
} as const;

const MAX_HEADING_LENGTH = 200;

/** A Markdown heading on a trimmed line: its marks (the level) and its text. */
export const MARKDOWN_HEADING = /^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/u;
const PART = /^(?:PHẦN|Phần)\s+(?:THỨ\s+[\p{Lu}]+|thứ\s+[\p{Ll}]+|[IVXLC]+|\d{1,2})(?=$|[\s.:\-–—])/u;
const CHAPTER = /^(?:CHƯƠNG|Chương)\s+(?:[IVXLC]+|\d{1,3})(?=$|[\s.:\-–—])/u;
const SECTION = /^(?:MỤC|Mục)\s+(?:[IVXLC]+|\d{1,3})(?=$|[\s.:\-–—])/u;
const ARTICLE = /^(?:Điều|ĐIỀU)\s+\d{1,4}[a-zđ]?\s*[.:]/u;
const ROMAN = /^([IVXL]{1,6})\s*[.\-–)]\s*\S/u;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})(\.|\))?\s+(?=\S)/u;
/** After a label: nothing, or only punctuation. */
const BARE_TAIL = /^[\s.:\-–—]*$/u;

/** Letters in a line, and whether any of them is lower case. */
function caseProfile(line: string): { letters: number; lower: number } {
  let letters = 0;
  let lower = 0;
  for (const ch of line) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (ch !== ch.toUpperCase()) lower++;
    }
  }
  return { letters, lower };
}

/** Lines of an official header that are not headings of the body. */
const HEADER_LINE =
  /^(?:CỘNG\s+HÒA\s+XÃ\s+HỘI|CỘNG\s+HOÀ\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|ĐỘC\s+LẬP|Độc\s+lập|Số\s*[:.]|SỐ\s*[:.]|Kính\s+gửi|KÍNH\s+GỬI|NƠI\s+NHẬN|Nơi\s+nhận)/u;

/** True for a line written entirely in capitals, long enough to be a title. */
export function isUpperCaseLine(line: string): boolean {
  if (line.length > MAX_HEADING_LENGTH || HEADER_LINE.test(line) || line.includes("|")) return false;
  if (/[,;]$/u.test(line)) return false;
  const { letters, lower } = caseProfile(line);
  return lower === 0 && letters >= 4;
}

/** A short line that reads as a title: not a sentence that ends in `.`, `;` or `,`. */
function isTitleLike(line: string, maxLength: number): boolean {
  return line.length <= maxLength && !/[.;,]$/u.test(line);
}

/**
 * Classifies one trimmed line. Numbered lines ("1.", "1.2.") are headings only when
 * they read as titles; the caller decides about list context and articles.
 */
export function matchHeading(line: string): HeadingMatch | null {
  const md = MARKDOWN_HEADING.exec(line);
  if (md) {
    const level = md[1]!.length;
    const text = md[2]!.trim();
    if (text.length === 0) return null;
    return { kind: "markdown", rank: RANK.markdown + level - 1, text, bare: false };
  }
  if (line.length > MAX_HEADING_LENGTH + 50) return null;
  for (const [kind, pattern] of [
    ["part", PART],
    ["chapter", CHAPTER],
    ["section", SECTION],
  ] as const) {
    const m = pattern.exec(line);
    if (!m) continue;
    const tail = line.slice(m[0].length);
    // "Mục 1 của Chương II quy định..." is a sentence, not a heading.
    if (!BARE_TAIL.test(tail) && !/^\s*[.:\-–—]/u.test(tail) && /^\s+\p{Ll}/u.test(tail)) return null;
    if (!isTitleLike(line, MAX_HEADING_LENGTH) && !BARE_TAIL.test(tail)) return null;
    return { kind, rank: RANK[kind], text: line, bare: BARE_TAIL.test(tail) };
  }
  if (ARTICLE.test(line)) {
    // "Điều 2. 1. Nhà nước ..." runs the article's first clause on: that is body text.
    if (
      line.length > MAX_HEADING_LENGTH + 50 ||
      /^\s*(?:\d{1,2}\.|[a-zđ]\))\s/u.test(line.replace(ARTICLE, ""))
    ) {
      return null;
    }
    return {
      kind: "article",
      rank: RANK.article,
      text: line,
      bare: BARE_TAIL.test(line.replace(ARTICLE, "")),
    };
  }
  const roman = ROMAN.exec(line);
  if (roman && isTitleLike(line, MAX_HEADING_LENGTH)) {
    return { kind: "roman", rank: RANK.roman, text: line, bare: false };
  }
  const numbered = NUMBERED.exec(line);
  if (numbered) {
    const depth = numbered[1]!.split(".").length;
    // "1 " alone is no heading marker, unless multi-level ("2.3.1 "); "1)" marks a list item.
    if ((!numbered[2] && depth === 1) || numbered[2] === ")") return null;
    if (!isTitleLike(line, 120)) return null;
    return { kind: "numbered", rank: RANK.numbered + depth - 1, text: line, bare: false };
  }
  if (isUpperCaseLine(line)) {
    return { kind: "upper", rank: RANK.upper, text: line, bare: false };
  }
  return null;
}

/** The numbering pattern of a numbered line ("1." → "n.", "1.2." → "n.n."), to spot lists. */
export function numberingPattern(line: string): string | null {
  const m = NUMBERED.exec(line);
  if (!m) return null;
  return `${m[1]!.replace(/\d+/g, "n")}${m[2] ?? ""}`;
}

/** Lines that start a list item: "a)", "đ)", "-", "+", "•", "1.", "1)". */
export const LIST_ITEM = /^(?:[a-zđ]\)|[a-zđ]\.\s|[-+•*–]\s|\d{1,3}[.)]\s)/u;

/**
 * How a heading is numbered, whatever its length or Markdown level: "bullet",
 * "article", "chapter", "part", "section", "roman", "numbered:n." / "numbered:n.n.",
 * or null. Headings of one family at one place in a document are siblings.
 */
export function structureFamily(text: string): string | null {
  if (/^[-+•*]\s/u.test(text)) return "bullet";
  if (ARTICLE.test(text)) return "article";
  if (CHAPTER.test(text)) return "chapter";
  if (PART.test(text)) return "part";
  if (SECTION.test(text)) return "section";
  if (ROMAN.test(text)) return "roman";
  const pattern = numberingPattern(text);
  return pattern ? `numbered:${pattern}` : null;
}
