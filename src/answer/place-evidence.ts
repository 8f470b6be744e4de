import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { foldDiacritics } from "../text/index.js";
import { perQuestion } from "./per-question.js";
import { askedPlaceKind, namesPlaceOfKind } from "./place-of-kind.js";

/*
 * The evidence of "ở đâu" (answer-evidence.ts asks it): a place named with "tại" or an
 * address, a place of the kind asked ("thuộc quận nào"), new place names, the document
 * that sets a rule, or the office a file goes to.
 */

/** Whether the sentence says where, as the question asks it (`folded`: the sentence folded, lower case). */
export function holdsPlace(question: QuestionAnalysis, sentence: string, folded: string): boolean {
  // "quê ở đâu": a hometown, said as such, not where the person went on duty.
  if (ASKS_HOMETOWN.test(question.folded)) return GIVES_HOMETOWN.test(folded);
  // "thuộc quận nào": a quận named, not any other place beside the one asked about.
  const kind = askedPlaceKind(question);
  if (kind !== undefined) return namesPlaceOfKind(sentence, question, kind);
  if (question.asksNames) return namesNewPlace(sentence, question);
  // "Mẫu ... quy định ở đâu": the document and article that set it; "nộp hồ sơ ở đâu":
  // the office that takes it ("Bộ phận Một cửa", "Cơ quan quản lý căn cước của Công an huyện").
  const asked = whereAsked(question);
  if (asked.ruled && RULED_IN.test(folded)) return true;
  if (asked.done && OFFICE.test(folded)) return true;
  return PLACE.test(sentence) || SITE.test(folded);
}

/** A question asking where someone comes from (folded). */
const ASKS_HOMETOWN =
  /\b(?:que(?: quan)?|nguyen quan|sinh(?: ra)?) (?:o dau|o tinh nao|tinh nao|o xa nao|o huyen nao|o noi nao|noi nao)\b/u;
/** A hometown or birthplace stated (folded). */
const GIVES_HOMETOWN = /\b(?:que(?: quan)?|nguyen quan|sinh (?:ra )?(?:tai|o)|noi sinh)\b/u;

/** Whether "ở đâu" asks where a rule is written, or where a file goes: read once per analysis. */
const whereAsked = perQuestion(({ folded }) => ({
  ruled: ASKS_WHERE_RULED.test(folded),
  done: ASKS_WHERE_DONE.test(folded),
}));

/**
 * Where a list is published or a thing is put, named without capitals: "công khai trên trang
 * thông tin điện tử", "gắn ở cửa đi chính", "tại trụ sở Ủy ban" (folded).
 */
const SITE =
  /\b(?:tren (?:trang (?:thong tin|web|dien tu)|cong (?:thong tin|dich vu)|he thong|phan mem|ung dung|website|bao|phuong tien thong tin)|(?:o|tai) (?:cua (?:di|ra vao|chinh)|noi (?:cu tru|lam viec|dat|o)|tru so|bo phan mot cua))\b/u;

/**
 * A place: "tại"/"ở" before a capitalised name, or an address word; not "tại khoản 56
 * Điều 1", "tại Nghị quyết": where a rule is written is no place; nor is "ở Trung ương", a
 * level of government. An address word may open the sentence ("Địa điểm tái định cư được lựa
 * chọn theo thứ tự ưu tiên sau đây:").
 */
const PLACE =
  /(?:tại|ở|Tại|Ở)\s+(?!(?:điểm|khoản|điều|Điều|mục|Mục|chương|Chương|phụ lục|Phụ lục|văn bản|Nghị|Quyết|Thông|Luật|Kết luận|Kế hoạch|Công văn|Hiến pháp)\b)(?:[^\s,.]+\s+){0,2}(?!Trung ương)\p{Lu}|(?:phố|đường|ngõ|ngách)\s+\p{Lu}|[tT]rụ sở|[đĐ]ịa điểm|[đĐ]ịa chỉ/u;

/** "... quy định ở đâu", "được hướng dẫn tại đâu": where a rule is written (folded). */
const ASKS_WHERE_RULED = /\b(?:quy dinh|huong dan|ghi nhan|ban hanh|de cap) (?:o|tai) dau\b/u;
/** A document or its part as the place of a rule: "quy định tại Phụ lục II", "theo Mẫu số 06" (folded). */
const RULED_IN =
  /\b(?:tai|theo|o|kem theo)\s+(?:(?:diem|khoan|dieu|muc|chuong|phu luc|mau|mau so)\s+[a-z0-9]+|(?:nghi dinh|thong tu|luat|quyet dinh|nghi quyet|bo luat|huong dan))\b/u;
/** Where a cadre or a citizen goes to do something: "nộp hồ sơ ở đâu", "cấp lại tại đâu" (folded). */
const ASKS_WHERE_DONE =
  /\b(?:nop|lam thu tuc|thu tuc|dang ky|cap lai|cap doi|cap|nhan|kham|dieu tri|giai quyet|tiep nhan|khieu nai|to cao|khai bao|gui)\b.*\b(?:o|tai) dau\b/u;
/** An office that takes a file or does a procedure (folded). */
const OFFICE =
  /\b(?:co quan|bo phan|van phong|uy ban nhan dan|ubnd|cong an|so [a-z]+ [a-z]+|phong [a-z]+ [a-z]+|chi nhanh|trung tam|benh vien|co so kham|tram y te|toa an|vien kiem sat|chi cuc|cuc [a-z]+|ban quan ly|cong dich vu cong|dai su quan|lanh su)\b/u;

/** A run of two or more capitalised syllables: a proper name ("Tiên Cường", "Xã Trung Chải"). */
const NAME_RUN = /\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)+/gu;
/** Making a unit of others, or what it is made of (folded). */
export const MAKING_WORDS =
  /\b(?:lap|thanh lap|sap nhap|sap xep|nhap|hop nhat|gop|hinh thanh|tren co so|gom|bao gom)\b/u;

/** Capitalised syllables of bodies, acts and kinds of place, which alone name no place. */
const NOT_PLACE_NAME = new Set(
  "ủy uỷ ban quốc hội chính phủ thường vụ trung ương bộ đảng nhà nước nhân dân thủ tướng đồng mặt trận tổ việt nam cộng hòa hoà xã chủ nghĩa nghị quyết định luật thông tư điều khoản chương tỉnh thành phố huyện quận phường thị trấn thôn ấp sở ngày tháng năm theo căn cứ đối với tại trên dưới đây cụ thể như vậy".split(
    " ",
  ),
);

/**
 * Whether the sentence names a place the question does not: "các xã Đại Thắng, Tiên
 * Cường và Tự Cường" answers "xã Quyết Thắng gồm những xã nào"; "Xã Quyết Thắng mới
 * của Hải Phòng được sáp nhập từ những xã theo ..." only says the question again.
 */
export function namesNewPlace(sentence: string, question: QuestionAnalysis): boolean {
  for (const match of sentence.normalize("NFC").matchAll(NAME_RUN)) {
    const syllables = match[0].split(/\s+/u);
    const own = syllables.filter((syllable) => !NOT_PLACE_NAME.has(syllable.toLowerCase()));
    if (own.length === 0) continue;
    const name = foldDiacritics(own.join(" ").toLowerCase());
    // The question's places as its situation reads them too: "TPHCM" is "Hồ Chí Minh".
    if (!question.folded.includes(name) && !question.situation.some((place) => place.includes(name)))
      return true;
  }
  return false;
}
