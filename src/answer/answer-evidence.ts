import { DURATION_UNIT, PERCENT_UNIT } from "../retrieval/counted-unit.js";
import { FORM_NUMBER } from "../retrieval/document-references.js";
import { askedMoneyKind, namesOtherMoneyKind } from "../retrieval/money-kind.js";
import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { firstMention, mentionsAny } from "../retrieval/question-analysis.js";
import { ASKS_FORM_NUMBER, ASKS_PHONE, asksPhoneNumber } from "../retrieval/question-forms.js";
import { cachedRegExp, escapeRegExp, foldDiacritics } from "../text/index.js";
import { asksOrPoints } from "./answer-sentences.js";
import { expandedQuestion, expandedWords } from "./asked-post.js";
import { definedTerm, definesTerm } from "./definition-evidence.js";
import { asksMergeTarget, listsUnits, statesMergeTarget } from "./former-units.js";
import { asksNamingReason, givesNamingReason } from "./naming-reason.js";
import { countsAnotherBodys } from "./offices.js";
import { perQuestion } from "./per-question.js";
import { givesReason } from "./reason-evidence.js";
import { countsUnit, MONEY_UNIT } from "./unit-count.js";

export { asksDefinition } from "./definition-evidence.js";

import { asksEventDate, asksIssueDate, givesIssueDate, withoutDocumentDates } from "./document-dates.js";
import { holdsPlace, MAKING_WORDS, namesNewPlace } from "./place-evidence.js";
import {
  asksDocumentNumber,
  asksWhichDocument,
  givesDocumentNumber,
  namesAnotherDocument,
  withoutCitedDocumentDates,
} from "./reference-only.js";
import { namesWho, whoDetail } from "./who-evidence.js";
import { namesPredicate, yesNoPredicate } from "./yes-no-predicate.js";

export { holdsSituation } from "../retrieval/situation.js";
export { asksPerson } from "./who-evidence.js";

/**
 * Whether a sentence holds the kind of evidence its question asks for: a person or an
 * office beside a verb of signing or appointing ("ai"), a date ("khi nào"), a number with
 * what it counts ("bao nhiêu"), a reason ("tại sao"), a list ("những gì"). The answer
 * stage lets only such a sentence, or one naming the question's focus, lead an answer:
 * a sentence that merely restates the question's situation shares its words but does
 * not answer it. `folded`: the sentence folded and lower case (computed once by the caller).
 */
export function holdsEvidence(question: QuestionAnalysis, sentence: string, folded: string): boolean {
  // A page's own question heading or a link to another page asks; it answers nothing.
  if (asksItself(sentence, folded)) return false;
  // "xã Lùng Thẩn giờ nhập vào xã nào": whatever its question word, the merger answers.
  if (asksMergeTarget(question)) return statesMergeTarget(question, folded);
  switch (question.type) {
    case "ai":
      return namesWho(question, sentence, folded);
    case "khi_nao":
      return holdsTime(question, sentence, folded);
    case "bao_nhieu":
      // "... là văn bản số mấy" asks a document's number; "số điện thoại ... là bao nhiêu"
      // a number to call: no count is either.
      if (asksDocumentNumber(question.folded)) return givesDocumentNumber(sentence);
      // "dùng mẫu số mấy": a form's number ("Mẫu số 03/QTDA"), no count and no telephone.
      if (ASKS_FORM_NUMBER.test(question.folded)) return FORM_NUMBER.test(folded);
      // "xã An Lão do Thuế cơ sở mấy quản lý": which numbered unit, by its number.
      if (labelAsked(question) !== undefined) return namesLabel(labelAsked(question)!, folded);
      if (asksNumberToCall(question)) return PHONE.test(sentence) && !phoneOfAnotherBody(question, sentence);
      // "phụ cấp thu hút bao nhiêu": another allowance's amount on the same page is no answer.
      if (!namesMoneyKindAsked(question, folded)) return false;
      if (statesStandardInstead(question, folded)) return false;
      // "bao nhiêu % tổng mức đầu tư": a share of something else ("7% vốn điều lệ") is no answer.
      if (question.unit === PERCENT_UNIT && !namesShareBase(question, folded)) return false;
      // "tinh gọn bộ máy tiết kiệm được bao nhiêu": with no unit, the number is what the
      // act asked yields; a sentence not naming the act counts something else ("có 3 cấp").
      if (!namesAmountAct(question, folded)) return false;
      // "Có bao nhiêu hình thức ...": a list of them ("các hình thức ... bao gồm:") counts them.
      if (listsUnitsCounted(question.unit, folded)) return true;
      return countsUnit(sentence, folded, question.unit) && !countsAnotherBodys(question, sentence);
    case "o_dau":
      return holdsPlace(question, sentence, folded);
    case "tai_sao":
      // "vì sao đặt tên là Thành Đông": where that name comes from, not another reason.
      if (asksNamingReason(question)) return givesNamingReason(question, folded);
      return givesReason(question, sentence, folded);
    case "la_gi": {
      const term = definedTerm(question);
      return term !== undefined ? definesTerm(term, folded) : DEFINITION.test(folded);
    }
    case "nhung_gi":
      if (!question.asksNames) return LIST.test(sentence);
      // "được lập từ những xã nào": the units it was made of are named where it was made
      // (a merger, a composition), not in any list that names other places beside it.
      if (MAKING_WORDS.test(question.folded) && !MAKING_WORDS.test(folded)) return false;
      return namesNewPlace(sentence, question);
    case "co_khong": {
      // The act asked ("có được kiêm ... không"), when the question names one.
      const predicate = yesNoPredicate(question.folded);
      // "có được nhận trợ cấp thất nghiệp không" is not answered by another allowance's rule.
      return (
        MODAL.test(folded) &&
        (predicate === undefined || namesPredicate(predicate, folded)) &&
        namesMoneyKindAsked(question, folded)
      );
    }
    case "so_sanh":
      return COMPARISON.test(folded);
    case "nhu_the_nao":
      // "đặt tên tỉnh mới phải ntn": what must be done is a requirement ("phải có tính kế thừa").
      return ASKS_REQUIREMENT.test(question.folded) && REQUIREMENT.test(folded);
    default:
      // "... để thực hiện kết luận nào": another document, by its number.
      return asksWhichDocument(question) && namesAnotherDocument(question, sentence);
  }
}

