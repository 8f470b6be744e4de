import { documentNumbersIn } from "../retrieval/document-references.js";
import { mentionsAny, type QuestionAnalysis } from "../retrieval/question-analysis.js";
import { holdsSituation } from "../retrieval/situation.js";
import { foldDiacritics } from "../text/index.js";

/*
 * Encyclopedia entries: pages titled with their subject's name ("Nguyễn Văn Nên", "Yên
 * Bái (tỉnh)", "Gạo"). Every sentence of one speaks of that subject, so it answers a
 * question about the subject and not another: a biography lists the posts its man held
 * ("Phó Bí thư thường trực Huyện ủy"), which shares the words of any question on those
 * posts. Behind a real archive (the 13,900-page crawl) such pages led the answers to
 * "thường trực huyện ủy gồm những ai", "tiêu chuẩn để được giới thiệu làm bí thư huyện
 * ủy" and "Lào có mô hình bí thư tỉnh ủy kiêm tỉnh trưởng không". Pure.
 */

/** A title this long, or shorter, may be a name (persons and places run to four syllables). */
const MAX_NAME_SYLLABLES = 4;

/** Titles that open with a document's kind are documents, not entries ("Công văn 171/CV-BCĐ", "Nghị định"). */
const DOCUMENT_KINDS =
  /^(?:cong van|nghi quyet|nghi dinh|quyet dinh|ket luan|thong tu|chi thi|ke hoach|huong dan|luat|bao cao|to trinh|thong bao|phap lenh|hien phap|quy dinh)\b/u;
/** A part of a document numbered in Roman ("Phần I", "Mục V"), not a name: "Phan" is also a surname. */
const ROMAN_PART = /\s[IVXLC]+$/u;

/** Kinds of place a question names in its own way ("TP.HCM" for "Thành phố Hồ Chí Minh"): not read as entries. */
const PLACE_KINDS = /^(?:thanh pho|thi xa|thi tran|dac khu)$/u;
/** One word in lower case: the second syllable of a kind ("phận" of "Giáo phận"). */
const LOWER_WORD = /^\p{Ll}+$/u;
/** One capitalised word: "Nguyễn", "Yên", "Y", "H'Hen". */
const CAPITALISED_WORD = /^\p{Lu}[\p{Ll}'’]*$/u;

/**
 * The subject of an encyclopedia entry, folded ("nguyen van nen", "yen bai", "gao"), or
 * undefined when the title is not a name: a sentence, a document, a heading in capitals.
 * A name of several words has every word capitalised (a person, a place); one word
 * alone may be a thing ("Gạo", "Tiền"); a kind may open it ("Giáo phận Phú Cường").
 */
export function entrySubject(title: string): string | undefined {
  // "Yên Bái (tỉnh)" and "Hải Hưng, Hải Phòng" are Yên Bái and Hải Hưng.
  const name = title
    .replace(/\s*\([^)]*\)\s*$/u, "")
    .split(",")[0]!
    .trim();
  const words = name.split(/\s+/u).filter(Boolean);
  if (ROMAN_PART.test(name)) return undefined;
  if (!words.every((word) => CAPITALISED_WORD.test(word)) || words.length > MAX_NAME_SYLLABLES) {
    // "Giáo phận Phú Cường", "Tỉnh ủy Bình Dương": a kind of two syllables and a name of two or more.
    const kindThenName =
      words.length >= 4 &&
      words.length <= MAX_NAME_SYLLABLES + 1 &&
      CAPITALISED_WORD.test(words[0]!) &&
      LOWER_WORD.test(words[1]!) &&
      words.slice(2).every((word) => CAPITALISED_WORD.test(word)) &&
      !PLACE_KINDS.test(foldDiacritics(`${words[0]} ${words[1]}`.toLowerCase()));
    if (!kindThenName) return undefined;
  }
  if (words.length === 0) return undefined;
  const folded = foldDiacritics(name.toLowerCase());
  return DOCUMENT_KINDS.test(folded) ? undefined : folded;
}

/** An entry on one term of a body: "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam khóa X" (folded). */
const TERM_ENTRY = /^(.+) kho[aá] ([ivxlc]+)$/u;

/**
 * The term of office an entry is about ("x" of "Quốc hội Việt Nam khóa X"), or undefined.
 * The crawl holds one such page for every term of the Central Committee and of the
 * National Assembly; their lists of members and meetings share the words of any question
 * on posts, and one term's members answer no question about another's.
 */
export function entryTerm(title: string): string | undefined {
  const folded = foldDiacritics(title.trim().toLowerCase());
  const match = TERM_ENTRY.exec(folded);
  if (match === null || DOCUMENT_KINDS.test(match[1]!) || /[\d?:]/u.test(match[1]!)) return undefined;
  return match[2];
}

/**
 * Whether the passages of a document with this title speak of something the question
 * does not ask about: an entry on a subject the question does not name, or on a term of
 * office it does not name ("khóa XII", "Đại hội XII" name the twelfth).
 */
export function isEntryOnAnotherSubject(question: QuestionAnalysis, title: string): boolean {
  const term = entryTerm(title);
  if (term !== undefined) return !mentionsAny(question.folded, [term]);
  const subject = entrySubject(title);
  return subject !== undefined && !mentionsAny(question.folded, [subject]);
}

/**
 * Whether a sentence of such an entry still holds what anchors the question: a document
 * it names by number ("Tổng Bí thư Tô Lâm đã ký ban hành Nghị quyết 57-NQ/TW" for "NQ 57
 * do ai ký"), or its place, year or term of office (with the entry's `title`).
 */
export function holdsQuestionAnchor(question: QuestionAnalysis, sentence: string, title = ""): boolean {
  if (question.documentNumbers.length > 0) {
    const named = documentNumbersIn(sentence);
    if (named.some((n) => question.documentNumbers.includes(n))) return true;
  }
  if (question.situation.length === 0) return false;
  if (holdsSituation(question.situation, sentence)) return true;
  // The entry's title locates what its sentence names: "... của phường Thạch Linh vào phường
  // Trần Phú" in "Trần Phú, thành phố Hà Tĩnh" is about Thạch Linh, Hà Tĩnh. The sentence
  // must name a place asked itself: the title alone anchors every sentence of its entry.
  return (
    title !== "" &&
    question.situation.some((phrase) => holdsSituation([phrase], sentence)) &&
    holdsSituation(question.situation, `${title}\n${sentence}`)
  );
}
