import { FOLDED_KINDS, findNumbers, KIND_CODES } from "../text/document-numbers.js";
import { fold } from "../text/fold.js";
import { NEWS_CREDIT } from "./clean-text.js";
import {
  headerBlockNumber,
  headerNumber,
  issuedNumber,
  issuerFromCode,
  kindNamedBefore,
  titleNumber,
} from "./document-number.js";
import { labelledValue } from "./header-fields.js";
import { sentenceCase, subjectCase, titleCaseWords } from "./title-case.js";
import type { DocumentMetadata, SourceFormat } from "./types.js";

/** What metadata extraction may use besides the text. */
export interface MetadataInput {
  fileName: string;
  format?: SourceFormat;
  /** A date cleaning found (a lone timestamp line near the top of a news page). */
  dateHint?: string | null;
  /** True when cleaning removed web-page cruft (share bars, comment boxes). */
  webCruft?: boolean;
  titleHint?: string;
  numberHint?: string;
}

/** The kind given to news articles and commentary about a document, not the document itself. */
export const NEWS_KIND = "Tin bài";

const VI_MONTH_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const NUMERIC_DATE = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/u;

function isoDate(day: number, month: number, year: number): string | null {
  if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1900 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** ISO date of the first "ngày 25 tháng 10 năm 2017", "25/10/2017" or "25-10-2017" in a string. */
export function parseVietnameseDate(text: string): string | null {
  const long = VI_MONTH_DATE.exec(text);
  const numeric = NUMERIC_DATE.exec(text);
  const candidates = [long, numeric].filter((m): m is RegExpExecArray => m !== null);
  candidates.sort((a, b) => a.index - b.index);
  for (const m of candidates) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) return iso;
  }
  return null;
}

/**
 * Whether a kind line may be the document's own, given its number's kind code: a Thông
 * tư numbered "05/2025/TT-BGDĐT" is not the "QUY ĐỊNH CHUNG" of its first chapter. "QĐ"
 * numbers both decisions and the Party's regulations ("Quy định số 377-QĐ/TW").
 */
function agreesWithNumber(kind: string, kindCode: string | null | undefined): boolean {
  const named = kindCode ? KIND_CODES[kindCode] : undefined;
  if (named === undefined) return true;
  return kind === named || (kindCode === "QĐ" && kind === "Quy định");
}

/** The kind a line starts with ("NGHỊ QUYẾT", "Luật Giáo dục", "Bộ luật dân sự"), if any. */
function kindAtStart(line: string): string | null {
  const folded = fold(line);
  for (const { kind, folded: k } of FOLDED_KINDS) {
    if (folded === k || folded.startsWith(`${k} `)) return kind;
  }
  return null;
}

/** Header lines of an official document: the national motto, the Party's name, "Độc lập - Tự do - Hạnh phúc". */
/**
 * Whether a text is an official document's own text (its header carries the national or
 * Party motto, or a "Số: ..." line, or a legal database's "Số hiệu:" field), not a page
 * that reports one: what it says another document does, it does itself.
 */
export function isOfficialText(text: string): boolean {
  const lines = text
    .slice(0, 4_000)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return (
    lines.slice(0, 12).some((l) => isMottoLine(l)) ||
    headerNumber(lines) !== null ||
    labelledValue(lines, "Số hiệu") !== null
  );
}

function isMottoLine(line: string): boolean {
  const folded = fold(line);
  if (/doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc/u.test(folded)) return true;
  // In upper case, alone or beside the issuer ("CHÍNH PHỦ CỘNG HÒA XÃ HỘI ...").
  return !/\p{Ll}/u.test(line) && /cong hoa xa hoi chu nghia viet nam|dang cong san viet nam/u.test(folded);
}
const HEADER_NOISE =
  /^(?:cong hoa xa hoi chu nghia viet nam|dang cong san viet nam|doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc|so\s*[:.]|[-–_*=.\s]+$|\*+$)/u;

/** Issuers as they appear in upper case in a header, with their display form. */
const HEADER_ISSUERS: ReadonlyArray<{ pattern: RegExp; name: (m: RegExpExecArray) => string }> = [
  { pattern: /^ban chap hanh trung uong(?: dang)?\b/u, name: () => "Ban Chấp hành Trung ương" },
  { pattern: /^bo chinh tri\b/u, name: () => "Bộ Chính trị" },
  { pattern: /^ban bi thu\b/u, name: () => "Ban Bí thư" },
  { pattern: /^uy ban thuong vu quoc hoi\b/u, name: () => "Ủy ban Thường vụ Quốc hội" },
  { pattern: /^quoc hoi\b/u, name: () => "Quốc hội" },
  { pattern: /^thu tuong chinh phu\b/u, name: () => "Thủ tướng Chính phủ" },
  { pattern: /^chinh phu\b/u, name: () => "Chính phủ" },
];

