import { GenerationCache } from "../store/generation-cache.js";
import { foldedWords, type SentenceSpan, splitSentences } from "../text/index.js";
import { continuesInto } from "../text/wrapped-lines.js";

/**
 * The sentences an answer may quote from a passage: its sentences, with the numbered
 * items a sentence runs into split off. Party conclusions write "(trong đó: (1) Đối với
 * cấp tỉnh: ... trong sắp xếp. (2) Đối với cấp xã: ...": the parenthesis never closes, so
 * the splitter reads one sentence of a hundred words, and trimming it cuts the item that
 * answers. Chunking keeps the plain split (its boundaries are stored).
 */
export function answerSentences(text: string): SentenceSpan[] {
  return joinWrappedLines(text, splitSentences(text)).flatMap(splitAtItems);
}

/**
 * Text copied from a PDF or a narrow page keeps its hard line breaks inside sentences
 * ("Một chức danh lãnh đạo, quản\nlý quy hoạch không quá 03 cán bộ."): the splitter ends a
 * sentence at each line, and the answer would quote "lý quy hoạch ...". A line that does
 * not end a sentence, followed within its paragraph by one that starts lower case (or
 * itself ending on a word that opens a phrase), is the same sentence.
 */
function joinWrappedLines(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  return joinWhere(
    spans,
    (last, span) =>
      /^[ \t]*\n[ \t]*$/u.test(text.slice(last.end, span.start)) &&
      (continuesInto(last.text.trimEnd(), span.text.trimStart()) || OPENING_CLAUSE_LINE.test(last.text)),
  );
}

/**
 * A line that is a sentence's opening clause, ended by its comma ("Ngày 18 tháng 11 năm
 * 2025, tại thành phố Đà Nẵng,"): what follows on the next line is its sentence, whatever
 * the case it opens with ("Phó Thủ tướng ... đã kiểm tra ..."). Only where the answer reads
 * sentences: the chunker's line rule is left as it is, with stored passages.
 */
const OPENING_CLAUSE_LINE =
  /^\s*(?:ngày|sáng|chiều|tối|trưa|hôm|vào|tại|theo|trong|sau|trước)(?![\p{L}])[^.!?;:\n]*,\s*$/iu;

/** Spans with each joined to the one before it where `joins` says so. */
function joinWhere(
  spans: SentenceSpan[],
  joins: (last: SentenceSpan, span: SentenceSpan) => boolean,
): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && joins(last, span)) {
      out[out.length - 1] = {
        text: `${last.text.trimEnd()} ${span.text.trimStart()}`,
        start: last.start,
        end: span.end,
      };
    } else out.push(span);
  }
  return out;
}

/**
 * A sentence end followed by an item number: "... sắp xếp. (2) Đối với", "... hải đảo... 2)
 * Xây dựng". Not after ";": "a) ...; b) ..." is one list, quoted whole.
 */
const ITEM_START = /[.…]\s+(?=\((?:\d{1,2}|[a-zđ])\)\s+\S|(?:\d{1,2}|[a-zđ])\)\s+\p{Lu})/gu;

function splitAtItems(span: SentenceSpan): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let from = 0;
  for (const match of span.text.matchAll(ITEM_START)) {
    const end = match.index + 1;
    const next = match.index + match[0].length;
    const piece = span.text.slice(from, end).trim();
    if (piece !== "") out.push({ text: piece, start: span.start + from, end: span.start + end });
    from = next;
  }
  if (from === 0) return [span];
  out.push({ text: span.text.slice(from), start: span.start + from, end: span.end });
  return out;
}

/** A sentence that only goes on from the one before it: "Theo đó, sáp nhập ...". */
const CONTINUATION = /^[*_\s]*theo đó\s*,/iu;
/** A preceding sentence this long is a paragraph of its own: the pair would be trimmed apart. */
const MAX_JOINED_WORDS = 60;

/**
 * "Ngày 28 tháng 9 năm 2024, Ủy ban Thường vụ Quốc hội ban hành Nghị quyết số 1199 ...
 * (nghị quyết có hiệu lực từ ngày 1 tháng 11 năm 2024). Theo đó, sáp nhập ... phường Yết
 * Kiêu vào phường Trần Hưng Đạo.": what was done is in the second sentence, its date in the
 * first, and "Theo đó" alone says nothing of what it follows. A sentence going on from the
 * one before it in its paragraph is quoted with it when it lacks what is asked (`answers`)
 * and its predecessor holds it. Joined always, the pair's words outweighed a sentence that
 * answered alone ("... 23 tỉnh mới. Theo đó, ... chỉ còn 8 tỉnh miền Nam" over "34 tỉnh").
 */
