import { placeNamesIn } from "../retrieval/place-names.js";
import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { ASKS_ROLE, mentionsAny, PERSON_WHICH, WHICH_DEPARTMENT } from "../retrieval/question-analysis.js";
import { askedPost, expandedQuestion, expandedWords, namesPost } from "./asked-post.js";
import { definesTerm } from "./definition-evidence.js";
import { speaksOfOtherRank } from "./deputy-post.js";
import { namesOtherOffice } from "./offices.js";
import { perQuestion } from "./per-question.js";
import { namesPerson } from "./person-names.js";
import { namesRoleHolder, POST_TITLE } from "./role-holder.js";

/*
 * The evidence a "who" question asks for: a person or an office beside the act asked
 * (signing, appointing, heading, worshipping ...), a person's name when the question asks
 * who holds a post, a post's title when it asks which post someone holds. Pure.
 */

/**
 * Whether a sentence answers a "who" question: a person or an office beside a verb of
 * signing or appointing, or the act the question names. `folded`: the sentence folded
 * and lower case.
 */
export function namesWho(question: QuestionAnalysis, sentence: string, folded: string): boolean {
  // "... giữ chức vụ gì": a post's title answers, whoever else the sentence names.
  if (ASKS_ROLE.test(question.folded)) return POST_TITLE.test(folded) && namesRoleHolder(question, folded);
  // "Người thừa kế theo pháp luật gồm những ai?", "Đối tượng được hưởng ... là ai?": a
  // class of people, which a law answers by the list it announces ("... gồm các hàng
  // thừa kế sau:", "Đương sự ... là cơ quan, tổ chức, cá nhân bao gồm ...").
  if (ANNOUNCES_MEMBERS.test(folded)) {
    const subject = classAsked(question);
    if (subject !== undefined && (subject === "" || mentionsAny(folded, [subject]))) return true;
    // "Ai là người chịu trách nhiệm trước Nhà nước ...?": those who do the act asked may be
    // many, listed after the sentence naming the act ("những người chịu trách nhiệm ...
    // bao gồm:"); one person or signer is asked otherwise.
    if (!asksPerson(question) && !asksSigner(question) && namesOwnPredicate(question.folded, folded))
      return true;
  }
  // "Ban Thường vụ Tỉnh ủy gồm những ai?" (no class announcing its list): its members,
  // listed after "gồm" by their posts or names ("gồm bí thư, phó bí thư, chủ tịch HĐND
  // ..."), not a sentence that names the body.
  if (ASKS_MEMBERS.test(question.folded))
    return MEMBERS_LISTED.test(folded) && (POST_TITLE.test(folded) || namesPerson(sentence));
  // "Người nộp thuế thu nhập doanh nghiệp là ai?", "Chủ gỗ là ai?": a role a law defines,
  // answered by its definition ("Chủ gỗ là tổ chức, cá nhân ..."), not by a person's name.
  const role = roleAsked(question);
  if (role !== undefined && definesTerm(role, folded)) return true;
  // "Chủ tịch ... là ai?" asks a person: an office that decides does not answer it.
  if (asksPerson(question)) {
    // A person holding another post ("Bí thư Tỉnh ủy" for the Bí thư Huyện ủy) is no answer.
    const post = askedPost(question);
    return (
      namesPerson(sentence) &&
      (post === undefined || namesPost(post, sentence)) &&
      !speaksOfOtherPlace(question, folded) &&
      !namesOnlyAnotherProvince(question, sentence)
    );
  }
  // "Kết luận 126 ai ký?": a document is signed by a person ("Thay mặt Bộ Chính trị,
  // Thường trực Ban Bí thư Trần Cẩm Tú đã ký"), not by the body that issues it.
  if (asksSigner(question)) return namesPerson(sentence) && SIGNS.test(folded);
  // "do ai bổ nhiệm" is answered by who appoints ("Thủ tướng chỉ định"), not by
  // anyone who "chỉ đạo" something in the same sentence.
  const act = askedAct(question.folded);
  // "Đền Cõi thờ ai", "phiên dịch cho ai": whom the act is done to is named beside that
  // act; a body issuing something in the same passage does not answer.
  const objectVerb = act === undefined ? OBJECT_PREDICATE.exec(question.folded)?.[1] : undefined;
  const objectActs = objectVerb !== undefined && !NOT_A_VERB.has(objectVerb);
  // The act the question names itself, not any verb of deciding or giving.
  const actNamed = objectActs
    ? mentionsAny(folded, [objectVerb])
    : (act?.test(folded) ?? namesOwnPredicate(question.folded, folded));
  const acts = actNamed || (!objectActs && act === undefined && AGENT_VERB.test(folded));
  // The deputy's appointment is no answer to who appoints the head, nor the reverse.
  if (act === APPOINTS && speaksOfOtherRank(question.folded, folded, act)) return false;
  // "... là cơ quan nào phát hành?" asks a body: a person quoted on the act ("Theo bà Mỹ,
  // ... phát hành cho thấy") does not name it.
  const agent = ASKS_BODY.test(question.folded)
    ? namesOtherOffice(sentence, question.folded) || namesRole(BODY_ROLE, folded, question)
    : namesPerson(sentence) ||
      namesOtherOffice(sentence, question.folded) ||
      namesRole(BODY_ROLE, folded, question) ||
      // A party ("cá nhân", "người sử dụng đất") is named in most sentences of a law: it
      // answers only beside the act asked ("ai phải chịu án phí" → "Đương sự phải chịu").
      (actNamed && namesRole(PARTY_ROLE, folded, question));
  // "nộp hồ sơ cho cơ quan nào", "gửi thông báo đến cơ quan nào": the body a file goes to,
  // named beside the sending ("nộp hồ sơ tại Sở Tư pháp"), which is no act of its own.
  if (agent && ASKS_RECIPIENT.test(question.folded) && SENDS.test(folded)) return true;
  return agent && acts;
}

