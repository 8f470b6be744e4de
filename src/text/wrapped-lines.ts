/**
 * Text copied from a PDF or a narrow page keeps its hard line breaks inside sentences
 * ("Một chức danh lãnh đạo, quản\nlý quy hoạch không quá 03 cán bộ."). Whether a line goes
 * on into the next one: it does not end a sentence, an announcement or a clause, and the
 * next opens with a lower-case word, or the line itself stops on a word no sentence ends
 * with ("... Phó Giám đốc Sở Nội vụ do\nChủ tịch Ủy ban nhân dân tỉnh quyết định").
 * Shared by the chunker (a passage never ends inside a sentence) and the answer's
 * sentences (one is quoted whole). Trimmed lines in.
 */
export function continuesInto(line: string, next: string): boolean {
  if (ENDS_SENTENCE.test(line)) return false;
  return (
    opensLowerCase(next) || OPENS_A_PHRASE.test(line) || (BEFORE_A_NUMBER.test(line) && /^\d/u.test(next))
  );
}

/** A line that opens with a lower-case word (after emphasis marks, or "(ba)"). */
export function opensLowerCase(line: string): boolean {
  return CONTINUES.test(line);
}

/**
 * A line that ends a sentence, an announcement or a clause of a list. A closing quote ends
 * one only after its stop ("... “Sở Nội vụ”." or ".”"): "5. Thay thế cụm từ “Ban Dân
 * tộc”\nthành “Sở Nội vụ” tại Phụ lục I" goes on, and cut there neither passage said what
 * replaced what.
 */
const ENDS_SENTENCE = /[.!?:;…][*_"”’)\]]*$|[)\]*]$/u;
const CONTINUES = /^[*_(]*\p{Ll}/u;
/**
 * Words no sentence or title ends with, lower case as written; not "tự do", "lý do" (a
 * heading's "Độc lập - Tự do"), nor words that do end some ("đạt được", "nêu trên",
 * "thời gian tới", "kèm theo").
 */
/** "Quyết định số\n06/2021/QĐ-UBND", "ngày\n22 tháng 01": a word a number completes. */
const BEFORE_A_NUMBER = /(?:^|\s)(?:số|ngày|tháng|năm|[Đđ]iều|[Kk]hoản|điểm)$/u;
const OPENS_A_PHRASE =
  /(?:^|[\s(])(?:(?<!(?:[Tt]ự|[Ll]ý) )do|của|và|các|những|với|bởi|tại|để|từ|thì|mà|hoặc|nếu|đối|gồm)$/u;