/**
 * The act a unit-less "bao nhiêu" asks the amount of: the two words before it, less the
 * words that only lead to the number ("tiết kiệm được bao nhiêu" → "tiet kiem"); undefined
 * when the question names a unit, or nothing is left (folded).
 */
const amountActAsked = perQuestion((question): string | undefined => {
  if (question.unit !== "") return undefined;
  const match =
    /(?:^| )([a-z]+) ([a-z]+)(?: (?:duoc|la|co|mat|con|het|khoang|toi da|toi thieu))* bao nhieu\b/u.exec(
      question.folded,
    );
  if (!match) return undefined;
  const act = `${match[1]} ${match[2]}`;
  return AMOUNT_ACTS.has(act) ? act : undefined;
});
/**
 * Acts whose amount a unit-less "bao nhiêu" asks, and whose sentences name them: savings,
 * spending, cuts (folded). Other words before "bao nhiêu" are the thing counted, read as
 * its unit, or say too little ("có", "là").
 */
const AMOUNT_ACTS = new Set([
  "tiet kiem",
  "chi tra",
  "dau tu",
  "bo tri",
  "ho tro",
  "tang them",
  "cat giam",
  "tinh gian",
]);

/** Whether the sentence names the act a unit-less "bao nhiêu" asks the amount of. */
function namesAmountAct(question: QuestionAnalysis, folded: string): boolean {
  const act = amountActAsked(question);
  return act === undefined || folded.includes(act);
}

/** A "how" question asking what must be done: "phải như thế nào", "yêu cầu ra sao" (folded). */
const ASKS_REQUIREMENT = /\b(?:phai|yeu cau|can)(?: [a-z]+){0,2} (?:nhu the nao|the nao|ra sao|nhu nao)\b/u;
/** A requirement stated (folded): "phải", "bắt buộc", "cần phải". */
const REQUIREMENT = /\b(?:phai|bat buoc|yeu cau)\b/u;

/**
 * Whether "bao nhiêu" asks a number to call: "số điện thoại ... là bao nhiêu", "đường dây
 * nóng số mấy". A telephone the question only names is no number asked: "Gọi điện thoại
 * lừa đảo ... bị phạt tiền bao nhiêu?" counts money, "dùng điện thoại ... phạt bao nhiêu
 * tiền" too (two crawl answers of fines were read as lacking a phone number).
 */
const asksNumberToCall = perQuestion(
  (question) => asksPhoneNumber(question.folded) && (question.unit === "" || ASKS_PHONE.test(question.unit)),
);