/** A question asking to whom something is sent or submitted (folded). */
const ASKS_RECIPIENT = /\b(?:cho|den|toi|tai|len|ve|voi) (?:co quan|don vi|to chuc|bo|so|cap) nao\b/u;
/** Sending or submitting (folded). */
const SENDS = /\b(?:gui|nop|bao cao|thong bao|trinh|chuyen|tiep nhan)\b/u;

/** A question asking who belongs to a class of people or bodies ("các cơ quan, tổ chức nào"), not one (folded). */
const ASKS_CLASS =
  /\b(?:gom|bao gom|la) nhung (?:ai|nguoi nao|doi tuong nao)\b|\bnhung (?:ai|nguoi nao|doi tuong nao)\b.*\b(?:duoc|phai|khong duoc|bi|co quyen)\b|\bdoi tuong\b.*\bla ai\b|\b(?:cac|nhung) (?:co quan|to chuc|ca nhan|don vi|doi tuong)(?: (?:to chuc|ca nhan|don vi))? nao\b|^(?:ca nhan|to chuc|co quan|don vi) (?:ca nhan|to chuc|co quan|don vi) nao\b/u;
/**
 * "X là ai" of a role a law names (a party, not a post): "Đương sự trong vụ việc dân sự là
 * ai?", "Người có nghĩa vụ kê khai hằng năm theo Nghị định 130 là ai?" (folded; the role).
 */
const ROLE_ASKED =
  /^((?:nguoi|chu|doi tuong|dai dien|tac gia|ben|duong su|thanh vien|to chuc|ca nhan|can bo|cong chuc|vien chuc)(?: [a-z0-9]+)*?) la ai(?: (?:theo|trong|tai) [a-z0-9 /.-]+)?$/u;
/** The longest role read as a defined term ("người có nghĩa vụ kê khai hằng năm"). */
const MAX_ROLE_WORDS = 8;

