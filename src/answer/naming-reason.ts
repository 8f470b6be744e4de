import { mentionsAny, type QuestionAnalysis } from "../retrieval/question-analysis.js";
import { ASKS_NAMING } from "../retrieval/question-forms.js";

/*
 * "Vì sao phường mới lại đặt tên là Thành Đông?": the reason for a unit's name. Pages on
 * the 2025 units say it under "Về tên gọi, ..." without a word of reason ("phường lấy tên
 * Thành Đông, là tên cũ của thành phố Hải Dương"), and a neighbouring unit's page says the
 * same of its own name ("việc đặt tên Hải Hưng nhằm gợi nhớ ..."): the sentence that
 * answers speaks of naming and names the name asked. Pure, on folded text.
 */

/**
 * A sentence on where a name comes from (folded): "Về tên gọi, ...", "nhằm gợi nhớ", "dựa
 * trên tên cổ", "là tên cũ của ...", "lấy tên ... vì ...", "đặt tên theo sông Bạch Đằng",
 * "xuất phát từ tên của bà Nguyễn Thị Rịa", "Tên Bà Rịa có hai cách giải thích".
 * Not the bare naming a merger list writes ("..., đặt tên là phường Gia Định", "có tên gọi
 * là phường Chu Văn An").
 */
const NAMING =
  /\b(?:ve ten goi|goi nho|ten co|ten cu|dua tren|bat nguon|xuat phat tu|nguon goc|cach giai thich|tro thanh ten|toi ten goi|von la|theo ten|la ten|ky niem|(?:dat|lay|mang) ten theo|(?:dat|lay|mang) ten [a-z0-9 ]{1,40} (?:vi|do|nham|de|theo))\b/u;
/** The name asked, after its verb: "đặt tên là Thành Đông" (folded). */
const ASKED_NAME = /\b(?:dat|lay|mang|co) ten (?:la |goi la )?([a-z0-9 ]+)$/u;
/** Words that end a question without being the name: "lấy tên này", "đặt tên như vậy". */
const NOT_A_NAME = /\b(?:nay|do|nhu vay|vay|the|nhu the)$/u;

export function asksNamingReason(question: QuestionAnalysis): boolean {
  return question.type === "tai_sao" && ASKS_NAMING.test(question.folded);
}

/** The name asked ("thanh dong"), or undefined when the question points to it ("tên này"). */
export function askedName(question: QuestionAnalysis): string | undefined {
  const name = ASKED_NAME.exec(question.folded)?.[1]?.trim();
  if (name === undefined || name === "" || NOT_A_NAME.test(name)) return undefined;
  return name.split(" ").slice(0, 4).join(" ");
}

/**
 * The name whose origin a "why is it named so" question asks ("bach dang" of "vì sao ...
 * lại đặt tên là Bạch Đằng"), or undefined for any other question or a name pointed to.
 */
export function originAskedOf(question: QuestionAnalysis): string | undefined {
  return asksNamingReason(question) ? askedName(question) : undefined;
}

/** Whether the folded sentence says where the name asked comes from. */
export function givesNamingReason(question: QuestionAnalysis, folded: string): boolean {
  if (!NAMING.test(folded)) return false;
  const name = askedName(question);
  return name === undefined || mentionsAny(folded, [name]);
}