/**
 * Whether a sentence is a question or a link to another page rather than a statement:
 * "Mức lương cơ sở năm 2025 là bao nhiêu?", ">> Nghị định 73 thưởng Tết 2026 bao nhiêu
 * phần trăm". Legal question-and-answer pages set such headings and links beside their
 * answers, in the words of the question they answer.
 */
export function asksItself(sentence: string, folded: string): boolean {
  return asksOrPoints(sentence) || /\bbao nhieu\b/u.test(folded);
}

/**
 * Whether the sentence may speak of the kind of money the question names ("thất nghiệp"
 * of "trợ cấp thất nghiệp"): not when it names the same money of another kind only.
 * Pages of allowances set several side by side, each with its amount and "được hưởng".
 */
function namesMoneyKindAsked(question: QuestionAnalysis, folded: string): boolean {
  // Most questions name no kind of money: the sentence is not split for them.
  const asked = askedMoneyKind(question.folded.split(" "));
  return asked === undefined || !namesOtherMoneyKind(asked, folded.split(/[^a-z0-9]+/));
}

/** A question asking what a rule allows or requires, not what a place has (folded). */
const ASKS_STANDARD =
  /\b(?:toi da|toi thieu|khong qua|bo tri|quy dinh|tieu chuan|dieu kien|dinh muc|muc|phai|can|duoc phep)\b/u;
/** A standard: a least or a most that something must meet (folded). */
const THRESHOLD = /\b(?:tro len|khong qua|toi da|toi thieu|khong duoi|khong it hon)\b/u;

/**
 * "Xã Xuân Ái có dân số bao nhiêu người?" asks a fact of the place it names; a standard
 * every ward must meet ("... có quy mô dân số đạt từ 15.000 người trở lên"), on a page
 * about that commune but not naming it, is not that fact.
 */
function statesStandardInstead(question: QuestionAnalysis, folded: string): boolean {
  if (question.situation.length === 0 || ASKS_STANDARD.test(question.folded)) return false;
  return THRESHOLD.test(folded) && !question.situation.some((place) => folded.includes(place));
}

/**
 * Whether a clause of a long sentence holds the asked-for detail on its own (a name or an
 * office for "ai", a date, a count): trimming keeps that clause ("đồng chí Lê Minh Hưng, ...").
 */
export function clauseHoldsDetail(question: QuestionAnalysis, clause: string, folded: string): number {
  switch (question.type) {
    case "ai":
      return whoDetail(question, clause, folded);
    case "khi_nao":
      return holdsTime(question, clause, folded) ? 1 : 0;
    case "bao_nhieu":
      if (asksNumberToCall(question)) return PHONE.test(clause) ? 1 : 0;
      if (labelAsked(question) !== undefined) return namesLabel(labelAsked(question)!, folded) ? 1 : 0;
      return countsUnit(clause, folded, question.unit) ? 1 : 0;
    case "tai_sao":
      return givesReason(question, clause, folded) ? 1 : 0;
    default:
      return 0;
  }
}

/**
 * How many of the focus's names the sentence uses (0 when none): a sentence on the
 * difficulties says "khó khăn, vướng mắc"; one that only mentions "khắc phục khó khăn"
 * in passing names one.
 */
export function namesFocus(question: QuestionAnalysis, folded: string): number {
  if (question.focusPhrases.length === 0) return 0;
  // A listing writes a phrase with a comma inside: "34 tỉnh, thành phố" names "tỉnh thành".
  // (Folded text is plain a-z: no Unicode classes needed; this runs on every candidate.)
  let listed = folded.includes(", ") ? folded.replace(LISTING_COMMA, "$1 ") : folded;
  // "không phải thực hiện ..." says what is not required: no condition named.
  if (listed.includes("khong phai")) listed = listed.replaceAll("khong phai", "khong");
  let count = 0;
  for (const phrase of question.focusPhrases)
    if (mentionsAny(listed, [phrase]) || listsUnits(phrase, folded, question)) count++;
  return count;
}
const LISTING_COMMA = /([a-z]), (?=[a-z])/g;

