import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { foldDiacritics, hasVietnameseDiacritics } from "../text/index.js";
import { perQuestion } from "./per-question.js";

/*
 * The evidence a "tại sao / vì sao" question asks for: a reason or a purpose that says
 * something the question does not. "... người dân vẫn phải đi lại nhiều lần ... để làm thủ
 * tục về đất đai" restates what was asked ("để" leads back into its words); the sentence
 * after it, "Nguyên nhân ... do hệ thống chi nhánh ... vẫn thuộc cấp tỉnh quản lý", answers.
 * Pure.
 */

/** A reason or a purpose (folded). */
const REASON =
  /\b(?:do|vi|boi|nham|de|nguyen nhan|ly do|xuat phat tu|dan den|vi vay|vi the|muc dich|muc tieu|giup)\b/gu;
/** The same words with their marks: folded, "đơn vị", "đề án" and "theo đó" would give reasons. */
const REASON_MARKED =
  /(?<![\p{L}\p{N}])(?:do|vì|bởi|nhằm|để|nguyên nhân|lý do|lí do|xuất phát từ|dẫn đến|dẫn tới|mục đích|mục tiêu|giúp|từ đó|do đó|nên|tội danh)(?![\p{L}\p{N}])/gu;

/** The words after a reason's marker read as what it gives. */
const REASON_WORDS = 8;
/** Words of the question's own that a reason may repeat and still say something new, this many not. */
const NEW_WORDS = 2;
/** Words that carry no content: a reason made of these and the question's words says nothing new. */
const FUNCTION_WORDS = new Set(
  (
    "la cua va cac nhung mot the thi ma o tai ve cho voi duoc co khong da se dang nay do de vi tu " +
    "trong den nen phai can viec nhieu lan khi ra vao len bi hon rat cung van con chi"
  ).split(" "),
);

/** The question's folded words, read once per analysis. */
const questionWords = perQuestion(({ folded }) => new Set(folded.split(/[^a-z0-9]+/u)));

/**
 * Whether the sentence gives a reason that says more than the question: read with its
 * marks when it has them; some marker must be followed by words the question lacks.
 */
export function givesReason(question: QuestionAnalysis, sentence: string, folded: string): boolean {
  const lower = sentence.normalize("NFC").toLowerCase();
  const marked = hasVietnameseDiacritics(lower);
  const text = marked ? lower : folded;
  const asked = questionWords(question);
  for (const match of text.matchAll(marked ? REASON_MARKED : REASON)) {
    // "chưa có cơ chế kiểm soát quyền lực, dễ dẫn đến chuyên quyền": an effect's marker has
    // its cause before it (often in the clause before) and the question's own words after.
    if (CONSEQUENCE.test(foldDiacritics(match[0]))) return true;
    const words = text.slice(match.index + match[0].length).split(/\s+/u, REASON_WORDS + 1);
    let fresh = 0;
    for (const word of words) {
      const plain = foldDiacritics(word).replace(/[^a-z0-9]/gu, "");
      if (plain !== "" && !FUNCTION_WORDS.has(plain) && !asked.has(plain) && ++fresh >= NEW_WORDS)
        return true;
    }
  }
  return false;
}

/**
 * Markers of an effect, whose cause comes before them (folded). Not "do đó": the markers'
 * pattern reads its "do" first, as a cause.
 */
const CONSEQUENCE = /^(?:dan den|dan toi|vi vay|vi the|tu do|nen)$/u;