/**
 * The role a "X là ai" question asks to define, read once per analysis (every candidate
 * sentence is checked against it); "... hằng năm theo Nghị định 130 là ai": the document
 * named is no part of the role. Undefined when the question asks no such role.
 */
const roleAsked = perQuestion(({ folded }): string | undefined => {
  const role = ROLE_ASKED.exec(folded)?.[1]?.replace(/ (?:theo|trong|tai) .*$/u, "");
  return role !== undefined && role.split(" ").length <= MAX_ROLE_WORDS ? role : undefined;
});

/** Words before the class a question asks of that say nothing of it ("Theo quy định hiện nay, ..."). */
const CLASS_PREAMBLE =
  /^(?:(?:theo|cho (?:toi|em|minh) hoi|xin hoi|hien nay|quy dinh|phap luat|hien hanh|thi|ve|(?:tu|den|nam|ngay) [\d ]+|\d+)\s+)+/u;

/**
 * The first two words of the class a question asks the members of ("nguoi thua" of
 * "Người thừa kế theo pháp luật gồm những ai", "thuong truc" of "thường trực huyện ủy gồm
 * những ai"), which the announcing sentence must name: "Các cơ quan tham mưu ... Huyện ủy
 * gồm:" does not list the Thường trực. Undefined when no class is asked; empty when the
 * class follows the question word ("Những ai được ...").
 */
const classAsked = perQuestion(({ folded }): string | undefined => {
  const match = ASKS_CLASS.exec(folded);
  if (!match) return undefined;
  const before =
    folded
      .slice(0, match.index)
      .split(/[?.!;,]/u)
      .pop() ?? "";
  const words = before.replace(CLASS_PREAMBLE, "").trim().split(/\s+/u).filter(Boolean);
  // "Những ai được ...": the class follows the question word; any announced list answers.
  return words.slice(0, 2).join(" ");
});

/** "gồm những ai", "bao gồm ai" (folded). */
const ASKS_MEMBERS = /\b(?:bao gom|gom)(?: co)?(?: nhung| cac)? ai\b/u;
/** Members listed: "gồm ...", "bao gồm ...", "gồm có ...", "thành phần ..." (folded). */
const MEMBERS_LISTED = /\b(?:bao gom|gom|thanh phan)\b/u;
/** A sentence announcing who belongs ("... bao gồm:", "gồm các hàng thừa kế sau:", "bao gồm nguyên đơn, bị đơn") (folded). */
const ANNOUNCES_MEMBERS =
  /\b(?:bao gom|gom(?: co)?|nhu sau|sau day|sau)\s*:\s*$|\b(?:bao gom|gom)(?::|\s+(?:cac|nhung|nguoi|ca nhan|to chuc|co quan))/u;

/**
 * Bodies as laws and reports name them, besides the offices of `namesOtherOffice`: "UBND
 * cấp huyện ... chịu trách nhiệm", "Tòa án", "cơ quan thuế" (folded).
 */
const BODY_ROLE =
  /\b(?:ubnd|hdnd|uy ban nhan dan|hoi dong nhan dan|toa an|vien kiem sat|kho bac|co quan (?:thue|bao hiem|cong an|dieu tra|nha nuoc|chuyen mon|co tham quyen|quan ly|dang ky|thi hanh an))\b/gu;
/**
 * Parties as laws name who must act: "Tổ chức, cá nhân thi công ... phải bảo hành", "Chủ
 * sở hữu, người chiếm hữu ... phải bồi thường", "người sử dụng lao động" (folded). Of the
 * crawl's legal answers to "ai" headings, most name such a party, not a person or an office
 * ("người" and what the person does: "người đăng ký quyền sở hữu").
 */
