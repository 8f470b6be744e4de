import { MARKDOWN_HEADING } from "./headings.js";
import { normalizeText } from "./text-tools.js";

/** The cleaned text and what cleaning noticed on the way. */
export interface CleanedText {
  /** NFC text: one space between words, lines trimmed, paragraphs split by one blank line. */
  text: string;
  /** ISO date of a lone timestamp line near the top ("16:50 23/04/2020"), a news article's date. */
  dateHint: string | null;
  /** How many web-page cruft lines were dropped ("Chia sẻ", "In bài", ...). */
  cruftLines: number;
}

/** Whole lines that are page furniture, compared in lower case with punctuation folded to spaces. */
const CRUFT_PHRASES = new Set([
  "email print aa",
  "emailprintaa",
  "ý kiến bạn đọc",
  "ý kiến của bạn",
  "gửi ý kiến",
  "viết bình luận",
  "gửi bình luận",
  "bình luận",
  "chia sẻ",
  "chia sẻ bài viết",
  "chia sẻ facebook",
  "in bài",
  "in bài viết",
  "bản in",
  "gửi bài viết",
  "gửi bài",
  "gửi email",
  "gửi cho bạn bè",
  "tin liên quan",
  "bài viết liên quan",
  "tin cùng chuyên mục",
  "tin khác",
  "các tin khác",
  "tin mới nhất",
  "tin đọc nhiều",
  "đọc nhiều nhất",
  "xem thêm",
  "xem tiếp",
  "đọc tiếp",
  "quay lại",
  "trở về",
  "trở lại",
  "về đầu trang",
  "lên đầu trang",
  "đầu trang",
  "theo dõi chúng tôi",
  "theo dõi",
  "cỡ chữ",
  "tải về",
  "từ khóa",
  "từ khoá",
  "tags",
  "lượt xem",
  "phản hồi",
  "bản quyền",
]);

/** Words that, alone or together, make a share/print bar ("Facebook Twitter Zalo", "Email Print Aa"). */
const CRUFT_TOKENS = new Set([
  "email",
  "e mail",
  "print",
  "aa",
  "a",
  "facebook",
  "twitter",
  "zalo",
  "share",
  "tweet",
  "like",
  "linkedin",
  "google",
  "pinterest",
  "messenger",
  "in",
  "copy",
  "link",
  "a+",
  "a-",
]);

function foldForCruft(line: string): string {
  return line
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** True for a line that is page furniture rather than content. */
export function isCruftLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 60) return false;
  const folded = foldForCruft(trimmed);
  if (folded.length === 0) return false;
  if (CRUFT_PHRASES.has(folded)) return true;
  const tokens = folded.split(" ");
  return tokens.length <= 6 && tokens.every((t) => CRUFT_TOKENS.has(t)) && tokens.some((t) => t.length > 2);
}

const TIMESTAMP_LINE =
  /^(?:(?:thứ\s+\S+|chủ\s+nhật)\s*,?\s*)?(?:(\d{1,2})[:h](\d{2})(?::\d{2})?\s*(?:\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}\)?)?\s*[,\-–|]?\s*)?(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[,\-–|]?\s*(\d{1,2})[:h](\d{2})(?::\d{2})?(?:\s*\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}\)?)?)?$/iu;

/** ISO date of a line that is nothing but a timestamp ("16:50 23/04/2020", "23/04/2020 16:50"). */
export function parseTimestampLine(line: string): string | null {
  const m = TIMESTAMP_LINE.exec(line.trim());
  if (!m) return null;
  const day = Number(m[3]);
  const month = Number(m[4]);
  const year = Number(m[5]);
  if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1945 || year > 2100) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Titles of the sections that hold a page's reference apparatus rather than its content:
 * footnotes, bibliographies, "see also" and external-link lists. Quoted as an answer,
 * "Nhóm PV (ngày 17 tháng 3 năm 2018). \"Day dứt ...\". Dân trí." answers nothing.
 */
