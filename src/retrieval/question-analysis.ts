import { expandShorthands, foldDiacritics, hasVietnameseDiacritics } from "../text/index.js";
import {
  asksRank,
  clauseEnds,
  countedUnit,
  DURATION_UNIT,
  FOCUS_STOP,
  MONEY_UNIT,
  PERCENT_UNIT,
  shareBase,
} from "./counted-unit.js";
import { documentNumbersIn } from "./document-references.js";
import { aliasesOf } from "./focus-aliases.js";
import { mentionsAny } from "./mentions.js";
import { moneyKind } from "./money-kind.js";
import { procedureObject } from "./procedure-object.js";
import { questionFocus } from "./question-focus.js";
import {
  ASKS_MADE_FROM,
  ASKS_NAMING,
  ASKS_REGION,
  articleAsked,
  asksPhoneNumber,
  formerUnitsAsked,
  MERGE_TARGET,
  MERGED_UNIT,
  quotedPhrase,
} from "./question-forms.js";
import { situationOf } from "./question-situation.js";

// What is counted is read in counted-unit.ts; its units are named from here too.
export { MONEY_UNIT, PERCENT_UNIT } from "./counted-unit.js";
// Whole-word matching of folded text, used with every analysis.
export { firstMention, mentionsAny } from "./mentions.js";

/**
 * What kind of answer a question asks for. The answer stage looks, in the passages, for
 * a sentence holding that kind of evidence: a person or office beside a verb of signing
 * or appointing for "ai", a date for "khi_nao", a number with its unit for "bao_nhieu".
 */
export type QuestionType =
  | "ai"
  | "khi_nao"
  | "bao_nhieu"
  | "o_dau"
  | "tai_sao"
  | "nhu_the_nao"
  | "la_gi"
  | "nhung_gi"
  | "co_khong"
  | "so_sanh"
  | "khac";

/** A question read for what it asks: its type, its focus and the focus's other names. */
export interface QuestionAnalysis {
  type: QuestionType;
  /** The noun phrase asked for ("khó khăn", "đầu mối", "người ký"), lower case; "" when none. */
  focus: string;
  /**
   * The focus and the words documents use for it, folded, space-separated ("kho khan",
   * "vuong mac", "han che"): a sentence that names one of them speaks of what is asked.
   */
  focusPhrases: string[];
  /**
   * Names of the focus's opposite ("khó khăn" when "lợi ích" is asked): a report's
   * "bên cạnh những thuận lợi đó, ... còn gặp khó khăn" speaks of the other side.
   */
  opposingPhrases: string[];
  /** For "bao_nhieu": what is counted ("tinh", "dau moi"), folded; "" when not said. */
  unit: string;
  /** The question folded, lower case, words joined by single spaces. */
  folded: string;
  /**
   * What the question is about that a passage must speak of to answer it, folded: a
   * place or person named with capitals ("con dao", "nghe an"), a year ("2019"), a term
   * of office ("khoa xvi"). Document numbers are not here: retrieval finds the named
   * document itself.
   */
  situation: string[];
  /**
   * The numbers of the documents the question names ("121" of "Kết luận 121-KL/TW", "67"
   * of "NĐ 67"): when the store holds none of them, a sentence on another document (its
   * signer, its date) does not answer.
   */
  documentNumbers: string[];
  /**
   * The question asks which places ("gồm những xã nào", "tỉnh nào"): a place's own name
   * answers it ("các xã Đại Thắng, Tiên Cường và Tự Cường"), not the word "xã".
   */
  asksNames: boolean;
  /**
   * For a share ("bao nhiêu % tổng mức đầu tư"): what it is of, its first two words folded
   * ("tong muc"); "" when not said or not a share. Read once here, as every candidate
   * sentence of the answer is checked against it.
   */
  shareBase: string;
  /**
   * Set for a follow-up that moved the previous question to a new subject no word of it
   * could stand for ("còn viện kiểm sát thì sao?" after the courts' levels): that subject's
   * names, folded (as typed, and with its abbreviations spelled out), one of which an
   * answering sentence must name (src/answer/another-subject.ts).
   */
  shiftedTo?: readonly string[];
}

