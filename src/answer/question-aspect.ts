import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { mentionsAny } from "../retrieval/question-analysis.js";

/*
 * The aspect a question opens with: "Phí thủ tục phê duyệt phương án ...", "Thời hạn giải
 * quyết thủ tục tặng Huy chương ...", "Quy trình xét tặng danh hiệu ... thế nào?". A legal
 * page answers several aspects of one subject in sections worded alike ("quy định về thủ
 * tục ...", "quy định về thời hạn giải quyết thủ tục ..."); the section that answers names
 * the aspect asked. Pure.
 */

/**
 * Aspects of a rule or a procedure a question asks by its opening noun (folded), longest
 * first so that "thời hạn giải quyết" is read before "thời hạn".
 */
const ASPECTS = [
  "thoi han giai quyet",
  "thanh phan ho so",
  "trinh tu thu tuc",
  "muc xu phat",
  "muc phat",
  "muc thu",
  "muc huong",
  "le phi",
  "phi",
  "thoi han",
  "quy trinh",
  "trinh tu",
  "dieu kien",
  "ho so",
  "tham quyen",
  "doi tuong",
  "nguyen tac",
  "tieu chuan",
  "tieu chi",
  "nhiem vu",
  "quyen han",
  "nghia vu",
  "trach nhiem",
  "hinh thuc",
  "phuong thuc",
  "co cau",
  "che do",
  "muc dich",
  "muc tieu",
  "noi dung",
  "yeu cau",
  "dac diem",
  "quyen",
];

/** Openings before the aspect that ask nothing themselves (folded). */
const OPENING = /^(?:cho (?:(?:toi|minh|em) )?hoi |xin hoi |(?:xin )?cho (?:(?:toi|minh|em) )?biet )?/u;

/**
 * The aspect the question opens with, or undefined: only when the question's own focus
 * does not already name it (the focus then decides) and something follows it (the subject).
 */
export function askedAspect(question: QuestionAnalysis): string | undefined {
  const rest = question.folded.replace(OPENING, "");
  const aspect = ASPECTS.find((a) => rest.startsWith(`${a} `));
  if (aspect === undefined) return undefined;
  if (question.focusPhrases.some((focus) => mentionsAny(focus, [aspect]))) return undefined;
  return aspect;
}

/** Whether a folded text names the aspect. */
export function namesAspect(aspect: string, folded: string): boolean {
  return mentionsAny(folded, [aspect]);
}