export function withAntecedents(
  text: string,
  spans: SentenceSpan[],
  answers: (sentence: string) => boolean,
): SentenceSpan[] {
  return joinWhere(
    spans,
    (last, span) =>
      (CONTINUATION.test(span.text) &&
        !text.slice(last.end, span.start).includes("\n") &&
        last.text.split(/\s+/u).length <= MAX_JOINED_WORDS &&
        !answers(span.text) &&
        answers(last.text)) ||
      detailsItem(last, span, answers) ||
      givesItsTime(text, last, span, answers),
  );
}

/** A short sentence giving when or where what precedes it is done: "Thời gian hoàn thành trước ngày 30/4/2025." */
const TIME_OF_PRECEDING =
  /^[*_\s-]*(?:thời gian (?:hoàn thành|thực hiện|tổ chức)|thời hạn(?: hoàn thành| thực hiện)?|hạn hoàn thành|địa điểm (?:tổ chức|thực hiện))(?![\p{L}])/iu;
/** Such a sentence this long says more than its time. */
const MAX_TIME_WORDS = 20;

/**
 * "Chính phủ giao Bộ Nội vụ ... trình Quốc hội ban hành Luật mới thay thế Luật Cán bộ, Công
 * chức năm 2008. Thời gian hoàn thành trước ngày 30/4/2025.": a task and its deadline in
 * two sentences of one paragraph; apart, one says nothing of when and the other nothing of
 * what. Joined when the task lacks what is asked and its time holds it.
 */
function givesItsTime(
  text: string,
  last: SentenceSpan,
  span: SentenceSpan,
  answers: (sentence: string) => boolean,
): boolean {
  return (
    TIME_OF_PRECEDING.test(span.text) &&
    !text.slice(last.end, span.start).includes("\n") &&
    completedByDetail(last, span, answers, MAX_TIME_WORDS, MAX_JOINED_WORDS)
  );
}

/**
 * Whether the detail holds what is asked and the sentence before it does not, both short
 * enough to be quoted together (`maxDetailWords`, `maxLastWords`).
 */
function completedByDetail(
  last: SentenceSpan,
  detail: SentenceSpan,
  answers: (sentence: string) => boolean,
  maxDetailWords: number,
  maxLastWords: number,
): boolean {
  return (
    detail.text.split(/\s+/u).length <= maxDetailWords &&
    last.text.split(/\s+/u).length <= maxLastWords &&
    answers(detail.text) &&
    !answers(last.text)
  );
}

/** A labelled detail line: "Thời gian: 01 buổi chiều, ngày 28/11/2025, bắt đầu từ 13h30'." */
const DETAIL_LABEL =
  /^[*_\s-]*(?:thời gian|thời điểm|thời hạn|địa điểm|địa chỉ|ngày|người ký|chủ trì|thành phần|số lượng|kinh phí)\s*[*_]*\s*:/iu;
/** An item this long is a paragraph, not a heading line of a schedule. */
const MAX_ITEM_WORDS = 40;

/**
 * "- Hội nghị 6: Gồm các tỉnh/thành phố: Thành phố Hồ Chí Minh, Đồng Nai, Tây Ninh." then
 * "Thời gian: 01 buổi chiều, ngày 28/11/2025": a schedule's item names what it is about
 * and the labelled line under it holds the date asked; apart, one says nothing of the date
 * and the other nothing of whom it is for. The item is quoted with its detail when it
 * lacks what is asked and the detail holds it.
 */
function detailsItem(
  last: SentenceSpan,
  span: SentenceSpan,
  answers: (sentence: string) => boolean,
): boolean {
  return (
    DETAIL_LABEL.test(span.text) &&
    !DETAIL_LABEL.test(last.text) &&
    completedByDetail(last, span, answers, MAX_ITEM_WORDS, MAX_ITEM_WORDS)
  );
}

/**
 * Sentences that point to other text instead of saying something: "Dưới đây là ...",
 * a web page's link line (">> Nghị định 73 thưởng Tết 2026 bao nhiêu phần trăm": another
 * page's title, often a question itself), and a provision cited for what it is about,
 * not what it says ("Căn cứ Điều 4 Quyết định 40/2025/QĐ-TTg có quy định về trình tự,
 * thủ tục ...").
 */
export const POINTER_SENTENCE =
  /^(?:>>|»|→|trên đây là|dưới đây là|sau đây là|xem thêm|xem chi tiết|tham khảo|mời (?:bạn đọc|quý vị)|bạn đọc (?:có thể )?tham khảo)|^căn cứ\s[^;]*\bquy định về(?:\s+[^\s;:]+){1,16}\s*[.…]?$/iu;