/** Posts a question picks a holder of with "nào" ("PTT nào ký", "bộ trưởng nào"; folded). */
export const WHICH_POSTS = "pho thu tuong|thu tuong|ptt|bo truong|thu truong|tong bi thu|chu tich nuoc";
/**
 * A person's post, or a word for a person, before "nào" (folded). "vị nào" is a person;
 * "đơn vị", "hành vi", "phạm vi" nào are not ("Những hành vi nào bị nghiêm cấm ...": 118
 * of the crawl's question headings were read as asking who).
 */
export const PERSON_WHICH = new RegExp(
  `\\b(?:${WHICH_POSTS}|lanh dao|ong|ba|(?<!(?:don|hanh|pham) )vi|nhan vat) nao\\b`,
  "u",
);

/**
 * "sở nào" asks which department (folded, as a regular expression's alternatives); "trên
 * cơ sở nào" asks a basis, but "Thuế cơ sở nào" a tax office.
 */
export const WHICH_DEPARTMENT = String.raw`(?<!\bco )so nao|thue co so nao`;

/** A folded question with these, in this order of precedence, is of that type. */
const TYPE_PATTERNS: ReadonlyArray<readonly [QuestionType, RegExp]> = [
  [
    "so_sanh",
    /\b(?:so sanh|khac nhau|khac gi|khac biet|giong nhau|khac voi|co gi khac)\b|\bso voi\b.*\bkhac\b/u,
  ],
  // "sao ... lại đặt tên là Hải Hưng?", "sao ko ...": "sao" opening a question asks why.
  [
    "tai_sao",
    /\b(?:tai sao|vi sao|ly do|nguyen nhan|do dau|vi dau|de lam gi|muc dich)\b|^sao (?:(?:khong|chua|lai|phai)\b|.* lai\b)/u,
  ],
  [
    "khi_nao",
    /\b(?:khi nao|bao gio|luc nao|ngay nao|nam nao|thang nao|thoi gian nao|thoi diem nao|thoi han nao|han chot nao|tu ngay nao|bao lau|ngay bao nhieu|hieu luc tu|(?:ngay|thang|quy) may|nam may(?! tuoi| nguoi| lan)|may gio|hom nao|buoi nao)\b/u,
  ],
  ["bao_nhieu", /\b(?:bao nhieu|so luong|ty le|ti le)\b/u],
  // "gồm những cơ quan nào" asks a list of bodies, not who acts; "được sắp xếp từ những
  // đơn vị nào", "hình thành từ đâu", the units a new one was made of.
  ["nhung_gi", /\b(?:gom|bao gom|co)\s+(?:nhung|cac)\s+(?:co quan|don vi|cap|nguoi|to chuc|ban)\s+nao\b/u],
  ["nhung_gi", ASKS_MADE_FROM],
  // "thuộc thẩm quyền TAND khu vực nào": which region's court, not who has the power.
  ["o_dau", ASKS_REGION],
  [
    "ai",
    new RegExp(
      `(?:^|\\s)(?:ai|nguoi nao|co quan nao|cap nao|don vi nao|dong chi nao|tham quyen|ai la|bo nao|${WHICH_DEPARTMENT}|to chuc nao)(?:\\s|$)`,
      "u",
    ),
  ],
  // "ý kiến của PTT nào", "bộ trưởng nào ký": a post with "nào" asks which person holds it.
  ["ai", PERSON_WHICH],
  // "Giám đốc Trung tâm ... tên là gì" asks who holds the post, by name.
  [
    "ai",
    /\b(?:giam doc|chu tich|bi thu|truong|tong bi thu|thu tuong|bo truong|nguoi dung dau)\b.*\bten (?:la )?gi\b/u,
  ],
  // "thuộc quận nào" asks where; "gồm những xã nào" a list; "cơ quan nào" who; "tỉnh nào
  // cũng" is every province (a yes or no).
  [
    "o_dau",
    /\b(?:o dau|noi nao|tai dau|dia diem|tru so|dia phuong nao)\b|(?<!\b(?:nhung|cac|co) )\b(?:tinh|xa|huyen|quan|phuong|thanh pho) nao\b(?! cung\b)/u,
  ],
  ["la_gi", /\bla gi\b|\bnghia la\b|\bduoc hieu\b|\bkhai niem\b/u],
  [
    "nhung_gi",
    /\b(?:nhung gi|gom nhung|bao gom|gom gi|gom co|nhung .{1,30}(?<!\bthe) (?:nao|gi)|cac .{1,30}(?<!\bthe) (?:nao|gi)|liet ke)\b/u,
  ],
  ["nhu_the_nao", /\b(?:nhu the nao|the nao|ra sao|nhu nao|cach nao|lam sao|thu tuc|quy trinh|cach thuc)\b/u],
  ["co_khong", /\b(?:co|duoc|phai|can|bi)\b.*\b(?:khong|ko|k|chua|hay khong)\s*$/u],
  // "Hạn chót công bố thông tin tuyển sinh 2026?" asks a deadline; a deadline named in a
  // question asking something else does not ("Quá thời hạn nộp tiền ... có bị phạt không?",
  // "nâng lương trước thời hạn ... phải quy định rõ điều gì", "Trường hợp nào không được gia
  // hạn thời hạn hoạt động"): 12 of 40 crawl headings missed this way were such.
  ["khi_nao", /^(?!.*\b(?:nao|gi|sao|khong|ko|ai|dau)\b).*\b(?:thoi han|han chot|cham nhat)\b/u],
];