const REFERENCE_SECTIONS = new Set([
  "chú thích",
  "ghi chú",
  "tham khảo",
  "tài liệu tham khảo",
  "nguồn tham khảo",
  "liên kết ngoài",
  "liên kết",
  "xem thêm",
  "đọc thêm",
  "thư mục",
]);
/** Wikipedia's edit links, left in text copied from its pages: "[sửa | sửa mã nguồn]". */
const EDIT_LINKS = /\[\s*sửa(?:\s*\|\s*sửa mã nguồn)?\s*\]/giu;
/**
 * Footnote marks glued to the text they annotate ("... sáp nhập.[2]", "[cần dẫn nguồn]"):
 * quoted in an answer they would read as the answer's own citations [1] [2]. A mark
 * after a space, or followed by "(", is left alone (a list label, a Markdown link).
 */
const FOOTNOTE_MARKS = /(?<=[\p{L}\p{N}.,;:!?)\]"”'’])\[(?:\d{1,3}|[a-z]|cần dẫn nguồn|chú thích)\](?!\()/giu;

/** "Theo TTXVN", "(Chinhphu.vn)", "Nguồn: ...": a news article's credit line. */
export const NEWS_CREDIT = /^(?:\(?theo\s+[\p{L}\s.]{2,40}\)?|\(?nguồn\s*:.*|\([\p{L}.]+\.vn\))$/iu;

/**
 * The text without the credit lines that close a news article ("Theo TTXVN"): they
 * name the publisher, answer nothing, and alone would make a passage of their own.
 * Metadata still reads them (a credit marks a news article), so cleaning keeps them.
 */
export function dropTrailingCredits(text: string): string {
  const lines = text.split("\n");
  let end = lines.length;
  for (let dropped = 0; dropped < 2; ) {
    while (end > 0 && lines[end - 1]!.trim() === "") end--;
    if (end === 0 || !NEWS_CREDIT.test(lines[end - 1]!.trim())) break;
    end--;
    dropped++;
  }
  return lines.slice(0, end).join("\n").trim();
}

/**
 * Drops Markdown sections titled as reference apparatus (see REFERENCE_SECTIONS), with
 * their subsections, up to the next heading of the same or a higher level. Only
 * Markdown headings (from .md files and converted HTML) mark a section; a plain line
 * reading "Tham khảo" in a PDF is left alone, as what follows it cannot be told apart.
 */
export function dropReferenceSections(text: string): string {
  const kept: string[] = [];
  let skippingBelow = 0;
  for (const line of text.split("\n")) {
    const heading = MARKDOWN_HEADING.exec(line.trim());
    if (heading) {
      const level = heading[1]!.length;
      if (skippingBelow > 0 && level > skippingBelow) continue;
      skippingBelow = 0;
      const title = heading[2]!
        .toLowerCase()
        .replace(/[\s:.]+$/u, "")
        .trim();
      if (REFERENCE_SECTIONS.has(title)) {
        skippingBelow = level;
        continue;
      }
    } else if (skippingBelow > 0) {
      continue;
    }
    kept.push(line);
  }
  return kept.join("\n");
}

/** Control characters other than tab and newline; zero-width and soft-hyphen characters. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
/** Every white space except the newline. */
const SPACES = /[^\S\n]+/gu;

/**
 * Normalizes and tidies extracted text: NFC, one kind of line break, invisible
 * characters removed, runs of spaces collapsed, lines trimmed, web cruft lines
 * dropped, at most one blank line between paragraphs. Pure; idempotent.
 */
export function cleanText(raw: string): CleanedText {
  const normalized = normalizeText(raw)
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(EDIT_LINKS, "")
    .replace(FOOTNOTE_MARKS, "")
    .replace(SPACES, " ");
  const withoutReferences = dropReferenceSections(normalized);
  const kept: string[] = [];
  // Reference sections are not counted as web cruft: an encyclopedia article is not a news page.
  let cruftLines = 0;
  let dateHint: string | null = null;
  let contentLines = 0;
  for (const rawLine of withoutReferences.split("\n")) {
    const line = rawLine.trim();
    if (line.length === 0) {
      kept.push("");
      continue;
    }
    if (isCruftLine(line)) {
      cruftLines++;
      continue;
    }
    contentLines++;
    if (dateHint === null && contentLines <= 6) dateHint = parseTimestampLine(line);
    kept.push(line);
  }
  const text = kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text, dateHint, cruftLines };
}