/**
 * Whether a sentence is a download link's line: "Tải về Mẫu đơn ...", "Tải mẫu dấu ... về tại đây: Tải về", "Xem
 * toàn bộ Phụ lục ...". The link is gone in a chat: the line answers nothing but a request
 * for the form itself (which then has nothing better than its name).
 */
export function isDownloadLine(sentence: string): boolean {
  if (DOWNLOAD_OPENING.test(sentence)) return true;
  // Read at the end first: looked for everywhere, the closing cost every sentence a microsecond.
  return CLOSING_WORDS.test(sentence.trimEnd().slice(-CLOSING_LENGTH)) && DOWNLOAD_CLOSING.test(sentence);
}

const DOWNLOAD_OPENING =
  /^[*_\s]*(?:tải (?:về|xuống|mẫu|file|ngay|toàn văn)|download|xem (?:toàn bộ|toàn văn|đầy đủ))/iu;
const DOWNLOAD_CLOSING = /\btại đây\s*:\s*tải về\s*$/iu;
/** The words a closing download line ends with, and their length. */
const CLOSING_WORDS = /^tải về$/iu;
const CLOSING_LENGTH = "tải về".length;

/** Whether a sentence asks ("... thành xã gì?") or points elsewhere (`POINTER_SENTENCE`): it says nothing. */
export function asksOrPoints(sentence: string): boolean {
  return sentence.includes("?") || POINTER_SENTENCE.test(sentence.trim());
}

/** A sentence that asks without a question mark: "... có bầu cử chủ tịch UBND hay không." */
export const INDIRECT_QUESTION = /\bhay (?:không|chưa)\s*[.:…]?$/iu;

/**
 * Whether a sentence asks, plainly or indirectly, or points elsewhere: it says nothing.
 * Every candidate sentence is asked this, and the best passages recur across questions:
 * each sentence is read once (those of the last two generations are kept).
 */
export function saysNothing(sentence: string): boolean {
  return silentSentences.getOrCompute(sentence, (s) => asksOrPoints(s) || INDIRECT_QUESTION.test(s));
}
const silentSentences = new GenerationCache<string, boolean>(10_000);

/** A choice of a multiple-choice question: "A. 133 (95 xã và 34 phường)". */
const OPTION = /^[A-D][.)]\s/u;
const OPTION_LINE = /^[*_\s]*[A-D][.)]\s/gmu;

/**
 * Whether the sentence is a choice a quiz did not mark as its answer. Quiz pages set four
 * choices under each question and the right one in bold ("**C. 129 (97 xã và 32 phường)**"):
 * the others are wrong by design, and "A. 133 (95 xã và 34 phường)" had answered "Ninh Bình
 * mới có bao nhiêu xã, phường".
 */
export function isUnchosenOption(sentence: string, passageText: string): boolean {
  if (!OPTION.test(sentence.trimStart())) return false;
  return (passageText.match(OPTION_LINE)?.length ?? 0) >= 3;
}

/** Words an article's title line has at most ("Thẩm quyền của Chủ tịch Ủy ban nhân dân"). */
const MAX_TITLE_WORDS = 14;
const ENDS_SENTENCE = /[.;:?!…]["”’)*_\s]*$/u;
const STARTS_ITEM = /^[*_\s]*(?:\d{1,2}[.)]|[a-zđ]\)|[-–•+])\s/u;

/**
 * Whether sentence `i` is the title of an article a page quotes: a short line with no end
 * mark between the announcement that opens the quotation ("Căn cứ Điều 5 Nghị định
 * 189/2025/NĐ-CP quy định ... như sau:") and the article's first item ("1. Chủ tịch Ủy ban
 * nhân dân xã ... có quyền:", or at a passage's end a title the announcement names). It
 * names what the article is about and says nothing of it;
 * repeating the question's words, it had led answers.
 */
export function isQuotedArticleTitle(spans: readonly SentenceSpan[], i: number): boolean {
  const text = spans[i]!.text.trim();
  if (text.includes("\n") || ENDS_SENTENCE.test(text) || STARTS_ITEM.test(text)) return false;
  if (text.split(/\s+/u).length > MAX_TITLE_WORDS) return false;
  const before = spans[i - 1]?.text.trim() ?? "";
  const after = spans[i + 1]?.text.trim() ?? "";
  if (!/:[*_\s]*$/u.test(before)) return false;
  // At a passage's end the item is in the next passage: the announcement names the title.
  return STARTS_ITEM.test(after) || (after === "" && foldedWords(before).includes(foldedWords(text)));
}

/** A choice a quiz did not mark, or a quoted article's title: never quoted as an answer. */
export function isUnquotable(spans: readonly SentenceSpan[], i: number, passageText: string): boolean {
  return isUnchosenOption(spans[i]!.text, passageText) || isQuotedArticleTitle(spans, i);
}