const ENDS_YES_NO = TYPE_PATTERNS.find(([type]) => type === "co_khong")![1];

/**
 * Reads a question: its type from its question words, its focus from its form ("Những
 * khó khăn khi ...", "... có những khó khăn gì?", "... bao nhiêu đầu mối?", "X là gì?").
 * Works on the folded text, so a question typed without marks reads the same; "ko", "k"
 * and "đc" are read as "không" and "được".
 */
export function analyzeQuestion(
  question: string,
  hasMarks = hasVietnameseDiacritics(question),
): QuestionAnalysis {
  const marked = question.normalize("NFC").toLowerCase();
  const folded = expandShorthands(foldDiacritics(marked), false);
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const text = words.join(" ");
  // "thứ mấy" asks a rank ("huyện đầu tiên"), which no count answers.
  const ranked = asksRank(hasMarks ? marked : text, hasMarks);
  const asked = questionType(withoutAcronymAi(question, text), marked, hasMarks);
  // A number to call is asked whatever the question word: "cho mình xin số đường dây
  // nóng ...", "có tổng đài nào ... không" (a sentence without one does not answer).
  const asksPhone = asksPhoneNumber(text) && (asked === "khac" || asked === "co_khong" || asked === "la_gi");
  // "Mức xử phạt ... là gì?", "Mức phạt lỗi vượt đèn đỏ như thế nào?": the amount of a fine.
  const asksFine =
    FINE_ASKED.test(text) && (asked === "la_gi" || asked === "nhu_the_nao" || asked === "khac");
  const type = ranked && asked === "bao_nhieu" ? "khac" : asksPhone || asksFine ? "bao_nhieu" : asked;
  const unit = asksFine
    ? MONEY_UNIT
    : type === "bao_nhieu" || /\bmay\b/u.test(text)
      ? countedUnit(words, marked, hasMarks, clauseEnds(folded), clauseEnds(folded, true))
      : "";
  // "... có những khó khăn gì" says what it asks at its end, whatever comes first ("Nhất
  // thể hóa ở Đức Thọ có lợi ích gì"); "Khó khăn khi ... là gì" at its start.
  // "những xã nào": "xã" says what kind of name is asked, not what a sentence must say;
  // the names asked are the focus.
  const asksNames = ASKS_PLACE_NAMES.test(text);
  let focus = asksNames ? "" : quantifiedPhrase(words);
  if (focus === "" && !asksNames) focus = foldDiacritics(questionFocus(question, hasMarks));
  // A yes/no question's act ("có phải làm thủ tục ... không") is judged by its predicate.
  if (focus === "" && !asksNames && type !== "co_khong") focus = procedureObject(words);
  if (focus === "" && !asksNames) focus = definedPhrase(words);
  // "thay cụm từ “Ban Dân tộc” bằng gì": what a question quotes is what it asks about.
  if (focus === "") focus = quotedPhrase(question);
  // "Điều 5 quy định về nội dung gì": the article is named by the sentence that answers.
  focus = articleAsked(text) || focus;
  // "phường Lê Lợi còn không hay đã bị sáp nhập": the merger is asked.
  if (focus === "" && !asksNames && MERGED_UNIT.test(text)) focus = "sap nhap";
  if (focus === "" && type === "o_dau") focus = placeNoun(text);
  // "thế nào thì xã được công nhận là xã đảo": the conditions for it are asked.
  if (focus === "" && ASKS_CONDITIONS.test(text)) focus = "dieu kien";
  // "cán bộ ở đặc khu có được hưởng phụ cấp thu hút không, mức bao nhiêu": the amount is
  // the allowance's, whoever the question names first.
  if (unit === MONEY_UNIT) {
    const kind = moneyKind(words);
    if (kind !== "" && !` ${focus} `.includes(` ${kind} `)) focus = kind;
  }
  // "phường An Xuyên mới được sắp xếp từ những đơn vị nào": the former units are asked
  // (named by a list of them, src/answer/former-units.ts), whatever the question names.
  const formerUnits = formerUnitsAsked(text);
  if (formerUnits !== "") focus = formerUnits;
  // "xã Lùng Thẩn giờ nhập vào xã mới tên là gì": the old unit is the situation; the merger
  // that names the new one is asked (answer-evidence).
  if (MERGE_TARGET.test(text)) focus = "";
  // "phường Chu Văn An vì sao lấy tên này": the unit is the situation, its name's origin is
  // asked (answer-evidence), not a sentence naming the unit.
  if (type === "tai_sao" && ASKS_NAMING.test(text)) focus = "";
  // "Đền Cõi ở xã Lạc Phượng thờ ai?": a focus that is the question's own situation is
  // its subject, checked apart; who is worshipped is asked.
  const situation = situationOf(question.normalize("NFC"), hasMarks);
  if (focus !== "" && FOCUS_NOT_SUBJECT.has(type) && situation.includes(focus)) focus = "";
  // An amount ("lương bao nhiêu") is asked by its kind, not by a word a sentence must use.
  // What a count counts is what it asks, whatever the question names first ("Làm nhất thể
  // hoá ở Đức Thọ thì giảm được bao nhiêu đầu mối?": the đầu mối, not the nhất thể hóa).
  // A span of time is counted in years, months or days, none of which a sentence must name.
  if (
    unit !== "" &&
    unit !== MONEY_UNIT &&
    unit !== PERCENT_UNIT &&
    unit !== DURATION_UNIT &&
    (focus === "" || type === "bao_nhieu")
  )
    focus = unit;
  const focusPhrases = focus === "" ? [] : [focus, ...aliasesOf(focus)];
  return {
    type: unit !== "" && type === "khac" ? "bao_nhieu" : type,
    focus,
    focusPhrases,
    opposingPhrases: focus === "" ? [] : opposingOf(focusPhrases),
    unit,
    folded: text,
    situation,
    documentNumbers: documentNumbersIn(question),
    asksNames,
    shareBase: unit === PERCENT_UNIT ? shareBase(words, marked, hasMarks) : "",
  };
}