const PARTY_ROLE =
  /\b(?:to chuc|ca nhan|chu so huu|chu dau tu|nha thau|doanh nghiep|ho gia dinh|cong dan|duong su|thu truong|nguoi (?!ta\b|nao\b)[a-z]+|ben (?:mua|ban|thue|cho thue|vay|cho vay|bao lanh|nhan))\b/gu;

/** Whether the sentence names one of `roles` that the question itself does not name. */
function namesRole(roles: RegExp, folded: string, question: QuestionAnalysis): boolean {
  for (const match of folded.matchAll(roles)) {
    // "HĐND" in the question is the "hội đồng nhân dân" of the sentence.
    if (!expandedQuestion(question).includes(` ${expandedWords(match[0]).join(" ")} `)) return true;
  }
  return false;
}

/** A "who" question asking which body acts, not which person (folded). */
const ASKS_BODY = new RegExp(
  `(?:^|\\s)(?:co quan nao|don vi nao|to chuc nao|bo nao|${WHICH_DEPARTMENT})(?:\\s|$)`,
  "u",
);

/**
 * How well a clause of a long sentence holds who is asked, 0..1: trimming keeps that
 * clause ("đồng chí Lê Minh Hưng, ...").
 */
export function whoDetail(question: QuestionAnalysis, clause: string, folded: string): number {
  // A name answers "ai" better than an office the sentence also lists; an office that
  // acts in the clause ("thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân xã") as well,
  // and best the office just before the act asked ("Thường trực Hội đồng nhân dân cấp
  // tỉnh chỉ định ..."), not the offices it acts on ("... và chỉ định Chủ tịch, ...").
  if (namesPerson(clause)) return 1;
  if (!namesOtherOffice(clause, question.folded)) return 0;
  if (actsAsAgent(question, clause, folded)) return 1;
  return AGENT_VERB.test(folded.replace(DOCUMENT_NAME, " ")) ? 0.75 : 0.5;
}

/** How far before the act its agent may be named, in words ("Thủ tướng Chính phủ" ... "chỉ định"). */
const AGENT_REACH = 8;

/**
 * Whether an office the question does not name stands just before the act the question
 * asks ("do ai chỉ định"): the one who acts, not the offices acted on after the verb.
 */
function actsAsAgent(question: QuestionAnalysis, clause: string, folded: string): boolean {
  const act = askedAct(question.folded)?.exec(folded);
  if (!act) return false;
  const before = folded.slice(0, act.index).split(/\s+/).filter(Boolean).length;
  const words = clause.split(/\s+/).filter(Boolean);
  const agent = words.slice(Math.max(0, before - AGENT_REACH), before).join(" ");
  return namesOtherOffice(agent, question.folded);
}

/**
 * "Chủ tịch UBND tỉnh Lào Cai mới (sau hợp nhất với Yên Bái) là ai": the post is the
 * first place's; a sentence naming another place of the question and not that one
 * ("nguyên Chủ tịch UBND tỉnh Bình Định" for Gia Lai's chair) names the other place's
 * holder.
 */
function speaksOfOtherPlace(question: QuestionAnalysis, folded: string): boolean {
  // Years and terms say when, not where.
  const places = question.situation.filter((item) => !/\d/u.test(item));
  if (places.length < 2) return false;
  places.sort((a, b) => question.folded.indexOf(a) - question.folded.indexOf(b));
  const [asked, ...others] = places;
  return !mentionsAny(folded, [asked!]) && others.some((place) => mentionsAny(folded, [place]));
}

/**
 * Whether the sentence names provinces, none of them the one the question asks about:
 * "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Thái Bình Nguyễn Hồng Diên" holds the post asked
 * ("Chủ tịch HĐND tỉnh Cà Mau ... là ai") in another province. A page listing officials
 * of many provinces holds both in one passage, so the passage's situation does not tell.
 */
