import { mentionsAny, type QuestionAnalysis } from "../retrieval/question-analysis.js";
import { MERGE_TARGET } from "../retrieval/question-forms.js";

/*
 * "phường X mới gồm những phường cũ nào": the former units a new one was made of. The
 * sentence that answers lists them ("gồm Phường 1, Phường 2, Phường 7 và Phường 17") and
 * never calls them "cũ", so the focus "phường cũ" is named by such a list. Pure.
 */

/** Words that say what a unit was made of (folded). */
const MADE_OF = /\b(?:gom|sap xep|sap nhap|nhap|hop nhat|thanh lap|tren co so)\b/u;
/**
 * The name a merger gives the new unit (folded): "... có tên gọi là phường An Xuyên", also
 * glued as pages copied from PDFs write it ("tên gọi làxã Đông Cuông").
 */
const NEW_NAME =
  /\b(?:ten goi la|dat ten la|thanh lap (?:xa|phuong|thi tran|tinh|huyen|dac khu)) ?(?:(?:xa|phuong|thi tran|tinh|huyen|dac khu) )?([a-z0-9]+(?: [a-z0-9]+){0,3})/u;
/** A minimum-wage region (folded): "vùng I", "vùng IV". */
const WAGE_REGION = /\bvung (?:i|ii|iii|iv|1|2|3|4)\b/u;
/** A list of the new units a merger made (folded): "gồm 12 phường mới", "các xã mới". */
const NEW_UNITS_LISTED = /\b(?:\d+|cac|nhung) (?:xa|phuong|thi tran|dac khu|tinh) moi\b/u;
/** A focus on former units: "phường cũ", "xã trước sáp nhập" (folded). */
const FORMER_UNITS = /^(xa|phuong|thi tran|huyen|quan|tinh) (?:cu|truoc day|truoc sap nhap)$/u;
/**
 * How long a sentence may be quoted whole for a question on former units: a merger names
 * the units first and the new one last ("... thành phường mới có tên gọi là phường Hai Bà
 * Trưng"), and cut to 70 words it lost the name that says which unit it made.
 */
export const MERGER_SENTENCE_WORDS = 150;

/** Whether the question asks the former units a unit was made of ("phường cũ", "xã cũ"). */
export function asksFormerUnits(question: QuestionAnalysis): boolean {
  return FORMER_UNITS.test(question.focus);
}

/**
 * Whether the sentence lists units of the kind a focus on former units asks ("gồm những
 * phường cũ nào"): "Phường 1, Phường 2, Phường 7 và Phường 17", "các phường Trần Hưng Đạo,
 * Nhị Châu", in a sentence naming the new one asked. The sentence that answers never calls
 * them "cũ".
 */
export function listsUnits(phrase: string, folded: string, question: QuestionAnalysis): boolean {
  const unit = FORMER_UNITS.exec(phrase)?.[1];
  // A table of new units ("Thuế cơ sở 9: Phường Hải Dương, Phường Lê Thanh Nghị, ...") lists
  // no former ones: the sentence must say what was made of them.
  if (unit === undefined || !MADE_OF.test(folded)) return false;
  // A minimum-wage region's wards ("vùng I Thành phố Hồ Chí Minh gồm các phường Sài Gòn, ...")
  // are what it covers, not what a ward was made of.
  if (WAGE_REGION.test(folded)) return false;
  // "... gồm 12 phường mới như sau: phường Hiệp Bình, ..." lists what was made, not of what.
  if (NEW_UNITS_LISTED.test(folded)) return false;
  // And the new unit asked: "... thành phường mới có tên gọi là phường Dương Kinh" is not Hải
  // Dương's, nor is "Phường 1 ... (thành phố Sóc Trăng) ... tên gọi là phường Phú Lợi" Sóc
  // Trăng's. The name given is read by its first two words ("xã Bác Ái (Khoản 47 ...)").
  const made = NEW_NAME.exec(folded)?.[1];
  if (made !== undefined) {
    if (!` ${question.folded} `.includes(` ${made.split(" ").slice(0, 2).join(" ")} `)) return false;
  } else if (question.situation.length > 0 && !mentionsAny(folded, question.situation)) return false;
  // Units named, not "xã mới", "những xã theo quy định": a word of their own follows the kind.
  const patterns = unitListPatterns(unit);
  const named = folded.match(patterns.named)?.length ?? 0;
  return named >= 2 || patterns.listed.test(folded);
}

/** Per kind of unit, read once: this runs on every candidate sentence of such a question. */
const listPatterns = new Map<string, { named: RegExp; listed: RegExp }>();
function unitListPatterns(unit: string): { named: RegExp; listed: RegExp } {
  let patterns = listPatterns.get(unit);
  if (patterns === undefined) {
    patterns = {
      named: new RegExp(`\\b${unit} (?!(?:${NOT_A_NAME})\\b)(?=[a-z0-9])`, "gu"),
      listed: new RegExp(`\\bcac ${unit} [a-z0-9 ]+, [a-z0-9]`, "u"),
    };
    listPatterns.set(unit, patterns);
  }
  return patterns;
}

/** Words after a unit's kind that are no name of it (folded): "xã mới", "phường theo ...". */
const NOT_A_NAME =
  "moi|cu|theo|nay|do|cua|nao|tren|thuoc|duoc|va|la|co|ma|sau|truoc|tai|o|voi|hien|khac|trong|thi|khi|nhu|de|dat|tu";

/**
 * A merger that says what the new unit is (folded): "... thành xã mới có tên gọi là xã Lùng
 * Phình", "thành lập phường Trần Phú trên cơ sở ... phường Lê Lợi".
 */
const MERGER = /\b(?:sap xep|sap nhap|nhap|hop nhat|gop|tren co so)\b/u;
const NEW_UNIT =
  /\b(?:thanh lap (?:xa|phuong|thi tran|tinh|huyen|dac khu)|thanh (?:mot )?(?:xa|phuong|thi tran|tinh|huyen|dac khu|don vi hanh chinh)(?: moi)?|ten goi la|dat ten la|vao (?:xa|phuong|thi tran|tinh|huyen|thanh pho))\b/u;

/** Whether the question asks which unit an old one was merged into. */
export function asksMergeTarget(question: QuestionAnalysis): boolean {
  return MERGE_TARGET.test(question.folded);
}

/**
 * Whether the sentence states a merger of the old unit asked into a named new one ("Sắp xếp
 * ... các xã Tả Van Chư, Lùng Phình và Lùng Thẩn thành xã mới có tên gọi là xã Lùng
 * Phình"): a list item under "được hình thành từ:" ("- Xã Lùng Thẩn (Huyện Si Ma Cai cũ)")
 * names the old unit and says nothing of where it went.
 */
export function statesMergeTarget(question: QuestionAnalysis, folded: string): boolean {
  return (
    MERGER.test(folded) &&
    NEW_UNIT.test(folded) &&
    // The old unit is named first ("xã Lùng Thẩn của huyện Si Ma Cai cũ"): a merger into
    // "xã Si Ma Cai" names the district's name, not the unit asked.
    (question.situation.length === 0 || mentionsAny(folded, question.situation.slice(0, 1)))
  );
}