/** Types whose focus is never the subject the question names (who is asked, not what is about). */
const FOCUS_NOT_SUBJECT: ReadonlySet<QuestionType> = new Set(["ai"]);

/** "thế nào thì ... được ...", "cần gì để được ...": what must hold for something (folded). */
/**
 * A question opening with the fine it asks ("Mức (xử) phạt ..."), not how one is worked out
 * ("... được tính / xác định như thế nào") (folded).
 */
const FINE_ASKED =
  /^(?:cho (?:toi |minh |em )?hoi |xin hoi )?muc (?:xu )?phat\b(?!.*\b(?:tinh|xac dinh|ap dung|thay doi)\b)/u;

const ASKS_CONDITIONS =
  /\bthe nao thi\b.*\bduoc\b|\b(?:can|phai) (?:gi|nhung gi) (?:de|thi) (?:moi )?duoc\b/u;

/** Kinds of place a question may ask the names of (folded). */
const PLACE_KINDS = new Set([
  "xa",
  "phuong",
  "thi tran",
  "thi xa",
  "huyen",
  "quan",
  "tinh",
  "thanh pho",
  "tinh thanh",
  "dia phuong",
  "don vi hanh chinh",
  "thon",
  "ap",
  "lang",
]);
/** "quận nào", not "cơ quan nào" (folded alike). */
const ASKS_PLACE_NAMES = new RegExp(`\\b(?<!co )(?:${[...PLACE_KINDS].join("|")}) nao\\b`, "u");