const LOCAL_ISSUER =
  /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\s+(TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+([\p{Lu}\s-]+?)\s*$/u;
const PARTY_ISSUER =
  /^(TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|ĐẢNG ỦY|ĐẢNG UỶ)\s+([\p{Lu}\s-]+?)\s*$/u;
// "BAN HÀNH ĐIỀU LỆ ..." under "QUYẾT ĐỊNH" is what the decision issues, not a board.
const MINISTRY = /^(BỘ|BAN)(?!\s+HÀNH\s)\s+([\p{Lu}\s,]+?)\s*$/u;

function issuerFromHeaderLine(line: string): string | null {
  const cleaned = line
    .replace(
      /CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|CỘNG\s+HOÀ\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/u,
      "",
    )
    .replace(/ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/u, "")
    .replace(/\s+/gu, " ")
    .trim();
  if (cleaned.length === 0 || /\p{Ll}/u.test(cleaned)) return null;
  const folded = fold(cleaned);
  for (const { pattern, name } of HEADER_ISSUERS) {
    const m = pattern.exec(folded);
    if (m) return name(m);
  }
  const local = LOCAL_ISSUER.exec(cleaned);
  if (local) {
    const organ = /^(HỘI|HĐND)/u.test(local[1]!) ? "Hội đồng nhân dân" : "Ủy ban nhân dân";
    const unit = local[2]!.startsWith("TP") ? "thành phố" : local[2]!.toLocaleLowerCase("vi");
    return `${organ} ${unit} ${titleCaseWords(local[3]!.trim())}`;
  }
  const party = PARTY_ISSUER.exec(cleaned);
  if (party) {
    const organ = party[1]!.toLocaleLowerCase("vi").replace("uỷ", "ủy");
    return `${organ.charAt(0).toLocaleUpperCase("vi")}${organ.slice(1)} ${titleCaseWords(party[2]!.trim())}`;
  }
  const ministry = MINISTRY.exec(cleaned);
  if (ministry && !kindAtStart(cleaned)) {
    return `${ministry[1] === "BỘ" ? "Bộ" : "Ban"} ${sentenceCase(ministry[2]!.trim())}`;
  }
  return null;
}

const MEANINGLESS_LINE = /^(?:[-–—_*=~.\s]+|\d{1,4}|\(.*\)|trang \d+)$/iu;

function stripMarkdown(line: string): string {
  return (
    line
      .replace(/^#{1,6}\s+/u, "")
      .replace(/\*\*|__/gu, "")
      // Stops at the next "[": a line of unclosed brackets must cost one scan, not one per "[".
      .replace(/\[([^[\]]*)\]\([^)]*\)/gu, "$1")
      .trim()
  );
}

function shorten(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, "")}…`;
}

function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/u).pop() ?? fileName;
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/u, "");
  return stem.length > 0 ? stem : name;
}

/** A Markdown heading that opens the text: first, or after at most two short lines. */
function headingOpens(lines: readonly string[], heading: string): boolean {
  const at = lines.indexOf(heading);
  return at >= 0 && at <= 2 && lines.slice(0, at).every((l) => l.length <= 100);
}

/** "Điều 10. Giới hạn ..." as a label; when the body follows on the same line, only "Điều 10". */
function articleLabel(line: string): string {
  const label = /^Điều\s+\d+[a-zđ]?/u.exec(line)?.[0] ?? line;
  const rest = line.replace(/^Điều\s+\d+[a-zđ]?\s*[.:]\s*/u, "");
  if (/^(?:\d+\.|[a-zđ]\))/u.test(rest)) return label;
  if (line.length <= 150) return line;
  const titleEnd = rest.search(/[.:;]\s/u);
  return titleEnd > 0 && titleEnd <= 120 ? `${label}. ${rest.slice(0, titleEnd)}` : label;
}

const ARTICLE_LINE = /^Điều\s+\d+[a-zđ]?\s*[.:]/u;

/** A legal database's copyright notice that opens its pages ("Bản dịch này thuộc quyền sở hữu của ..."). */
const COPYRIGHT_NOTICE = /^bản dịch này thuộc quyền sở hữu|thư viện pháp luật/iu;

interface RegistryFields {
  kind: string | null;
  issuer: string | null;
  date: string | null;
}

/**
 * The summary table of a legal database page ("Số hiệu:", "Loại văn bản:", "Nơi ban
 * hành:", "Ngày ban hành:"): the page's own document, given field by field. Null when the
 * page has no such table.
 */
function registryFields(lines: readonly string[]): RegistryFields | null {
  if (!labelledValue(lines, "Số hiệu")) return null;
  const kindText = labelledValue(lines, "Loại văn bản");
  const issuer = labelledValue(lines, "Nơi ban hành");
  const dateText = labelledValue(lines, "Ngày ban hành");
  return {
    kind: kindText ? kindAtStart(kindText) : null,
    issuer: issuer && issuer.length <= 80 && !/^(?:đã biết|đang cập nhật)$/iu.test(issuer) ? issuer : null,
    date: dateText ? parseVietnameseDate(dateText) : null,
  };
}

/** A date, or "năm 2025", that may stand between a number and "của ...". */
const DATE_GAP = String.raw`(?:\s*,?\s*(?:ngay\s+\d{1,2}(?:\/\d{1,2}\/\d{4}|\s+thang\s+\d{1,2}\s+nam\s+\d{4})|nam\s+\d{4}))?\s*,?\s*`;

/**
 * The issuer a text names with a number: "Kết luận số 127-KL/TW ngày 28/2/2025 của Bộ
 * Chính trị". Only a date may stand between: in "Công văn 11582/VPCP-KTTH triển khai Nghị
 * quyết của Quốc hội" the "của" belongs to the resolution the letter carries out.
 */
function issuerNamedWith(text: string, number: string): string | null {
  const at = text.indexOf(number);
  if (at < 0) return null;
  const near = fold(text.slice(at + number.length, at + number.length + 80));
  for (const { pattern, name } of HEADER_ISSUERS) {
    const m = new RegExp(pattern.source.replace("^", `^${DATE_GAP}cua\\s+`), "u").exec(near);
    if (m) return name(m);
  }
  return null;
}

/** "ngày 15/3/2025", "ngày 25 tháng 10 năm 2017" right after a number, before anything else. */
const DATE_AFTER_NUMBER = /^\s*[,(]?\s*(?:ban hành\s+|ký\s+)?ngày\s+\d/iu;
/** A lead opening with its date: "Ngày 25/5/2025, thay mặt ...", "Sáng 12/6/2025, ...", "Tại phiên họp ngày 28/2/2025, ...". */
const DATED_LEAD =
  /^(?:(?:sáng|trưa|chiều|tối)\s+(?:ngày\s+)?|(?:tại phiên họp\s+)?ngày\s+)\d{1,2}(?:\/\d{1,2}\/\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})(?:\s*,|\s)/iu;

interface DateContext {
  head: readonly string[];
  number: string | null;
  official: boolean;
  kind: string | null;
  kindLineIndex: number;
  registry: RegistryFields | null;
  dateHint?: string | null;
}

/** The date written right after the number somewhere in the text ("Nghị định số 67/2025/NĐ-CP ngày 15/3/2025"). */
function dateWithNumber(text: string, number: string): string | null {
  for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + number.length)) {
    const after = text.slice(at + number.length, at + number.length + 50);
    if (DATE_AFTER_NUMBER.test(after)) {
      const date = parseVietnameseDate(after);
      if (date) return date;
    }
  }
  return null;
}

/**
 * The document's issue date: the header's "Hà Nội, ngày ...", a legal database's "Ngày
 * ban hành", a news page's timestamp, the date written with its own number, a lead that
 * opens with the date of the issue it reports, or a date in an official header block. A
 * date a text only quotes (the "Căn cứ" lines, a decree it amends, a deadline in a
 * headline) is not the document's: null is better.
 */
function issueDate(ctx: DateContext): string | null {
  const { head, number } = ctx;
  for (const line of head.slice(0, 15)) {
    // "Hà Nội, ngày 25 tháng 10 năm 2017", possibly after the number on the same line.
    if (line.length <= 160 && /^[^,]{2,80},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/iu.test(line)) {
      const date = parseVietnameseDate(line);
      if (date) return date;
    }
  }
  if (ctx.registry?.date) return ctx.registry.date;
  if (ctx.dateHint) return ctx.dateHint;
  const headText = head.join("\n");
  const withNumber = number ? dateWithNumber(headText, number) : null;
  if (withNumber) return withNumber;
  for (const raw of head.slice(0, 6)) {
    const line = stripMarkdown(raw).replace(/^[*_\s]+/u, "");
    if (!DATED_LEAD.test(line)) continue;
    // With a number of its own, the lead must name it; without, only a document or a news
    // page takes it (a Q&A page's lead dates the document it answers about).
    if (number ? line.includes(number) : ctx.kind !== null) return parseVietnameseDate(line);
  }
  if (ctx.official) {
    const block = head.slice(0, ctx.kindLineIndex >= 0 ? ctx.kindLineIndex : 8);
    const header = block.filter((l) => !/^[*_\s]*(?:căn cứ|xét|theo)/iu.test(l));
    return parseVietnameseDate(header.join("\n").slice(0, 1500));
  }
  return null;
}

/**
 * Reads a document's kind, number, issuer, date and title from its first lines, the
 * way a cadre would: the header (issuer, "Số: ...", "Hà Nội, ngày ... tháng ... năm
 * ..."), the kind line ("NGHỊ QUYẾT"), the subject lines under it; for news pages the
 * headline and the timestamp. Pure: the same text always yields the same metadata.
 */
export function extractMetadata(text: string, input: MetadataInput): DocumentMetadata {
  const allLines = text.split("\n").map((l) => l.trim());
  const lines = allLines.filter((l) => l.length > 0);
  const head = lines.slice(0, 25);
  const headText = head.join("\n");

  // An official document opens with the national or Party motto as a header line.
  const official = head.slice(0, 12).some((l) => isMottoLine(l));

  // Kind line: a line of the header block that is just the kind ("NGHỊ QUYẾT"), or a
  // first line that names the kind ("Luật Giáo dục", "Bộ luật dân sự").
  let kind: string | null = null;
  let kindLineIndex = -1;
  // Number: "Số: 05/BC-UBND" in the header (or a legal database's "Số hiệu:"), else the
  // title's own, else for an official document one in its header block; never a quoted one.
  let numberMatch = headerNumber(lines);
  for (let i = 0; i < Math.min(head.length, 15); i++) {
    const line = stripMarkdown(head[i]!);
    const k = kindAtStart(line);
    if (!k || !agreesWithNumber(k, numberMatch?.kindCode)) continue;
    const isUpper = !/\p{Ll}/u.test(line);
    const exact = fold(line) === fold(k);
    if ((isUpper && (exact || official)) || (i === 0 && line.length <= 120)) {
      kind = k;
      kindLineIndex = i;
      break;
    }
  }

  // A page that opens with its own headline quotes the document below it (a template, a
  // decree's text): the headline is the page's title, and its kind is not the page's.
  if (kindLineIndex > 0 && /^#{1,6}\s+\S/u.test(lines[0]!)) {
    kind = null;
    kindLineIndex = -1;
  }
  const registry = registryFields(lines);

  // Title.
  let title: string | null = null;
  const firstHeading = allLines.find((l) => /^#{1,6}\s+\S/u.test(l));
  if (input.titleHint?.trim()) {
    title = input.titleHint.trim();
  } else if (kindLineIndex >= 0 && (official || !/\p{Ll}/u.test(head[kindLineIndex]!))) {
    const parts = [stripMarkdown(head[kindLineIndex]!)];
    for (let i = kindLineIndex + 1; i < Math.min(head.length, kindLineIndex + 4); i++) {
      const line = stripMarkdown(head[i]!);
      if (
        /^[*_\s]*(?:căn cứ|xét|theo đề nghị|trong những năm|chương|phần|mục|điều|i[.\-–\s])/iu.test(line) ||
        MEANINGLESS_LINE.test(line) ||
        issuerFromHeaderLine(line) ||
        parseVietnameseDate(line) ||
        line.length > 250
      ) {
        break;
      }
      parts.push(line);
      if (/[.;:]$/u.test(line)) break;
    }
    title = parts
      .map((part, i) => (i === 0 ? sentenceCase(part) : subjectCase(sentenceCase(part))))
      .join(" ");
  } else if (firstHeading && headingOpens(lines, firstHeading)) {
    title = stripMarkdown(firstHeading);
  } else if (lines.length >= 2 && ARTICLE_LINE.test(lines[1]!) && lines[0]!.length <= 120) {
    // A legal article file: the law's name, then "Điều 10. ...".
    title = `${stripMarkdown(lines[0]!)} – ${articleLabel(lines[1]!)}`;
  } else {
    const first = head.find((l) => {
      const folded = fold(l);
      return (
        !MEANINGLESS_LINE.test(l) &&
        !HEADER_NOISE.test(folded) &&
        !parseTimestampOnly(l) &&
        /\p{L}{2,}/u.test(l) &&
        !issuerFromHeaderLine(l)
      );
    });
    if (first) title = stripMarkdown(first);
  }
  if (!title && firstHeading) title = stripMarkdown(firstHeading);
  // A legal database page opens with its copyright notice: its table names the document.
  if (registry && (!title || COPYRIGHT_NOTICE.test(title))) {
    const named = registry.kind ?? (numberMatch?.kindCode ? KIND_CODES[numberMatch.kindCode] : undefined);
    title = named && numberMatch ? `${named} ${numberMatch.number}` : title;
  }
  title = shorten(title && title.length > 0 ? title : baseName(input.fileName));

  if (!numberMatch) numberMatch = titleNumber(title, kindAtStart(title));
  if (!numberMatch && official) numberMatch = headerBlockNumber(head, kindLineIndex);
  let number = numberMatch?.number ?? null;
  if (input.numberHint?.trim()) {
    number = input.numberHint.trim();
    numberMatch = findNumbers(number)[0] ?? numberMatch;
  }

  // Issuer: the header, else "của Bộ Chính trị" next to the number, else the number's code.
  let issuer: string | null = null;
  for (const line of head.slice(0, Math.max(3, kindLineIndex >= 0 ? kindLineIndex : 6))) {
    // "BAN CHẤP HÀNH / TRUNG ƯƠNG / BAN TỔ CHỨC": the issuing unit is split over lines; its
    // number ("45-HD/BTCTW") names it whole.
    if (fold(stripMarkdown(line)) === "ban chap hanh") break;
    issuer = issuerFromHeaderLine(line);
    if (issuer) break;
  }
  if (!issuer && number) issuer = issuerNamedWith(headText, number);
  if (!issuer && registry?.issuer) issuer = registry.issuer;
  if (!issuer && numberMatch) issuer = issuerFromCode(numberMatch.issuerCode, numberMatch.kindCode);
  if (!issuer && (kind === "Luật" || kind === "Bộ luật" || kind === "Hiến pháp")) issuer = "Quốc hội";

  // Kind from the number's code when the text did not name it.
  const looksLikeNews =
    !official &&
    kindLineIndex < 0 &&
    (input.format === "html" ||
      input.webCruft === true ||
      Boolean(input.dateHint) ||
      lines.some((l) => NEWS_CREDIT.test(l)));
  if (!kind && registry?.kind) kind = registry.kind;
  if (!kind && looksLikeNews) kind = NEWS_KIND;
  if (!kind && number) kind = kindNamedBefore(headText, number);
  if (!kind && numberMatch?.kindCode) kind = KIND_CODES[numberMatch.kindCode] ?? null;
  if (kind === "Quyết định" && /(?:^|\n)\s*QUY ĐỊNH\s*(?:\n|$)/u.test(headText)) kind = "Quy định";
  // A news article reporting that a document was issued ("... Trưởng Ban Chỉ đạo tổng kết
  // Nghị quyết số 18-NQ/TW đã ký ban hành Kế hoạch số 47-KH/BCĐ ...") is filed under the
  // number issued, not the first one it mentions.
  if (kind === NEWS_KIND && !input.numberHint?.trim()) {
    const issued = issuedNumber(head.slice(0, 5).join("\n"), title);
    if (issued && issued.number !== number) {
      number = issued.number;
      issuer = issuerFromCode(issued.issuerCode, issued.kindCode);
    }
  }

  const date = issueDate({ head, number, official, kind, kindLineIndex, registry, dateHint: input.dateHint });
  return { title, kind, number, issuer, date };
}

const TIMESTAMP_ONLY = /^[\d\s:/.,\-–|()hGMTUC+]+$/u;
function parseTimestampOnly(line: string): boolean {
  return TIMESTAMP_ONLY.test(line) && /\d/u.test(line);
}
