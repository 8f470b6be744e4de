import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { termsOf } from "./sentence-terms.js";
import type { Passage } from "./types.js";

/*
 * What a question with a focus asks it of: "Lợi ích của việc nhất thể hóa là gì?" asks
 * the benefits ("lợi ích", the focus) of "nhất thể hóa" (the topic). A passage that never
 * names the topic, in its text, title or headings, cannot say what its benefits are,
 * however well one of its sentences names benefits ("tiết kiệm, hiệu quả" in a plan on
 * land surveys). Pure.
 */

/** Syllables that carry no topic: function words, question words, nominalizers (folded). */
const NOT_TOPIC = new Set([
  "cua",
  "viec",
  "su",
  "la",
  "gi",
  "nao",
  "cac",
  "nhung",
  "mot",
  "co",
  "khong",
  "ko",
  "duoc",
  "dc",
  "va",
  "voi",
  "cho",
  "ve",
  "o",
  "tai",
  "trong",
  "khi",
  "thi",
  "ma",
  "de",
  "do",
  "bao",
  "nhieu",
  "may",
  "sao",
  "nhu",
  "ra",
]);

/**
 * The question's two-syllable terms ("b:nhat_the", "b:the_hoa") that name its topic, in a
 * question that asks its focus of it: "<focus> của [việc] <topic> là gì / gồm những gì /
 * như thế nào". Empty for other forms ("Ngân sách của Đảng chia thành mấy cấp?": what
 * follows "của" is not all topic there).
 */
export function topicBigrams(question: QuestionAnalysis, questionTerms: Iterable<string>): string[] {
  if (question.focus === "") return [];
  const phrase = TOPIC_QUESTION.exec(question.folded.replace(/[^\p{L}\p{N}]+/gu, " ").trim());
  if (!phrase || phrase[1] !== question.focus) return [];
  const words = phrase[2]!.split(" ");
  const terms = new Set(questionTerms);
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const pair = [words[i - 1]!, words[i]!];
    // ("thể" of "nhất thể hóa" folds as "thế" of "như thế nào" does: the word beside it tells.)
    if (pair.some((w) => NOT_TOPIC.has(w) || /\d/u.test(w))) continue;
    const term = `b:${pair[0]}_${pair[1]}`;
    if (terms.has(term)) out.push(term);
  }
  return out;
}
const TOPIC_QUESTION =
  /^(?:nhung |cac )?(.+?) cua (?:viec |su )?(.+?) (?:la gi|la nhung gi|gom nhung gi|gom gi|co gi|nhu the nao|the nao|ra sao)$/u;

/**
 * Whether a passage holds none of the question's topic terms (`holds`: its text, title or
 * headings hold a term), so that none of its sentences can answer what the question asks
 * of that topic.
 */
export function missesTopic(topic: readonly string[], holds: (term: string) => boolean): boolean {
  return topic.length > 0 && !topic.some(holds);
}

/**
 * Which terms a passage, its title or its headings hold: the store's matched terms (of
 * the question's), or its text analyzed when the store gave none.
 */
export function passageHolder(passage: Passage, context: readonly string[]): (term: string) => boolean {
  const inContext = termsOf(context.join("\n"));
  const matched = passage.matchedTerms ? new Set(passage.matchedTerms) : null;
  const inText = matched ? null : termsOf(passage.chunk.text);
  return (term) => inContext.has(term) || (matched ? matched.has(term) : inText!.has(term));
}