/** Asking how at the question's end ("... phải làm sao?"), or anywhere in so many words (folded). */
const ENDS_ASKING_HOW = /\b(?:nhu the nao|the nao|ra sao|lam sao|nhu nao)\s*$/u;
const ASKS_HOW = /\b(?:nhu the nao|the nao|ra sao|nhu nao|cach nao|lam sao)\b/u;
/** Who is asked in so many words, not through "thẩm quyền" (folded). */
const ASKS_WHO_PLAINLY = /(?:^|\s)(?:ai|nguoi nao|co quan nao|cap nao|don vi nao|dong chi nao)(?:\s|$)/u;

/**
 * "Lê Minh Hưng giữ chức vụ gì", "bộ trưởng Nội vụ giữ vai trò gì trong BCĐ": which post
 * someone holds, answered by a post's title, as "who" is by a person or an office (folded).
 */
export const ASKS_ROLE =
  /\b(?:giu|dam nhiem|nam giu|kiem|kiem nhiem)(?: nhung| cac)? (?:chuc vu|chuc danh|vai tro|vi tri|cuong vi|chuc) (?:gi|nao)\b/u;

/**
 * A power asked of a holder the question names, not its holder (folded): "... có thẩm
 * quyền gì", "Thẩm quyền xử phạt của ... là gì?" ("thẩm quyền ... thuộc cơ quan gì" still
 * asks who), "có thẩm quyền thu hồi đất trong trường hợp nào", "Thẩm quyền xử phạt hành
 * chính của Chủ tịch UBND từ 01/7/2025?".
 */
const ASKS_POWERS =
  /\btham quyen\b(?!.*\b(?:co quan|cap|don vi|to chuc|bo|so|nguoi) gi\b).*\bgi\b|\btham quyen\b.*\btruong hop nao\b|^tham quyen\b(?!.*\b(?:nao|gi)\b).*\bcua\b/u;
/** "thẩm quyền" that names no one's power: "cấp không đúng thẩm quyền" (folded). */
const POWER_NAMED = /(?<!\b(?:dung|vuot|trai|ngoai) )\btham quyen\b/u;
/** "Người nào có hành vi ...", "ai cũng": anyone, in a question asking yes or no (folded). */
const ANYONE = /\bnguoi nao (?:co hanh vi|vi pham)\b|\bai cung\b/u;

/**
 * Whether a question the "ai" pattern matched asks who after all: not when "thẩm quyền"
 * is its only question word and the power itself is asked, or named as no one's; not when
 * it names the holder and asks whether they may ("Chủ tịch UBND cấp huyện có thẩm quyền
 * xử phạt ... hay không?"), nor when it asks yes or no of anyone.
 */