function namesOnlyAnotherProvince(question: QuestionAnalysis, sentence: string): boolean {
  if (question.situation.length === 0) return false;
  const asked = provincesAsked(question);
  if (asked.length === 0) return false;
  const named = placeNamesIn(sentence, true);
  return named.length > 0 && !named.some((place) => asked.includes(place));
}

/**
 * The provinces among a question's situation, read once per analysis: every candidate
 * sentence of a "who holds it" question is checked against them. (Keyed by the analysis
 * itself: a compound question's parts are analyses of their own, with a wider situation.)
 */
const provincesAsked = perQuestion((question): string[] =>
  placeNamesIn(question.situation.join(" , "), false),
);

/** Questions that ask who holds a post, which only a person's name answers (folded). */
const ASKS_PERSON =
  /\bla ai\b|^ai la\b(?! nguoi (?!dau tien|cuoi cung|ke nhiem|tiep theo)[a-z])|\b(?:nguoi nao|dong chi nao|ong nao|ba nao)\b.*\b(?:la|giu|dam nhiem|lam)\b|\b(?:giam doc|chu tich|bi thu|truong|tong bi thu|thu tuong|bo truong|nguoi dung dau)\b.*\bten (?:la )?gi\b/u;

/** Whether a question asks who holds a post, which only a person's name answers. */
export function asksPerson(question: QuestionAnalysis): boolean {
  return question.type === "ai" && (ASKS_PERSON.test(question.folded) || PERSON_WHICH.test(question.folded));
}
/** Verbs of signing, appointing, deciding, heading (folded). */
const AGENT_VERB =
  /\b(?:ky|ban hanh|bo nhiem|mien nhiem|quyet dinh|phe duyet|chu tri|dung dau|phu trach|giu chuc|dam nhiem|lam truong|tham quyen|giao|chi dao|trao|do)\b/u;
/** "Quyết định số 12/2018", "Quyết định 28/2023": a document's name, not a decision made (folded). */
const DOCUMENT_NAME = /\bquyet dinh (?:so )?\d[\w/.-]*/gu;
/**
 * Acts a "who" question names, each with the words documents use for it (folded): the
 * one asked is what the answer's office or person must do. Not one-syllable words that
 * fold into others ("cử" is "cứ", "cũ"; "giao" is the "Giáo" of "Giáo dục").
 */
const APPOINTS = /\b(?:bo nhiem|chi dinh|phe chuan|quyet dinh|tham quyen)\b/u;
const ACTS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/\b(?:bo nhiem|chi dinh|phe chuan)\b/u, APPOINTS],
  [
    /\b(?:mien nhiem|cach chuc|bai nhiem)\b/u,
    /\b(?:mien nhiem|cach chuc|bai nhiem|quyet dinh|tham quyen)\b/u,
  ],
  [/\b(?:ky|ky ban hanh)\b/u, /\b(?:ky|ban hanh|thay mat)\b/u],
  [/\b(?:cong nhan)\b/u, /\b(?:cong nhan|quyet dinh|tham quyen)\b/u],
  [/\b(?:bau)\b/u, /\b(?:bau|bau ra|trung cu)\b/u],
  [/\b(?:trao)\b/u, /\b(?:trao|trao tang)\b/u],
  // "do ai làm Trưởng ban": who holds the post, a person or the office that holds it too
  // ("Trưởng Ban Tuyên giáo kiêm giám đốc"), not the body that set it up.
  [
    /\b(?:lam|giu|dam nhiem) (?:truong|pho|giam doc|chu tich|bi thu|chanh)\b/u,
    /\b(?:lam|kiem|giu|dam nhiem|kiem nhiem) (?:truong|pho|giam doc|chu tich|bi thu|chanh)\b/u,
  ],
  // What a body belongs to or answers to: an office that "chỉ đạo" it is not its owner.
  // ("thành phố trực thuộc Trung ương" is a kind of city, not what something belongs to.)
  [
    /\btruc thuoc\b/u,
    /\b(?:truc thuoc(?! trung uong)|thuoc su quan ly|la co quan (?:chuyen mon|giup viec) cua)\b/u,
  ],
  // "có trách nhiệm" is asked as often as "chịu trách nhiệm", and answered by either.
  [
    /\b(?:chiu trach nhiem|co trach nhiem|tham muu|giup viec)\b/u,
    /\b(?:chiu trach nhiem|co trach nhiem|tham muu|giup viec)\b/u,
  ],
  // "giao cơ quan nào chủ trì": the body that leads the task, not the ones that take part.
  [/\bchu tri\b/u, /\bchu tri\b/u],
  // "Bộ TTTT nhập về bộ nào": the body it merged into, not one that issued something.
  [
    /\b(?:sap nhap|hop nhat|nhap (?:ve|vao|voi)|chuyen (?:ve|giao))\b/u,
    /\b(?:sap nhap|hop nhat|nhap|chuyen (?:ve|giao|nguyen trang)|tiep nhan)\b/u,
  ],
];