/** A date or a point in time (folded): also an hour ("12h00") and a weekly day ("thứ sáu hằng tuần"). */
const DATE =
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\bngay \d{1,2}\b|\bthang \d{1,2}\b|\bnam (?:1[0-9]|20)\d{2}\b|\b(?:19|20)\d{2}\b|\bquy (?:i|ii|iii|iv|[1-4])\b|\bcham nhat\b|\btruoc ngay\b|\btu ngay\b|\bke tu\b|\bden het\b|\b\d{1,2}h(?:\d{2})?\b|\bthu (?:hai|ba|tu|nam|sau|bay) hang tuan\b/u;
/** Whether a "khi nào" question asks how long ("bao lâu", "thời hạn"), which a span of time answers. */
function asksDuration(question: QuestionAnalysis): boolean {
  return /\b(?:bao lau|thoi han|trong bao|may (?:nam|thang|ngay|tuan))\b/u.test(question.folded);
}

/**
 * Whether the sentence holds the time asked: a day for "ngày nào" ("ngày 26/1/2016", not
 * "nhiệm kỳ 2020-2025"), a span for "bao lâu", any point in time otherwise.
 */
function holdsTime(question: QuestionAnalysis, sentence: string, folded: string): boolean {
  // "từ ngày nào đến ngày nào" asks a span ("04-11/10/2017"); "phải hoàn thành khi nào"
  // a deadline ("trước ngày 30/4/2025"), not the day the plan was issued.
  if (ASKS_RANGE.test(question.folded)) return RANGE.test(folded);
  // "Khi nào thì triệu tập Đại hội bất thường?" asks when, and is answered as often by the
  // condition ("khi Ban Chấp hành Trung ương thấy cần") as by a date.
  if (CONDITION.test(folded) && asksCircumstances(question)) return true;
  if (ASKS_DEADLINE.test(question.folded) && DEADLINE.test(folded)) return true;
  if (ASKS_DEADLINE.test(question.folded) && !asksDuration(question)) return false;
  if (asksDuration(question) && countsUnit(sentence, folded, DURATION_UNIT)) return true;
  // "mất bao lâu" asks a span: a year or a date is none ("mẫu đơn ly hôn 2025" for how long
  // a divorce takes); a term ("thời hạn") may be given by the day it ends.
  if (asksDuration(question) && !ASKS_TERM.test(question.folded)) return false;
  // The date of a document the sentence cites is not the date asked of another one, and the
  // day a document was issued does not date the election it guides.
  const own = withoutCitedDocumentDates(question.documentNumbers, folded, sentence);
  // "KL 127 ký ngày nào": the day it was signed or adopted, not a deadline it sets.
  if (asksIssueDate(question)) return givesIssueDate(own);
  const dated = asksEventDate(question) ? withoutDocumentDates(own) : own;
  if (ASKS_DAY.test(question.folded)) return DAY.test(dated);
  return DATE.test(dated);
}

/** Whether the sentence names what the share asked is of (see `shareBase`); true when nothing is named. */
function namesShareBase(question: QuestionAnalysis, folded: string): boolean {
  return question.shareBase === "" || mentionsAny(folded, [question.shareBase]);
}
/**
 * Whether a sentence announces a list of the units a question counts: "các hình thức phát
 * triển nhà ở xã hội bao gồm:", "quy trình gồm các bước sau:" (folded). The list that
 * follows it (quoted with it) is the count. Not money, a share or a span of time, which a
 * list does not count.
 */
function listsUnitsCounted(unit: string, folded: string): boolean {
  if (unit === "" || MONEY_UNIT.test(unit) || unit === PERCENT_UNIT || unit === DURATION_UNIT) return false;
  if (!/:\s*$/u.test(folded)) return false;
  return cachedRegExp(
    `\\b(?:cac|nhung)\\s+${unit.split(" ").map(escapeRegExp).join("\\s+")}\\b[^:]{0,160}\\b(?:bao gom|gom|nhu sau|sau day|sau)\\s*:\\s*$`,
    "u",
  ).test(folded);
}

/** A question asking a term, which a date may end (folded). */
const ASKS_TERM = /\bthoi han\b/u;
/** A telephone number: "0238 3844 123", "024.3825.1234", "1900 1234", "0912345678". */
const PHONE =
  /(?<![\d/])(?:0\d{2,3}[\s.-]?\d{3,4}[\s.-]?\d{3,4}|1900[\s.-]?\d{4}|1800[\s.-]?\d{4})(?![\d/])/u;
/**
 * The bodies a number to call is labelled with ("Đường dây nóng Phòng An ninh mạng ...:
 * 069..."), in the words before it.
 */
