import { isCruftLine } from "../ingest/clean-text.js";
import { markdownToText } from "../ingest/markdown-to-text.js";
import { foldedWords } from "../text/index.js";

/*
 * Question-and-answer pairs from legal Q&A web pages (Markdown): a heading that asks
 * ("## Ai có thẩm quyền cấp ...?", "**Mức phạt là bao nhiêu?**") followed by the text
 * that answers it, up to the next heading. Pure: the bench reads the pages, this module
 * only reads their text. The pairs measure answer selection on thousands of real
 * questions with a known answer region, and teach which words answer which kind of question.
 */

/**
 * The kinds of question the bench counts and scores separately. `khac` is every other
 * question (no pattern below matched). These are the bench's own labels from simple
 * patterns, independent of the answer stage's analysis, so they can judge it.
 */
export const QUESTION_TYPES = [
  "ai",
  "khi_nao",
  "bao_nhieu",
  "o_dau",
  "tai_sao",
  "nhu_the_nao",
  "la_gi",
  "nhung_gi",
  "co_khong",
  "so_sanh",
  "khac",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** One question heading of a page with the section that answers it. */
export interface QaPair {
  /** `<source>#<n>`: n counts the page's kept pairs from 0; stable for a given page text. */
  id: string;
  /** The page's file name ("0049531e564aaf9c.md"). */
  source: string;
  /** The heading's text without its Markdown marks, ending in "?". */
  question: string;
  /** The answer section's lines as on the page (Markdown), page furniture dropped. */
  answer: string;
  /** Type of the heading's first question (see questionType). */
  type: QuestionType;
  /** How many questions the heading asks ("...? ...?" counts 2). */
  questionCount: number;
}

const HASH_HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/u;
/** A line that is bold as a whole ("**Mức phạt là bao nhiêu?**"), with no bold inside. */
const BOLD_LINE = /^\s*(\*\*|__)((?:(?!\*\*|__).)+?)\1\s*$/u;
/** A line in italics as a whole: on these pages an image caption or "Trên đây là nội dung ...". */
const ITALIC_LINE = /^\s*[*_](?![*_\s])[^*_]*[^*_\s][*_]\s*$/u;
/** Page furniture of legal Q&A pages, not part of any answer. */
const FURNITURE = [
  /^\**\s*(?:chuyên viên pháp lý|tham vấn bởi luật sư|biên tập viên|người biên soạn)/iu,
  /^quý khách cần hỏi thêm/iu,
  /\(hình từ internet\)/iu,
  /^[*_\s]*trên đây là (?:nội dung|thông tin)/iu,
  /mang tính chất tham khảo/iu,
];
/**
 * A line that links to another article ("**>> Xem thêm: ...?**", "**NÓNG: ...?**"): neither
 * a question of this page nor part of an answer, even when it ends in "?".
 */
const LINK_LINE = /^\s*(?:\*\*|__)?\s*(?:>|(?:xem thêm|tham khảo thêm|nóng|mới|hot)\s*:)/iu;
/** What an answer must have, in characters of text, to count as one. */
const MIN_ANSWER_CHARS = 60;

/** The heading text of a Markdown line when it is a heading (`#` or a whole bold line), else null. */
export function headingText(line: string): string | null {
  const hash = HASH_HEADING.exec(line);
  if (hash) return stripInlineMarks(hash[1]!);
  const bold = BOLD_LINE.exec(line);
  if (bold) return stripInlineMarks(bold[2]!);
  return null;
}

function stripInlineMarks(text: string): string {
  return text
    .replace(/\*\*|__/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
}

/** True when the text asks: it ends with a question mark. */
function asks(text: string): boolean {
  return /\?\s*$/u.test(text);
}

/** A line that only restates a question ("Cho tôi hỏi ...? Câu hỏi của anh N (Long An)."). */
function isQuestionLine(line: string): boolean {
  return /\?(?:\*\*|__)?\s*$/u.test(line) || /câu hỏi (?:của|từ) /iu.test(line);
}

function isFurniture(line: string): boolean {
  const text = line.trim();
  if (text === "" || ITALIC_LINE.test(text) || isCruftLine(text)) return true;
  return FURNITURE.some((pattern) => pattern.test(text));
}

/** A page's pairs and what was set aside on the way, for the bench's report. */
export interface QaPage {
  pairs: QaPair[];
  /** Headings that ask (end in "?"), kept or not. */
  questionHeadings: number;
  /** Question headings asked again on the same page (the title repeated as a heading). */
  repeated: number;
  /** Question headings followed by no answer (a summary of the page's questions, a title above its author lines). */
  unanswered: number;
}

/**
 * Every (question heading, answer section) pair of a page. A question heading is a
 * Markdown heading or a whole bold line ending in "?"; its section runs to the next `#`
 * heading or the next question heading (a bold line that does not ask, "**Lưu ý:**", is
 * part of the answer). Page furniture is dropped (author lines, image captions, italic
 * notes, "Quý khách cần hỏi thêm ..."), and so are lines restating a question; a
 * section left with under 60 characters is no answer (a bold summary of the page's
 * questions, the title above its author lines). A question asked twice on a page (the
 * title, then the same `##` heading) keeps its first answer.
 */
export function extractQaPage(markdown: string, source: string): QaPage {
  const page: QaPage = { pairs: [], questionHeadings: 0, repeated: 0, unanswered: 0 };
  const seen = new Set<string>();
  let current: { question: string; lines: string[] } | null = null;
  const close = () => {
    if (!current) return;
    const content = current.lines.filter((line) => !isFurniture(line) && !isQuestionLine(line));
    const key = foldedWords(current.question);
    const chars = markdownToText(content.join("\n")).replace(/\s+/gu, " ").trim().length;
    if (chars < MIN_ANSWER_CHARS) page.unanswered++;
    else if (seen.has(key)) page.repeated++;
    else {
      seen.add(key);
      page.pairs.push({
        id: `${source}#${page.pairs.length}`,
        source,
        question: current.question,
        answer: content.join("\n").trim(),
        type: questionType(current.question),
        questionCount: (current.question.match(/\?/gu) ?? []).length,
      });
    }
    current = null;
  };
  for (const line of markdown.replace(/\r\n?/gu, "\n").split("\n")) {
    if (LINK_LINE.test(line)) continue;
    const heading = headingText(line);
    if (heading !== null && asks(heading)) {
      close();
      page.questionHeadings++;
      current = { question: heading, lines: [] };
    } else if (HASH_HEADING.test(line)) {
      close();
    } else if (current) {
      current.lines.push(line);
    }
  }
  close();
  return page;
}

/** The pairs of a page (see extractQaPage). */
export function extractQaPairs(markdown: string, source: string): QaPair[] {
  return extractQaPage(markdown, source).pairs;
}

/**
 * Patterns over the folded, lower-case question (no marks, "đ" as "d"), tried in this
 * order; the first that matches names the type. Folding merges a few words ("ai" with
 * "ải", "sao" with "sáo") that legal questions hardly use.
 */
const TYPE_PATTERNS: ReadonlyArray<readonly [QuestionType, RegExp]> = [
  ["so_sanh", /\b(?:so sanh|khac nhau|giong nhau|khac gi|khac biet|phan biet)\b/u],
  ["tai_sao", /\b(?:tai sao|vi sao|vi ly do gi|ly do gi|ly do nao|sao lai)\b/u],
  // A question that ends asking yes or no is one, whatever it names before ("Các quán ... có bị phạt không").
  ["co_khong", /\b(?:khong|chua|dung hay sai)$/u],
  [
    "ai",
    /(?:^|[^\p{L}])ai(?:$|[^\p{L}])|\b(?:nguoi nao|co quan nao|don vi nao|to chuc nao|ca nhan nao|chu the nao|doi tuong nao|cap nao|ben nao|ai la)\b/u,
  ],
  [
    "khi_nao",
    /\b(?:khi nao|bao gio|luc nao|thoi diem nao|thoi gian nao|ngay nao|thang nao|nam nao|bao lau|han chot|tu ngay nao|den ngay nao|ky nao|giai doan nao)\b/u,
  ],
  // "đâu" ends the question: folded, "về đầu tư" and "dầu khí" read "ve dau", "dau".
  [
    "o_dau",
    /\b(?:o|tai|tu|ve|di|den|nop|lay|mua|xem|tim) dau$|^dau la\b|\b(?:noi nao|cho nao|dia diem nao|dia chi nao)\b/u,
  ],
  [
    "bao_nhieu",
    /\b(?:bao nhieu|may (?:lan|nam|thang|ngay|gio|loai|cap|muc|nguoi|buoc|truong hop|hinh thuc))\b/u,
  ],
  [
    "nhung_gi",
    /\b(?:^(?:cac|nhung) |danh sach|nhung gi|gom gi|bao gom gi|gom nhung|bao gom nhung|nhung (?:\p{L}+ ){0,4}nao|cac (?:\p{L}+ ){0,4}nao|truong hop nao|loai nao|hinh thuc nao|nhung ai)\b/u,
  ],
  ["nhu_the_nao", /\b(?:nhu the nao|the nao|ra sao|nhu nao|lam sao|lam the nao|cach nao|bang cach nao)\b/u],
  ["la_gi", /\b(?:la gi|gi|\p{L}+ nao)\b/u],
  [
    "co_khong",
    /\b(?:co|duoc|phai|bi|da) (?:\p{L}+ ){0,12}(?:khong|chua)\b|\bco (?:the|phai|bi|duoc|can|quyen|bat buoc|nghia vu|vi pham|tinh|nhan|hieu luc|ap dung)\b|\bduoc phep\b|\bbi (?:phat|xu phat|truy cuu)\b/u,
  ],
];

/**
 * The type of a heading's first question (a heading may ask two: "Có bị phạt không?
 * Mức phạt bao nhiêu?"; the first is the one its answer opens with).
 */
export function questionType(heading: string): QuestionType {
  const first = heading.split("?")[0] ?? heading;
  const folded = foldedWords(first);
  for (const [type, pattern] of TYPE_PATTERNS) if (pattern.test(folded)) return type;
  return "khac";
}

/** FNV-1a (32 bits) over UTF-8 bytes: a stable order for deterministic samples. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The first `count` items in the order of their key's hash (ties by key): the same
 * sample on every run and machine, spread over the whole list rather than its start.
 */
export function sampleByHash<T>(items: readonly T[], key: (item: T) => string, count: number): T[] {
  return items
    .map((item) => ({ item, k: key(item) }))
    .map((x) => ({ ...x, h: fnv1a(x.k) }))
    .sort((a, b) => a.h - b.h || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, count)
    .map((x) => x.item);
}