/** A question asking who signed (folded): "ai ký", "người ký", "ký bởi ai"; not "nhiệm kỳ". */
/** "Kết luận 126 ai ký?", "người ký", "ký bởi ai". */
export function asksSigner(question: QuestionAnalysis): boolean {
  return ASKS_SIGNER.test(question.folded);
}

const ASKS_SIGNER = /\b(?:ai|nguoi nao|dong chi nao)\s+(?:da\s+)?ky\b|\bnguoi ky\b|\bky\s+boi\b/u;
/** A signature: "ký", "thay mặt", "TM." (folded). */
const SIGNS = /\b(?:ky|thay mat|tm)\b/u;

/** The verb before "ai" ending a question: whom it is done to ("thờ ai", "phiên dịch cho ai"; folded). */
const OBJECT_PREDICATE = /\b([a-z]+)(?: (?:cho|voi|ve|den|tu))? ai\s*$/u;
/** Words before "ai" that are no act: "là ai", "gồm những ai", "có ai". */
const NOT_A_VERB = new Set(
  "la do boi cua ve voi cho den tu tai o ma thi va nao nguoi phai nhung cac gom bao co duoc hoac hay".split(
    " ",
  ),
);

/**
 * The verb after "ai" ("cơ quan nào", "đơn vị nào") in a question no act of `ACTS` names
 * ("khi Giám đốc vắng mặt thì ai điều hành" → "dieu hanh", "Cơ quan nào quy định chuẩn mực
 * kế toán" → "quy dinh chuan"), past "có", "được", "sẽ", "phải", "là người", "(có) quyền",
 * "trách nhiệm" ("ai là người nộp lệ phí trước bạ" → "nop le", "Ai có quyền công bố di
 * chúc" → "cong bo", answered by "công chứng viên là người công bố di chúc"; "Ai có quyền trong
 * kháng cáo" → "khang cao"; folded).
 */
const OWN_PREDICATE =
  /\b(?:ai|co quan nao|don vi nao|to chuc nao) (?:(?:co|duoc|se|da|phai|thuc su|la nguoi|(?:co )?(?:tham )?quyen|trach nhiem|nghia vu|trong) )*(?!la\b)([a-z]+(?: [a-z]+)?)/u;

/**
 * Whether the sentence names the verb the question asks who does ("một Phó Giám đốc sở
 * được ... ủy quyền thay Giám đốc sở điều hành"): the act beside which an office answers.
 */
function namesOwnPredicate(foldedQuestion: string, folded: string): boolean {
  const verb = OWN_PREDICATE.exec(foldedQuestion)?.[1];
  if (verb === undefined) return false;
  return new RegExp(`\\b${verb}\\b`, "u").test(folded);
}

/** The words that answer the act a "who" question names; undefined when it names none of these. */
function askedAct(foldedQuestion: string): RegExp | undefined {
  return ACTS.find(([asked]) => asked.test(foldedQuestion))?.[1];
}