const PHONE_LABEL =
  /(?:Phòng|Công an|Trung tâm|Sở|Bộ|Cục|Chi cục|Tổng cục|Văn phòng|Ủy ban|Uỷ ban|UBND|Bảo hiểm xã hội|Cổng|Tòa án|Viện)(?:\s+\p{Lu}[\p{L}-]*)+/gu;

/**
 * Whether the number to call belongs to a body the question does not name: "BNV có đường
 * dây nóng nào" is not answered by the cyber-police's line on another page.
 */
function phoneOfAnotherBody(question: QuestionAnalysis, sentence: string): boolean {
  const at = PHONE.exec(sentence)?.index ?? 0;
  const asked = expandedQuestion(question);
  let another = false;
  for (const match of sentence.slice(0, at).matchAll(PHONE_LABEL)) {
    const body = expandedWords(foldDiacritics(match[0].toLowerCase())).join(" ");
    if (asked.includes(` ${body} `)) return false;
    another = true;
  }
  return another;
}

/** A question asking from when to when (folded). */
const ASKS_RANGE = /\btu (?:ngay|thang|nam|khi|luc) nao den (?:ngay|thang|nam|khi|luc) nao\b/u;
/** Two days, or days of one month: "04-11/10/2017", "16/4/2025 - 31/10/2025", "từ ngày 4 ... đến ngày 11" (folded). */
const RANGE =
  /\b\d{1,2}(?:\/\d{1,2}(?:\/\d{2,4})?)?\s*[-–]\s*\d{1,2}\/\d{1,2}\b|\btu ngay \d{1,2}\b.*\bden ngay \d{1,2}\b|\btu \d{1,2}\/\d{1,2}\b.*\bden(?: ngay)? \d{1,2}\/\d{1,2}\b/u;
/**
 * "Khi nào thì ...", "Khi nào phải xét nghiệm nồng độ cồn?", "Khi nào được ...": a time
 * or the circumstances in which something must or may happen (folded).
 */
const ASKS_CONDITION = /\bkhi nao thi\b|^khi nao (?:(?:thi|moi|nguoi [a-z]+) )?(?:phai|duoc|bi|can)\b/u;
/**
 * A rule's "khi nào" put another way: "Khi nào công chức được lùi thời điểm nghỉ hưu?",
 * "Hóa đơn ... được sử dụng khi nào?", "Thời điểm lập hóa đơn ... là khi nào?". A law
 * answers them with the circumstances ("khi bán, chuyển nhượng ...", "sau khi đã hoàn
 * thành việc chấm thi", "là thời điểm chuyển giao quyền sở hữu"), seldom with a date.
 * "được" before an event ("được thành lập", "được tổ chức", "được ban hành") asks its date.
 */
const EVENT_VERB =
  "thanh lap|to chuc|ban hanh|cong bo|sap nhap|khoi cong|khanh thanh|hoan thanh|bau|thong qua|ky|phe duyet|dua vao|xay dung|khai truong|chia tach|hop nhat|sua doi|trien khai|ap dung tu";
const ASKS_RULE_TIME = new RegExp(
  `\\b(?:phai|can|bi)\\b.*\\bkhi nao\\b|\\bkhi nao\\b.*\\b(?:phai|can|bi)\\b|\\bthoi diem\\b.*\\b(?:la|duoc tinh(?: tu)?) khi nao\\b|\\bduoc (?!(?:${EVENT_VERB})\\b)[a-z]+\\b.*\\bkhi nao\\b|\\bkhi nao\\b.*\\bduoc (?!(?:${EVENT_VERB})\\b)[a-z]+\\b`,
  "u",
);
/** Whether a "khi nào" question asks a rule's circumstances, read once per analysis. */
const asksCircumstances = perQuestion(
  ({ folded }) => ASKS_CONDITION.test(folded) || ASKS_RULE_TIME.test(folded),
);
/** A condition: "khi ... thấy cần", "nếu ...", "trường hợp ...", "các trường hợp sau" (folded). */
const CONDITION =
  /\b(?:khi|neu|trong truong hop|cac truong hop sau|truong hop [a-z]+ (?:co|bi|duoc|khong)|la thoi diem)\b/u;
/** A question asking by when something must be done (folded). */
const ASKS_DEADLINE =
  /\b(?:hoan thanh|xong|thoi han|han chot|han cuoi|cham nhat|truoc thoi diem|truoc (?:ngay|thang|nam) (?:nao|may))\b/u;