function asksWhoAfterAll(text: string): boolean {
  const yesNo = ENDS_YES_NO.test(text);
  if (yesNo && ANYONE.test(text)) return false;
  // Asked in so many words, or by another form ("Giám đốc ... tên là gì").
  if (ASKS_WHO_WORD.test(text) || PERSON_WHICH.test(text) || !/\btham quyen\b/u.test(text)) return true;
  if (yesNo && HOLDS_POWER.test(text)) return false;
  return !ASKS_POWERS.test(text) && POWER_NAMED.test(text);
}
/** A named subject's power ("... có thẩm quyền ..."), and the words that ask who besides it. */
const HOLDS_POWER = /\bco tham quyen\b/u;
const ASKS_WHO_WORD = new RegExp(
  `(?:^|\\s)(?:ai|nguoi nao|co quan nao|cap nao|don vi nao|dong chi nao|bo nao|${WHICH_DEPARTMENT}|to chuc nao)(?:\\s|$)`,
  "u",
);

/**
 * The folded question without "ai" where every one was written "AI" in a question that is
 * not in capitals: the acronym ("Gen AI là gì?", "ứng dụng AI trong ...") asks nothing.
 */
function withoutAcronymAi(question: string, text: string): string {
  const acronyms = question.match(/(?<![\p{L}\p{N}])AI(?![\p{L}\p{N}])/gu)?.length ?? 0;
  if (acronyms === 0 || !/\p{Ll}/u.test(question)) return text;
  const words = text.split(" ");
  if (words.filter((w) => w === "ai").length !== acronyms) return text;
  return words.filter((w) => w !== "ai").join(" ");
}

function questionType(text: string, marked: string, hasMarks: boolean): QuestionType {
  if (ASKS_ROLE.test(text)) return "ai";
  // "Thẩm quyền ... thay đổi thì việc công bố ... phải làm sao?" asks how, not who.
  if (ENDS_ASKING_HOW.test(text) && !ASKS_WHO_PLAINLY.test(text)) {
    const earlier = TYPE_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
    if (earlier === "ai") return "nhu_the_nao";
  }
  // "Quy trình kết nạp … gồm mấy bước?" counts steps: naming a procedure does not ask how.
  const counts = hasMarks ? /(?:^|[^\p{L}])mấy(?:[^\p{L}]|$)/u.test(marked) : false;
  for (const [type, pattern] of TYPE_PATTERNS) {
    if (!pattern.test(text)) continue;
    if (type === "nhu_the_nao" && counts && !ASKS_HOW.test(text)) continue;
    // "... có phải đi làm thủ tục đổi địa chỉ không" asks yes or no: naming a procedure
    // is not asking how it goes.
    if (type === "nhu_the_nao" && !ASKS_HOW.test(text) && ENDS_YES_NO.test(text)) continue;
    if (type === "ai" && !asksWhoAfterAll(text)) continue;
    // Typed with marks, "ai" must be "ai" (not "ái", "hải"); unmarked it is all there is.
    if (
      type === "ai" &&
      hasMarks &&
      !/(?:^|[^\p{L}])(?:ai|người nào|cơ quan nào|cấp nào|đơn vị nào|đồng chí nào|thẩm quyền|tên (?:là )?gì|bộ nào|sở nào|tổ chức nào)(?:[^\p{L}]|$)/u.test(
        marked,
      ) &&
      !PERSON_WHICH.test(text)
    )
      continue;
    return type;
  }
  // "mấy" with marks; unmarked "may" only before a noun at the question's end is too loose.
  if (hasMarks ? /(?:^|[^\p{L}])mấy(?:[^\p{L}]|$)/u.test(marked) : /\bmay\b/u.test(text)) return "bao_nhieu";
  return "khac";
}

/**
 * What "ở đâu" asks the place of, when the question names it: "trụ sở ... đặt ở đâu" is
 * answered by an address or a "trụ sở" row, not by any sentence with "ở" and a place.
 */
const PLACE_NOUNS = ["tru so", "dia chi", "dia diem", "tinh ly", "trung tam hanh chinh", "vi tri"];

