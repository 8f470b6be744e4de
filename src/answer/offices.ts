import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { cachedRegExp, escapeRegExp, foldDiacritics, foldNfc, wordBoundedMatches } from "../text/index.js";
import { expandedQuestion, expandedWords } from "./asked-post.js";

/*
 * Offices and bodies as documents name them: the agent of an act a "who" question asks,
 * and the body whose members a count counts. Pure.
 */

/**
 * Offices and bodies that sign, appoint, decide or are tasked ("Giao Đảng ủy các cơ quan
 * Đảng Trung ương lãnh đạo ...", "Giao Ban Tổ chức Trung ương chủ trì ..."); a ministry
 * or department with its name.
 */
export const OFFICES =
  /(?:(?:Phó|[Cc]ấp phó của) (?:Chủ tịch|Giám đốc|Bí thư|Thủ tướng|Trưởng [Bb]an|Chánh|Trưởng|người đứng đầu)|[Cc]ấp phó|Chủ tịch|Bộ trưởng|Thủ tướng|Giám đốc|Trưởng [Bb]an|Bí thư|Tổng Bí thư|Chánh|Trưởng|Ủy ban|Uỷ ban|Hội đồng|Chính phủ|Quốc hội|Bộ Chính trị|Ban Bí thư|Ban Chấp hành|Ban Thường vụ|Ban Chỉ đạo|Bộ Nội vụ|Người đứng đầu|người đứng đầu|cơ quan có thẩm quyền|cấp có thẩm quyền|Đảng ủy|Đảng uỷ|Đảng đoàn|Ban cán sự|Ban (?:Tổ chức|Tuyên giáo|Dân vận|Kinh tế|Nội chính|Đối ngoại|Chính sách)|Văn phòng Trung ương|Tỉnh ủy|Thành ủy|Huyện ủy|Mặt trận Tổ quốc|(?:Bộ|Sở|Cục|Tổng cục) \p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*)?)/gu;
/**
 * Whether the text names an office the question does not: "do Chủ tịch Ủy ban nhân dân
 * cấp tỉnh bổ nhiệm" answers "Giám đốc sở do ai bổ nhiệm?"; "Chủ tịch" in a sentence
 * answering "Ai là Chủ tịch ...?" only repeats it.
 */
export function namesOtherOffice(text: string, foldedQuestion: string): boolean {
  for (const match of text.matchAll(OFFICES)) {
    const office = foldDiacritics(match[0].toLowerCase());
    if (!foldedQuestion.includes(office)) return true;
  }
  return false;
}

/**
 * Whether every count of the unit asked in the sentence counts another body's ("19 ủy
 * viên Bộ Chính trị, 3 ủy viên Ban Bí thư" when the Ban Chấp hành's members are asked):
 * the unit is followed by the name of a body or office the question does not name.
 */
export function countsAnotherBodys(question: QuestionAnalysis, sentence: string): boolean {
  if (question.unit === "") return false;
  const unit = question.unit.split(" ").map(escapeRegExp).join("\\s+");
  // Built per unit asked, so without letter classes: the count stands as words when no
  // letter or digit touches it (wordBoundedMatches).
  const counts = cachedRegExp(`\\d+(?:[.,]\\d+)*\\s+${unit}`, "giu");
  const nfc = sentence.normalize("NFC");
  const folded = foldedWithCase(nfc);
  const asked = expandedQuestion(question);
  let another = false;
  for (const { end } of wordBoundedMatches(folded, counts)) {
    const after = nfc.slice(end).replace(LEADING_BLANKS, "");
    const body = OFFICE_AT_START.exec(after)?.[0];
    if (
      body === undefined ||
      asked.includes(` ${expandedWords(foldDiacritics(body.toLowerCase())).join(" ")} `)
    )
      return false;
    another = true;
  }
  return another;
}
/** The sentence (NFC) folded with its case kept, offset for offset (to match a folded unit). */
function foldedWithCase(nfc: string): string {
  const folded = foldNfc(nfc);
  return folded.length === nfc.length ? folded : nfc;
}
/** The spaces and tabs between a count's unit and the body it may name. */
const LEADING_BLANKS = /^[ \t]*/u;
const OFFICE_AT_START = new RegExp(`^(?:${OFFICES.source})`, "u");