/**
 * A deadline: "trước ngày 30/4/2025", "chậm nhất", "hoàn thành trong quý II"; or the day a
 * work is expected done: "dự kiến vào năm 2028", "hoàn thành, đưa vào khai thác năm 2026",
 * "thông xe vào tháng 12/2025" (folded).
 */
const DEADLINE =
  /\b(?:truoc ngay|truoc thoi diem|cham nhat|truoc \d{1,2}\/\d{1,2}|hoan thanh (?:trong|truoc)|xong (?:trong|truoc)|han chot|den het ngay|trong (?:thang|quy|nam) \d|trong (?:quy) (?:i|ii|iii|iv))\b|\b(?:du kien|hoan thanh|xong|khanh thanh|thong xe|dua vao (?:khai thac|su dung|van hanh))\b[^.;]{0,30}?\b(?:vao |trong |den |cuoi |dau |giua )?(?:ngay|thang|quy|nam) (?:\d+|i|ii|iii|iv)\b/u;
/** "ngày nào", "từ ngày nào": a day, not a year, answers. */
const ASKS_DAY = /\bngay nao\b/u;
/**
 * A day: "26/1/2016", "ngày 26", "04-11/10/2017", a deadline by day, or the day of an act
 * ("kể từ ngày ký ban hành"). Not "kể từ ngày quyết định ... có hiệu lực" or "chậm nhất là
 * 05 năm", which date from another event.
 */
const DAY =
  /\b\d{1,2}(?:-\d{1,2})?\/\d{1,2}(?:\/\d{2,4})?\b|\bngay \d{1,2}\b|\btruoc ngay\b|\btu ngay (?:ky|ban hanh|thong qua|cong bo|\d)/u;
/**
 * A unit, a body or an article asked by its number: "Thuế cơ sở mấy", "khu vực mấy",
 * "điều mấy" (folded). Answered by that kind with a number ("Thuế cơ sở 5"), not a count;
 * "mỗi phường mấy nhân viên" counts per unit, and "mức bao nhiêu" is an amount.
 */
const ASKS_LABEL =
  /(?<!\b(?:moi|cac|mot|nhung) )\b(thue co so|khu vuc|quan khu|su doan|quan|phuong|to dan pho|khu pho|vung|dieu|khoan|chuong) (?:so (?:may|bao nhieu)|may)\b/u;

/** The kind whose number is asked, read once per analysis; undefined when none is. */
const labelAsked = perQuestion(({ folded }) => ASKS_LABEL.exec(folded)?.[1]);

/** Whether the folded sentence names the kind by a number ("thue co so 5", "dieu 12"). */
function namesLabel(kind: string, folded: string): boolean {
  return cachedRegExp(`\\b${kind} (?:so )?\\d{1,3}\\b`, "u").test(folded);
}

/** A definition or a composition (folded). */
const DEFINITION = /\b(?:la|duoc hieu|gom|bao gom|nghia la)\b/u;

/** A list: announced, enumerated or semicolon-separated. */
const LIST = /:\s*\S|;\s*\S.*;|\b(?:gồm|bao gồm)\b|(?:^|\s)(?:[a-zđ]\)|\d{1,2}[.)])\s/u;
/** What is allowed, required or forbidden (folded). */
const MODAL =
  /\b(?:duoc|khong duoc|phai|khong phai|co the|chi|tru|nghiem cam|cho phep|khong|bat buoc|can|co)\b/u;
/** A comparison (folded). */
const COMPARISON = /\b(?:hon|so voi|khac|giam|tang|thay vi|truoc day|con)\b/u;

/** How many names of the focus's opposite the sentence uses ("khó khăn" when benefits are asked). */
export function namesOpposite(question: QuestionAnalysis, folded: string): number {
  // "Bên cạnh những thuận lợi đó, ... còn gặp một số khó khăn": the other side named
  // first and set aside, the sentence is about the focus; only the other side named after
  // the focus ("khó khăn ... đã tạo thuận lợi") turns it.
  let focusAt = Number.POSITIVE_INFINITY;
  for (const phrase of question.focusPhrases) {
    const at = firstMention(folded, phrase);
    if (at >= 0) focusAt = Math.min(focusAt, at);
  }
  let count = 0;
  for (const phrase of question.opposingPhrases) {
    const at = firstMention(folded, phrase);
    // With no focus named, every name of the other side counts, as it always did.
    if (at >= 0 && (focusAt === Number.POSITIVE_INFINITY || at > focusAt)) count++;
  }
  return count;
}