function placeNoun(text: string): string {
  return PLACE_NOUNS.find((noun) => mentionsAny(text, [noun])) ?? "";
}

/** "… có những khó khăn gì", "… các nhiệm vụ nào", "… có lợi ích gì": the phrase asked for. */
function quantifiedPhrase(words: readonly string[]): string {
  for (let end = words.length - 1; end >= 1; end--) {
    const w = words[end]!;
    if (w !== "gi" && w !== "nao") continue;
    // "là gì" defines; "ngày nào", "người nào", "cơ quan nào" name the type, not a focus
    // (but "ưu điểm gì", "nhược điểm gì" end in a known focus).
    if (words[end - 1] === "la") return "";
    if (TYPE_NOUNS.has(words[end - 1]!) && aliasesOf(words.slice(end - 2, end).join(" ")).length === 0)
      return "";
    let start = end - 1;
    while (start >= 0 && end - start <= 5 && !QUANTIFIERS.has(words[start]!)) start--;
    if (start < 0 || !QUANTIFIERS.has(words[start]!)) return "";
    const phrase = words.slice(start + 1, end).filter((x) => !FOCUS_STOP.has(x));
    // "sửa đổi những nội dung gì": whatever it says is asked, not a sentence naming "nội dung".
    if (GENERIC_FOCUS.has(phrase.join(" "))) return "";
    // Four words are two names of one thing ("khó khăn vướng mắc"), when one is known.
    const known = phrase.length === 4 && aliasesOf(phrase.join(" ")).length > 0;
    return phrase.length >= 1 && (phrase.length <= 3 || known) ? phrase.join(" ") : "";
  }
  return "";
}
/** Nouns that stand for whatever a document says: no sentence names them to answer. */
const GENERIC_FOCUS = new Set(["noi dung", "van de", "diem", "viec", "thong tin", "dieu"]);
/** Words before the asked-for phrase: "có những khó khăn gì", "được lợi gì". */
const QUANTIFIERS = new Set(["nhung", "cac", "co", "duoc"]);
/** Nouns that, before "nào", say what kind of answer is asked (a day, a person, a body). */
const TYPE_NOUNS = new Set([
  "ngay",
  // "thế nào", "như nào" ask how
  "the",
  "nhu",
  "nam",
  "thang",
  "luc",
  "khi",
  "gio",
  "nguoi",
  "quan",
  "vi",
  "cap",
  "noi",
  "diem",
  "chi",
]);

/** "X là gì": the words before "là". */
function definedPhrase(words: readonly string[]): string {
  for (let end = words.length - 1; end >= 1; end--) {
    if (words[end] !== "gi" || words[end - 1] !== "la") continue;
    // "Điều kiện ... theo NĐ 178 là gì": the source named is not what is defined.
    const defined = words.slice(0, end - 1);
    const source = defined.findIndex((w) => w === "theo" || /\d/u.test(w));
    return lastWords(source > 0 ? defined.slice(0, source) : defined);
  }
  return "";
}

/** The last one to three content words of a phrase ("nhất thể hóa", "cấp phó"). */
function lastWords(words: readonly string[]): string {
  const content = words.filter((x) => !FOCUS_STOP.has(x));
  return content.slice(-3).join(" ");
}

/** The two sides a report weighs: what went well and what did not (folded). */
const GOOD_SIDE = ["loi ich", "uu diem", "thuan loi", "hieu qua", "ket qua", "tac dung", "diem manh", "loi"];
const BAD_SIDE = [
  "kho khan",
  "han che",
  "vuong mac",
  "bat cap",
  "nhuoc diem",
  "tro ngai",
  "ton tai",
  "diem yeu",
];

function opposingOf(focusPhrases: readonly string[]): string[] {
  const [focus] = focusPhrases;
  if (focus === undefined) return [];
  if (GOOD_SIDE.includes(focus)) return BAD_SIDE;
  if (BAD_SIDE.includes(focus)) return GOOD_SIDE.filter((p) => p !== "loi");
  return [];
}
